"""`python -m meridian_map` behaves like the `meridian-map` command."""

import sys

from .cli import main

sys.exit(main())
