"""Zone polygons and the hit index: which zone is under (x, y)?

A shapely STRtree answers in microseconds whatever the number of zones,
where a loop over polygons grows linearly; the window, the tests and the
benchmarks all go through `ZoneIndex.hit`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import shapely
from shapely.geometry import Point, Polygon
from shapely.validation import explain_validity

from ..model import Vec


def polygon(ring: Sequence[Vec]) -> Polygon:
    return Polygon(ring)


def invalid_reason(shape: Polygon) -> str | None:
    """Why an outline is unusable, in words, or None when it is fine."""
    if shape.is_empty or shape.area <= 0:
        return "outline has no area"
    if not shape.is_valid:
        return f"outline is not a simple shape ({explain_validity(shape)})"
    return None


class ZoneIndex:
    """Hit-testing over non-overlapping zone outlines."""

    def __init__(self, outlines: Mapping[str, Sequence[Vec]]) -> None:
        self.keys: tuple[str, ...] = tuple(outlines)
        self.polygons: tuple[Polygon, ...] = tuple(polygon(outlines[k]) for k in self.keys)
        for shape in self.polygons:
            shapely.prepare(shape)
        self._tree = shapely.STRtree(self.polygons)

    def hit(self, x: float, y: float) -> str | None:
        found = self._tree.query(Point(x, y), predicate="intersects")
        if len(found) == 0:
            return None
        return self.keys[int(min(found))]

    def overlaps(self, min_area: float) -> Iterable[tuple[str, str, float]]:
        """Pairs of outlines that share more than `min_area` square units."""
        for i, shape in enumerate(self.polygons):
            for j in self._tree.query(shape, predicate="intersects"):
                if j <= i:
                    continue
                shared = shape.intersection(self.polygons[j]).area
                if shared > min_area:
                    yield self.keys[i], self.keys[int(j)], shared

    def near(self, key: str, distance: float) -> list[str]:
        """Keys of the outlines within `distance` of this one (itself excluded)."""
        shape = self.polygons[self.keys.index(key)]
        found = self._tree.query(shape, predicate="dwithin", distance=distance)
        return [self.keys[int(i)] for i in found if self.keys[int(i)] != key]

    def distance(self, key: str, p: Vec) -> float:
        return float(self.polygons[self.keys.index(key)].distance(Point(p)))

    def centroid(self, key: str) -> Vec:
        """A point guaranteed to lie inside the outline (for labels and tests)."""
        inside = self.polygons[self.keys.index(key)].representative_point()
        return (float(inside.x), float(inside.y))


def simplified(ring: Sequence[Vec], tolerance: float) -> tuple[Vec, ...]:
    """The outline without the vertices that move it by less than `tolerance`.

    The drawing's curves are flattened finely enough for the map at full zoom;
    on paper most of those vertices are closer together than a printer's dot.
    """
    shape = polygon(ring).simplify(tolerance, preserve_topology=True)
    if not isinstance(shape, Polygon) or shape.is_empty:
        return tuple(ring)
    return tuple((float(x), float(y)) for x, y in shape.exterior.coords[:-1])


def label_spots(ring: Sequence[Vec], step: float = 2.0, least: float = 5.0) -> tuple[tuple[Vec, float], ...]:
    """Where a zone's number fits, each with its distance to the edge.

    First the point deepest inside the outline (the pole of inaccessibility),
    then grid points at least `least` units from the edge, roomiest first, so
    a number crossed by another zone's leader line can move to the next one.
    """
    from shapely.ops import polylabel

    shape = polygon(ring)
    if not shape.is_valid:
        shape = shape.buffer(0)
    centre = polylabel(shape, tolerance=0.2) if isinstance(shape, Polygon) else shape.representative_point()
    deepest = ((float(centre.x), float(centre.y)), float(shape.boundary.distance(centre)))
    left, top, right, bottom = shape.bounds
    xs = [left + step * i for i in range(int((right - left) / step) + 1)]
    ys = [top + step * j for j in range(int((bottom - top) / step) + 1)]
    grid = shapely.points([(x, y) for x in xs for y in ys])
    inside = grid[shapely.contains(shape, grid)]
    rooms = shapely.distance(shape.boundary, inside)
    spots = [((float(p.x), float(p.y)), float(r)) for p, r in zip(inside, rooms, strict=True) if r >= least]
    return (deepest, *sorted(spots, key=lambda spot: -spot[1]))
