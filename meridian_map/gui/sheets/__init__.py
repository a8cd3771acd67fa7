"""The printed sheets drawn with QPainter.

`render` is the way in; `canvas` lays out text and draws the shared marks,
`hatching` fills zones, `face` draws the face, `layout` holds what both sheets
share, and `cheat` and `takehome` lay out one sheet each.
"""
