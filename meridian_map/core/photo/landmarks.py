"""One face's landmarks on a photo, by MediaPipe's face mesh, offline, with the reasons not to trust them.

The face mesh (MediaPipe's legacy solution) runs on models inside the
MediaPipe wheel: nothing is fetched at run time. Its 478 points are
numbered anatomically (the subject's right eye is always the same numbers),
so the names below are the subject's sides, as the drawing's are; a
camera photo shows the subject's right on the viewer's left, like the
drawing.

The checks after detection say when a result is not to be trusted: none or
several faces, a face too small, too turned or too dark.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import Vec
from .image import Photo, PhotoError, luminance

DETECT_SIDE = 1024  # the long side the mesh is run on: its crops are 192 px, more only costs time
MAX_FACES = 3  # enough to tell one face from several
MIN_FACE_PX = 64  # hairline to chin, on the photo as detected: smaller faces give coarse meshes
MAX_TURN = 0.2  # the nose's offset from the middle of the cheeks, as a share of the face's width
MIN_FACE_LUMA = 40.0  # 0–255: darker faces give landmarks that wander
DARK_PHOTO_LUMA = 30.0

# The drawing's landmark names (face.svg #landmarks) and the mesh points that mark the same spot; several
# numbers are averaged. Only spots the mesh marks well: it stops short of the ears and of the hairline (its
# top row lies on the forehead, well below the hairline on most faces), so the hairline, tragus and earlobe
# are left to the spline, which carries the drawing's proportions there.
MESH_POINTS: Mapping[str, tuple[int, ...]] = {
    "brow_medial_r": (55, 107),
    "brow_medial_l": (285, 336),
    "brow_lateral_r": (46, 70),
    "brow_lateral_l": (276, 300),
    "brow_mid_r": (52, 105),
    "brow_mid_l": (282, 334),
    "glabella": (9,),
    "nasion": (168,),
    "inner_canthus_r": (133,),
    "inner_canthus_l": (362,),
    "outer_canthus_r": (33,),
    "outer_canthus_l": (263,),
    "pupil_r": (468,),
    "pupil_l": (473,),
    "zygion_r": (234,),
    "zygion_l": (454,),
    "nose_tip": (1,),
    "ala_r": (64,),
    "ala_l": (294,),
    "ala_base_r": (98,),
    "ala_base_l": (327,),
    "subnasale": (2,),
    "labrale_superius": (0,),
    "stomion": (13, 14),
    "mouth_corner_r": (61,),
    "mouth_corner_l": (291,),
    "mentolabial_sulcus": (18,),
    "chin": (152,),
    "mandible_angle_r": (172,),
    "mandible_angle_l": (397,),
}


class NoFaceError(PhotoError):
    """The photo has no face, several, or one the map cannot be trusted on; the message says which."""


@dataclass(frozen=True)
class Detection:
    """A trusted face: the named landmarks in the original photo's pixels, and the whole mesh."""

    landmarks: Mapping[str, Vec]
    mesh: tuple[Vec, ...]
    face_height: float  # hairline to chin, original pixels
    turn: float  # signed, see MAX_TURN
    luma: float  # the face's mean brightness, 0–255


_mesh: Any = None
_mesh_lock = threading.Lock()  # one graph, run by one thread at a time (the window maps photos off its own thread)
_warming: threading.Thread | None = None


class _PyplotOnDemand(types.ModuleType):
    """Stands in for matplotlib.pyplot while MediaPipe is imported; the real one loads if anything uses it.

    MediaPipe's drawing utilities import pyplot at the top, for a plotting
    function photo mode never calls: about 0.4 s of CPU on the first photo.
    """

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module("matplotlib.pyplot"), name)


def import_mediapipe() -> Any:
    """MediaPipe (the optional extra; photo_mode_problem() says how to get it), imported without pyplot."""
    if "mediapipe" in sys.modules:
        import mediapipe

        return mediapipe
    stand_in = _PyplotOnDemand("matplotlib.pyplot")
    placed = sys.modules.setdefault("matplotlib.pyplot", stand_in) is stand_in
    try:
        import mediapipe
    finally:
        if placed and sys.modules.get("matplotlib.pyplot") is stand_in:
            del sys.modules["matplotlib.pyplot"]
    return mediapipe


