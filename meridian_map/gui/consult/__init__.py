"""Consult mode's screens, imported the first time one is entered."""
