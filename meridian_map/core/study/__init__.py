"""Studying the points: cards, decks, scoring, scheduling and progress.

Pure and clock-free: every function that needs the time takes it as an
argument, so a test can live through sixty days in a second. Nothing here is
imported when the window starts; study code loads when a student first uses it.
"""