def warm_up() -> threading.Thread:
    """Start importing MediaPipe on a thread of its own, once: the first photo then waits less, or not at all.

    Called as soon as someone heads for a photo (the Open Photo dialog), so
    the import runs while they choose the file.
    """
    global _warming
    if _warming is None:
        _warming = threading.Thread(target=_quietly_import, name="mediapipe-import", daemon=True)
        _warming.start()
    return _warming


def _quietly_import() -> None:
    """A failed import is reported where a face is looked for, with the file's name; not here, on a thread."""
    with contextlib.suppress(Exception):
        import_mediapipe()


def _face_mesh() -> Any:
    """One graph for the process: building it costs more than running it on a photo."""
    global _mesh
    if _mesh is None:
        _mesh = import_mediapipe().solutions.face_mesh.FaceMesh(
            static_image_mode=True, max_num_faces=MAX_FACES, refine_landmarks=True, min_detection_confidence=0.5
        )
    return _mesh


def detect(photo: Photo) -> Detection:
    """The one face on the photo, checked; NoFaceError saying why not otherwise."""
    pixels = _for_detection(photo)
    with _mesh_lock:
        found = _face_mesh().process(pixels).multi_face_landmarks or []
    if not found:
        dark = float(luminance(pixels[::4, ::4]).mean()) < DARK_PHOTO_LUMA
        reason = "the photo is too dark to find a face: retake it in better light" if dark else _NO_FACE
        raise NoFaceError(f"{photo.name}: {reason}")
    if len(found) > 1:
        raise NoFaceError(
            f"{photo.name}: {len(found)} faces found; photo mode maps one face: crop the photo to the client's face"
        )
    height, width = pixels.shape[:2]
    mesh_px = np.array([(p.x * width, p.y * height) for p in found[0].landmark], dtype=np.float64)
    return _checked(photo, pixels, mesh_px)


_NO_FACE = "no face found: use a photo that shows the whole face from the front"


def _for_detection(photo: Photo) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """The photo at most DETECT_SIDE on its long side, each pixel the mean of those it covers.

    OpenCV comes with MediaPipe (it is imported with it): its area resize
    is a few times faster than copying every other pixel out with numpy,
    and smoother.
    """
    import cv2

    pixels = photo.pixels
    height, width = pixels.shape[:2]
    step = int(np.ceil(max(height, width) / DETECT_SIDE))
    if step <= 1:
        return pixels
    size = (max(1, width // step), max(1, height // step))
    return np.asarray(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def _checked(photo: Photo, pixels: np.ndarray[Any, np.dtype[np.uint8]], mesh: np.ndarray[Any, Any]) -> Detection:
    face_height = float(np.hypot(*(mesh[152] - mesh[10])))
    if face_height < MIN_FACE_PX:
        raise NoFaceError(
            f"{photo.name}: the face is too small to map ({face_height:.0f} px from hairline to chin where "
            f"{MIN_FACE_PX} are needed): use a photo closer to the face"
        )
    across = mesh[454] - mesh[234]
    width = float(np.hypot(*across))
    turn = float(np.dot(mesh[1] - (mesh[234] + mesh[454]) / 2, across) / (width * width)) if width else 1.0
    if abs(turn) > MAX_TURN:
        raise NoFaceError(f"{photo.name}: the face is turned too far to the side: use a photo taken from the front")
    luma = _face_luma(pixels, mesh)
    if luma < MIN_FACE_LUMA:
        raise NoFaceError(f"{photo.name}: the face is too dark to map: retake the photo in better light")
    to_original = 1.0 / (pixels.shape[1] / photo.width)
    named = {name: _vec(mesh[list(numbers)].mean(axis=0) * to_original) for name, numbers in MESH_POINTS.items()}
    return Detection(named, tuple(_vec(p * to_original) for p in mesh), face_height * to_original, turn, luma)


def _face_luma(pixels: np.ndarray[Any, np.dtype[np.uint8]], mesh: np.ndarray[Any, Any]) -> float:
    """The mean brightness between the eyes and the mouth: skin, not hair or background."""
    top = int(max(0, min(mesh[33][1], mesh[263][1])))
    bottom = int(min(pixels.shape[0], max(mesh[61][1], mesh[291][1])))
    left = int(max(0, min(mesh[33][0], mesh[263][0])))
    right = int(min(pixels.shape[1], max(mesh[33][0], mesh[263][0])))
    patch = pixels[top : max(bottom, top + 1), left : max(right, left + 1)]
    return float(luminance(patch).mean()) if patch.size else 0.0


def _vec(p: np.ndarray[Any, Any]) -> Vec:
    return (float(p[0]), float(p[1]))
