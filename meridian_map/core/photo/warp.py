"""A thin-plate spline: the smoothest map taking one set of named points onto another.

It bends the drawing as little as it can while carrying each of the
drawing's landmarks onto the photo's; everything between (zone outlines,
strokes, channels, points) follows smoothly, and the affine part carries
what lies beyond the landmarks (forehead, neck). A small smoothing lets
the landmarks that disagree with the rest (a mesh point put a little off)
give way instead of kinking the map; how far each gives way is the fit's
residual.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
SMOOTHING = 0.002  # in units of the landmarks' own spread squared: about a pixel's give on a face


def _kernel(r2: Array) -> Array:
    """U(r) = r² log r, written with r² (0 at r = 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(r2 > 0, 0.5 * r2 * np.log(np.where(r2 > 0, r2, 1.0)), 0.0)


class ThinPlateSpline:
    """Fitted once from source → target points; maps any number of points at once."""

    def __init__(self, source: Array, target: Array, smoothing: float = SMOOTHING) -> None:
        source = np.asarray(source, dtype=np.float64)
        target = np.asarray(target, dtype=np.float64)
        if source.shape != target.shape or source.ndim != 2 or source.shape[1] != 2 or len(source) < 3:
            raise ValueError("a thin-plate spline needs the same three or more points on both sides")
        # Scaled to unit spread so that the smoothing means the same whatever the units.
        self._centre = source.mean(axis=0)
        self._spread = float(np.sqrt(((source - self._centre) ** 2).sum(axis=1).mean())) or 1.0
        self._source = (source - self._centre) / self._spread
        n = len(source)
        kernel = _kernel(_squared_distances(self._source, self._source)) + smoothing * n * np.eye(n)
        affine = np.hstack([np.ones((n, 1)), self._source])
        system = np.zeros((n + 3, n + 3))
        system[:n, :n] = kernel
        system[:n, n:] = affine
        system[n:, :n] = affine.T
        rhs = np.zeros((n + 3, 2))
        rhs[:n] = target
        solution: Any = np.linalg.lstsq(system, rhs, rcond=None)[0]
        self._weights: Array = solution[:n]
        self._affine: Array = solution[n:]
        self.residuals: Array = np.hypot(*(self(source) - target).T)

    def __call__(self, points: Array) -> Array:
        points = (np.asarray(points, dtype=np.float64).reshape(-1, 2) - self._centre) / self._spread
        bent = _kernel(_squared_distances(points, self._source)) @ self._weights
        affine = self._affine[0] + points @ self._affine[1:]
        result: Array = bent + affine
        return result

    @property
    def rms_residual(self) -> float:
        return float(np.sqrt((self.residuals**2).mean()))


def _squared_distances(a: Array, b: Array) -> Array:
    """|a - b|² for every pair, as |a|² + |b|² - 2 a·b: one matrix product instead of an n × m × 2 array."""
    result: Array = (a * a).sum(axis=1)[:, None] + (b * b).sum(axis=1)[None, :] - 2.0 * (a @ b.T)
    return np.maximum(result, 0.0)
