"""Test photos made from scikit-image's astronaut, with no download: variants, crowds, empties and hostile files."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

skimage_data = pytest.importorskip("skimage.data", reason="photo tests need scikit-image (the dev extra)")

FACE_BOX = (150, 20, 330, 240)  # the astronaut's head in the 512×512 picture, with room around it


def astronaut() -> Image.Image:
    return Image.fromarray(skimage_data.astronaut())


def encoded(image: Image.Image, kind: str = "PNG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **options)
    return out.getvalue()


def rotated(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(200, 200, 200))


def scaled(image: Image.Image, factor: float) -> Image.Image:
    return image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)


def mirrored(image: Image.Image) -> Image.Image:
    return image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)


def cropped(image: Image.Image) -> Image.Image:
    return image.crop(FACE_BOX)


def darkened(image: Image.Image, factor: float) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float64) * factor
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def no_face() -> Image.Image:
    return Image.fromarray(skimage_data.coffee())


def two_faces() -> Image.Image:
    """The same face composed twice, side by side."""
    face = astronaut().crop((100, 0, 400, 300))
    both = Image.new("RGB", (600, 300), (200, 200, 200))
    both.paste(face, (0, 0))
    both.paste(face, (300, 0))
    return both


def forty_megapixels() -> bytes:
    """A 7,300 × 5,480 JPEG (40 MP) with the astronaut's head large in the middle."""
    canvas = Image.new("RGB", (7300, 5480), (196, 190, 182))
    head = scaled(cropped(astronaut()), 12)
    canvas.paste(head, ((7300 - head.width) // 2, (5480 - head.height) // 2))
    return encoded(canvas, "JPEG", quality=80)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb's shape."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def with_location(image: Image.Image) -> bytes:
    """A JPEG carrying EXIF camera make and GPS position, as phones write them."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS IFD
    return encoded(image, "JPEG", exif=exif, quality=90)
