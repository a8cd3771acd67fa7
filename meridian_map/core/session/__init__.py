"""Consult mode without Qt: routines, the screening that acts on them, the player and note saving."""
