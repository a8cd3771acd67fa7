"""The pure-Python heart of Meridian Map.

Nothing under this package may import Qt: the catalog, search, study and
routine logic must run (and be tested) without a display, and the PDF, CLI
and window all read the same records from here.

The packages follow the data: `load` turns files into one checked catalog,
`geometry` and `text` answer questions about it, `output` turns it into
exports and sheets, `store` keeps the user's files, and `study` and `session`
hold the pure logic of those modes. The modules at this level are the
vocabulary they share.
"""
