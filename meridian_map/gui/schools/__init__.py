"""Technique schools in the window: the side-by-side comparison, its printed sheet and the sources view."""
