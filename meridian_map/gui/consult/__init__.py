"""Consult mode: the clients workspace (mode `clients`) and the presentation player (mode `consult`), imported the
first time one is entered."""
