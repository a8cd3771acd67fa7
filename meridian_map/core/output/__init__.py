"""What leaves the app: the JSON export and printed sheets as data.

Sheets are laid out here as plain records so that the window, the command
line and the tests agree on what a page holds; painting them is the GUI's.
"""
