"""The pure-Python heart of Meridian Map.

Nothing under this package may import Qt: the catalog, search, study and
routine logic must run (and be tested) without a display, and the PDF, CLI
and window all read the same records from here.
"""
