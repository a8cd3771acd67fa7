"""A mapped photo as a client record keeps it, and back: pixels without metadata, landmarks in those pixels.

The record holds the working copy of the photo (at most WORKING_SIDE on its
long side, re-encoded from the decoded pixels, so no EXIF survives) and the
landmarks as the practitioner left them, corrections included. Landmarks are
stored in the stored JPEG's own pixels, so the record is whole on its own:
reopening it needs neither the original file nor MediaPipe, only the fit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..catalog import Catalog
from ..model import Vec
from .fit import FitError, MappedPhoto, fit_landmarks
from .image import decode_photo, encode_jpeg


def record_of(mapped: MappedPhoto) -> tuple[bytes, dict[str, Vec]]:
    """The JPEG (no metadata) and the fitted photo landmarks in its pixels, as `ClientStore.save_photo` takes them."""
    scale = mapped.photo.scale
    landmarks = {name: (x * scale, y * scale) for name, (x, y) in mapped.fit.photo.items()}
    return encode_jpeg(mapped.photo), landmarks


def from_record(catalog: Catalog, jpeg: bytes, landmarks: Mapping[str, Vec], name: str) -> MappedPhoto:
    """The saved photo mapped again from its saved landmarks (PhotoError, FitError when the record is unusable).

    The stored bytes are read as any photo is, since the client file can be
    edited by anyone who can write it.
    """
    photo = decode_photo(jpeg, name)
    usable = {
        key: (x, y)
        for key, (x, y) in landmarks.items()
        if math.isfinite(x) and math.isfinite(y) and _near(x, photo.width) and _near(y, photo.height)
    }
    if len(usable) < len(landmarks):
        raise FitError(f"{name}: {len(landmarks) - len(usable)} saved landmark(s) lie far off the photo")
    return MappedPhoto(photo, fit_landmarks(catalog.face.landmarks, usable))


def _near(at: float, size: int) -> bool:
    """On the photo, or as far beside it as a landmark dragged past its edge could be."""
    return -size <= at <= 2 * size
