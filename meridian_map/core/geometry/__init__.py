"""Shapes on the face: which zone a point falls in, and where labels fit.

Shapely stays behind these modules, imported only when a catalog is built or
a layout is computed, so a window started from the cached catalog never pays
for it.
"""
