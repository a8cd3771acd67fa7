"""Reading a photo that anybody could have made: size refused before decoding, metadata never kept.

A photo is decoded into plain pixels and nothing else: EXIF (location,
camera, date) goes with the file, once its orientation has been applied, so
nothing of it can reach a client record, a sheet or an export. Large photos
are decoded straight at a reduced size (JPEG's own scaled decoding) and kept
at most `WORKING_SIDE` pixels on their long side, so memory stays bounded
whatever the file claims; coordinates are still given in the original
photo's pixels through `scale`.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_FILE_BYTES = 80 * 1024 * 1024
MAX_PIXELS = 100_000_000  # a 100-megapixel header is refused before a single pixel is decoded
WORKING_SIDE = 2048  # the long side kept in memory: enough to look at, and for the landmarks
DRAFT_SIDE = 1200  # the least a JPEG is decoded at, on its long side
FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF")
ORIENTATION_TAG = 0x0112

Pixels = npt.NDArray[np.uint8]


class PhotoError(ValueError):
    """Why a photo cannot be used, in words for the person who chose it, naming the file."""


@dataclass(frozen=True, eq=False)
class Photo:
    """An upright photo's pixels (RGB, at most WORKING_SIDE on the long side) and its original size."""

    pixels: Pixels
    width: int  # the original photo's size, upright, in its own pixels
    height: int
    name: str

    @property
    def scale(self) -> float:
        """Working pixels per original pixel (1.0 for a photo kept whole)."""
        return self.pixels.shape[1] / self.width


def read_photo(path: Path) -> Photo:
    """Read a photo file; every way it can be unusable is a PhotoError naming it."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PhotoError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    return decode_photo(data, str(path))


def decode_photo(data: bytes, name: str) -> Photo:
    if len(data) > MAX_FILE_BYTES:
        raise PhotoError(f"{name}: the file is over {MAX_FILE_BYTES // (1024 * 1024)} MB; use a smaller photo")
    if not data:
        raise PhotoError(f"{name}: the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            width, height = image.size
            if width <= 0 or height <= 0:
                raise PhotoError(f"{name}: the image has no pixels")
            if width * height > MAX_PIXELS:
                raise PhotoError(f"{name}: the image claims {width:,}×{height:,} pixels, {_TOO_BIG}")
            image.draft("RGB", _draft_size(width, height))
            image.load()
            upright = _upright(image)
    except PhotoError:
        raise
    except UnidentifiedImageError as exc:
        kinds = ", ".join(FORMATS)
        raise PhotoError(f"{name}: not a photo this app can read (it reads {kinds}), whatever its name says") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(f"{name}: the image claims too many pixels, {_TOO_BIG}") from exc
    except Exception as exc:  # a third-party decoder fed untrusted bytes: any failure is the file's
        raise PhotoError(f"{name}: the image is damaged or cut short ({_reason(exc)})") from exc
    turned = upright.size != image.size
    full = (height, width) if turned else (width, height)
    return Photo(_working_pixels(upright), full[0], full[1], name)


_TOO_BIG = f"over the {MAX_PIXELS // 1_000_000} megapixels photo mode reads: use a smaller photo"


def _draft_size(width: int, height: int) -> tuple[int, int]:
    """The size JPEG may shrink to while decoding (by 1/2, 1/4 or 1/8): at least DRAFT_SIDE on the long side.

    Decoding a 12-megapixel JPEG at half size takes a quarter of the time,
    and still leaves more than the landmarks need and a screen shows.
    """
    shrink = max(1.0, max(width, height) / DRAFT_SIDE)
    return (max(1, int(width / shrink)), max(1, int(height / shrink)))


def _upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says; the image itself, not a copy, when it is upright already."""
    if image.getexif().get(ORIENTATION_TAG, 1) == 1:
        return image
    return ImageOps.exif_transpose(image)


def _working_pixels(image: Image.Image) -> Pixels:
    """The pixels as a read-only array, copied once: each copy of a 12-megapixel photo costs milliseconds."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    if max(rgb.size) > WORKING_SIDE:
        rgb = rgb.resize(_fitting(rgb.size, WORKING_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.frombuffer(rgb.tobytes(), dtype=np.uint8).reshape(rgb.height, rgb.width, 3)


def _fitting(size: tuple[int, int], side: int) -> tuple[int, int]:
    """`size` scaled to `side` on its long side, as Image.thumbnail rounds it."""
    width, height = size
    shrink = side / max(width, height)
    return (max(1, round(width * shrink)), max(1, round(height * shrink)))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def encode_jpeg(photo: Photo, quality: int = 88) -> bytes:
    """The photo's pixels as a JPEG with no metadata at all: what a client record keeps."""
    out = io.BytesIO()
    Image.fromarray(photo.pixels, "RGB").save(out, "JPEG", quality=quality, exif=b"")
    return out.getvalue()


def luminance(pixels: Pixels) -> npt.NDArray[np.float64]:
    """Rec. 601 luma, 0–255: how bright a person would call each pixel."""
    rgb = pixels.astype(np.float64)
    luma: npt.NDArray[np.float64] = 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]
    return luma
