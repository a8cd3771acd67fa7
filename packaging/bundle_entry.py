"""The bundle's program: the same `cli.run` as the installed `meridian-map` command.

Going through `run` keeps what the command does at exit (freezing the heap
instead of a last collection) the same in the bundle as in a wheel install.
"""

from meridian_map.cli import run

run()
