"""The map carried onto a photo: the drawing's landmarks fitted to the photo's, and a catalog in photo pixels.

`mapped_catalog` gives every surface what it already reads, a Catalog, with
every outline, stroke, point and landmark moved onto the photo: so hover,
click, search, the panel, the JSON export and the sheets work on a photo as
on the drawing, with no code of their own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..catalog import Catalog
from ..model import Face, PlacedPoint, Vec, ViewBox, ZoneArea
from .image import Photo
from .warp import ThinPlateSpline


class FitError(ValueError):
    """Too few landmarks in common between the drawing and the photo to fit a map."""


@dataclass(frozen=True)
class PhotoFit:
    """The drawing's landmarks (face units) fitted to the photo's (original pixels)."""

    drawing: Mapping[str, Vec]
    photo: Mapping[str, Vec]
    spline: ThinPlateSpline
    names: tuple[str, ...]  # the landmarks fitted, in the spline's order

    @property
    def residual_px(self) -> float:
        """The root-mean-square distance, in photo pixels, between a landmark and where the map puts it."""
        return self.spline.rms_residual

    @property
    def face_height(self) -> float:
        """Hairline to chin on the photo, in pixels, as the map puts them."""
        top, chin = self.spline(np.array([self.drawing["hairline_mid"], self.drawing["chin"]]))
        return math.dist(top, chin)

    @property
    def residual_share(self) -> float:
        """The residual as a share of the face's height (hairline to chin)."""
        return self.residual_px / self.face_height if self.face_height else math.inf

    def moved(self, name: str, to: Vec) -> PhotoFit:
        """The fit with one photo landmark put where the practitioner dragged it."""
        return fit_landmarks(self.drawing, {**self.photo, name: to})

    def to_photo(self, points: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
        return self.spline(points)


def fit_landmarks(drawing: Mapping[str, Vec], photo: Mapping[str, Vec]) -> PhotoFit:
    names = tuple(name for name in photo if name in drawing)
    if len(names) < 6 or not {"hairline_mid", "chin"} <= set(drawing):
        raise FitError(f"only {len(names)} landmarks in common between the drawing and the photo; 6 are needed")
    source = np.array([drawing[name] for name in names], dtype=np.float64)
    target = np.array([photo[name] for name in names], dtype=np.float64)
    return PhotoFit(dict(drawing), dict(photo), ThinPlateSpline(source, target), names)


def mapped_catalog(catalog: Catalog, fit: PhotoFit, size: tuple[int, int], name: str, scale: float = 1.0) -> Catalog:
    """The catalog with its geometry on the photo, in photo pixels times `scale`.

    All coordinates go through the spline in one call (a few thousand
    points): the outlines, strokes, points, label places, print outlines and
    the drawing's landmarks.
    """
    chunks: list[tuple[Vec, ...]] = []
    chunks.extend(area.outline for area in catalog.areas.values())
    chunks.extend(line for area in catalog.areas.values() for line in area.strokes)
    chunks.append(tuple(p.pos for p in catalog.points))
    chunks.extend(tuple(at for at, _room in spots) for spots in catalog.label_spots.values())
    chunks.extend(catalog.print_outlines.values())
    landmark_names = tuple(catalog.face.landmarks)
    chunks.append(tuple(catalog.face.landmarks[n] for n in landmark_names))
    flat = np.array([p for chunk in chunks for p in chunk], dtype=np.float64).reshape(-1, 2)
    moved = fit.to_photo(flat) * scale
    pieces: list[tuple[Vec, ...]] = []
    start = 0
    rows: list[list[float]] = moved.tolist()  # plain floats at C speed, then sliced per chunk
    for chunk in chunks:
        pieces.append(tuple(map(tuple, rows[start : start + len(chunk)])))  # type: ignore[arg-type]
        start += len(chunk)
    parts = iter(pieces)

    outlines = {key: next(parts) for key in catalog.areas}
    strokes = {key: tuple(next(parts) for _ in area.strokes) for key, area in catalog.areas.items()}
    points = tuple(PlacedPoint(p.info, p.side, pos) for p, pos in zip(catalog.points, next(parts), strict=True))
    units = _units_per_face_unit(fit) * scale
    label_spots = {
        zone: tuple((at, room * units) for at, (_old, room) in zip(next(parts), spots, strict=True))
        for zone, spots in catalog.label_spots.items()
    }
    print_outlines = {key: next(parts) for key in catalog.print_outlines}
    landmarks = dict(zip(landmark_names, next(parts), strict=True))
    width, height = size
    face = Face(ViewBox(0.0, 0.0, width * scale, height * scale), (), landmarks, outlines, name)
    areas = {key: ZoneArea(a.zone, a.side, outlines[key], strokes[key]) for key, a in catalog.areas.items()}
    return replace(
        catalog,
        face=face,
        points=points,
        areas=areas,
        label_spots=label_spots,
        print_outlines=print_outlines,
        _points_by_key={p.key: p for p in points},
    )


def _units_per_face_unit(fit: PhotoFit) -> float:
    """How many photo pixels one face unit of the drawing became, on average (hairline to chin)."""
    top, chin = fit.drawing["hairline_mid"], fit.drawing["chin"]
    drawn = math.dist(top, chin)
    return fit.face_height / drawn if drawn else 1.0


@dataclass(frozen=True)
class MappedPhoto:
    """A photo with the map fitted to its face: what photo mode shows, exports and prints."""

    photo: Photo
    fit: PhotoFit

    @property
    def size(self) -> tuple[int, int]:
        return (self.photo.width, self.photo.height)

    def catalog(self, catalog: Catalog, scale: float = 1.0) -> Catalog:
        """The catalog on the photo, in the photo's own pixels times `scale`."""
        return mapped_catalog(catalog, self.fit, self.size, self.photo.name, scale)

    def drawing_scale(self, catalog: Catalog) -> float:
        """Drawing units per photo pixel: the photo's face drawn as large as the drawing's.

        Scenes and sheets size their lines, markers and labels for the
        drawing; at this scale they look the same on the photo.
        """
        drawn = math.dist(catalog.face.landmarks["hairline_mid"], catalog.face.landmarks["chin"])
        return drawn / self.fit.face_height if self.fit.face_height else 1.0

    def moved(self, name: str, to: Vec) -> MappedPhoto:
        return MappedPhoto(self.photo, self.fit.moved(name, to))


def map_photo(catalog: Catalog, photo: Photo) -> MappedPhoto:
    """Find the one face on the photo and fit the drawing to it (NoFaceError, FitError say why not)."""
    from .landmarks import detect

    return MappedPhoto(photo, fit_landmarks(catalog.face.landmarks, detect(photo).landmarks))
