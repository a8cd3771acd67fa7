"""A mapped photo as a client record keeps it: pixels without metadata, landmarks in those pixels, read back warily."""

from __future__ import annotations

import math

import numpy as np
import pytest

from meridian_map.core.catalog import Catalog

pytest.importorskip("PIL", reason="photo mode needs the extra: pip install 'meridian-map[photo]'")

from meridian_map.core.photo.fit import FitError, MappedPhoto, fit_landmarks
from meridian_map.core.photo.image import Photo, PhotoError
from meridian_map.core.photo.record import from_record, record_of


def large_photo(catalog: Catalog) -> MappedPhoto:
    """A 4000 × 3000 photo kept at 2000 × 1500, fitted to the drawing's landmarks moved onto it (no face mesh)."""
    pixels = np.full((1500, 2000, 3), 180, dtype=np.uint8)
    pixels[400:1100, 700:1300] = (200, 150, 130)
    photo = Photo(pixels, 4000, 3000, "large.jpg")
    drawn = catalog.face.landmarks
    landmarks = {name: (1400 + 9.0 * x, 300 + 9.0 * y) for name, (x, y) in drawn.items() if name != "hairline_mid"}
    return MappedPhoto(photo, fit_landmarks(drawn, landmarks))


def test_a_record_reopens_as_saved_in_the_stored_photos_own_pixels(catalog: Catalog) -> None:
    mapped = large_photo(catalog)
    jpeg, landmarks = record_of(mapped)
    assert jpeg.startswith(b"\xff\xd8") and b"Exif" not in jpeg[:64]
    assert landmarks["chin"] == pytest.approx(tuple(v / 2 for v in mapped.fit.photo["chin"]))
    reopened = from_record(catalog, jpeg, landmarks, "Ms K's photo")
    assert reopened.size == (2000, 1500) and reopened.photo.scale == 1.0
    for name in ("chin", "pupil_r", "mouth_corner_l"):
        assert reopened.fit.photo[name] == pytest.approx(landmarks[name])
    point = catalog.point("ST2.R").pos
    before, after = mapped.fit.to_photo([point])[0], reopened.fit.to_photo([point])[0]
    assert math.dist(after, before / 2) < 0.01, "the map lands where it did, in the stored photo's pixels"


def test_a_tampered_record_is_refused_with_the_reason(catalog: Catalog) -> None:
    jpeg, landmarks = record_of(large_photo(catalog))
    with pytest.raises(PhotoError, match="Ms K's photo: the image is damaged"):
        from_record(catalog, jpeg[: len(jpeg) // 3], landmarks, "Ms K's photo")
    for bad in (math.nan, math.inf, 1e12):
        with pytest.raises(FitError, match="1 saved landmark"):
            from_record(catalog, jpeg, {**landmarks, "chin": (bad, 10.0)}, "Ms K's photo")
    with pytest.raises(FitError, match="landmarks in common"):
        from_record(catalog, jpeg, {"chin": landmarks["chin"]}, "Ms K's photo")
