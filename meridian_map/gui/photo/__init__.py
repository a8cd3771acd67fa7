"""Photo mode in the window: the client's photo as one more scene under the same MapState.

Imported on first use (File → Open Photo…), never at start-up.
"""
