"""`python -m meridian_map` behaves like the `meridian-map` command."""

from .cli import run

run()
