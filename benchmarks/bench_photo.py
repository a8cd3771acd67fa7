"""Photo mode: landmarks on a 12-megapixel photo, the warp and scene, hover and click on the photo.

Landmarks: reading a 4000×3000 JPEG (decoded at a reduced size) and finding
its face, once the face mesh's graph is built. Target ≤ 150 ms. The one-off
costs (importing MediaPipe, building the graph) are reported apart, and the
import in fresh interpreters both as photo mode does it and plainly.
Warp and scene: the catalog carried onto the photo and the photo scene built
from it, as after a landmark is dragged. Target ≤ 50 ms.
Hover and click: synthetic events on the photo view of a 1920×1080 window,
delivered synchronously. Target p99 ≤ 16 ms.
The bare PySide6 window is timed in the same run, as the other benchmarks do,
and clicks on the drawing too, for comparison. Each figure comes as wall time
and as this thread's CPU time: on a machine shared with other work the wall
time also counts the waits for a core, the CPU time does not.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import bare_window_args, emit, median, percentile, run_process, scratch_png
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from skimage import data

from meridian_map.core.load import load_catalog
from meridian_map.gui.fonts import bundled_fonts
from meridian_map.gui.mainwindow import MainWindow


def twelve_megapixels() -> Path:
    """A 4000×3000 JPEG with the astronaut's head filling a third of it."""
    canvas = Image.new("RGB", (4000, 3000), (196, 190, 182))
    head = Image.fromarray(data.astronaut()).crop((150, 20, 330, 240))
    head = head.resize((head.width * 6, head.height * 6), Image.Resampling.LANCZOS)
    canvas.paste(head, ((4000 - head.width) // 2, (3000 - head.height) // 2))
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=90)
    path = Path(tempfile.mkdtemp(prefix="meridian-bench-")) / "twelve.jpg"
    path.write_bytes(out.getvalue())
    return path


# MediaPipe as photo mode imports it (without matplotlib's pyplot), and as a plain import would.
IMPORTS = {
    "import_mediapipe_plain": "import mediapipe",
    "import_mediapipe_as_the_app_does": (
        "from meridian_map.core.photo.landmarks import import_mediapipe; import_mediapipe()"
    ),
}


def import_cost(code: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of a fresh interpreter running `code`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def send(widget: QWidget, event: QMouseEvent) -> bool:
    return QApplication.sendEvent(widget, event)


def click_around(viewport: QWidget, area: QRect, rng: random.Random, timings: Timings, clicks: int) -> None:
    for _ in range(clicks):
        pos = QPointF(rng.uniform(area.left(), area.right()), rng.uniform(area.top(), area.bottom()))
        press = mouse(QEvent.Type.MouseButtonPress, pos, Qt.MouseButton.LeftButton)
        release = mouse(QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
        timings.run(lambda p=press, r=release: (send(viewport, p), send(viewport, r)))


def mouse(kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> QMouseEvent:
    button = Qt.MouseButton.LeftButton if kind is not QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    return QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)


class Timings:
    """Wall and CPU milliseconds of repeated runs of one thing.

    CPU is this thread's, and also the whole process's: the face mesh runs
    its model on threads of its own, which the thread's CPU time leaves out.
    """

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.process: list[float] = []

    def run(self, action: Callable[[], object]) -> None:
        wall, cpu, process = time.perf_counter_ns(), time.thread_time_ns(), time.process_time_ns()
        action()
        self.process.append((time.process_time_ns() - process) / 1e6)
        self.cpu.append((time.thread_time_ns() - cpu) / 1e6)
        self.wall.append((time.perf_counter_ns() - wall) / 1e6)

    def report(self, result: dict[str, object], name: str, p99: bool = False) -> None:
        result[f"{name}_median_ms"] = round(median(self.wall), 2)
        result[f"{name}_cpu_median_ms"] = round(median(self.cpu), 2)
        result[f"{name}_process_cpu_median_ms"] = round(median(self.process), 2)
        if p99:
            result[f"{name}_p99_ms"] = round(percentile(self.wall, 0.99), 2)
            result[f"{name}_cpu_p99_ms"] = round(percentile(self.cpu, 0.99), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--moves", type=int, default=2000)
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--json")
    args = parser.parse_args()
    result: dict[str, object] = {}

    bare = [run_process(bare_window_args(scratch_png())).seconds for _ in range(3)]
    result["bare_window_s"] = round(median(bare), 3)

    for name, code in IMPORTS.items():
        costs = [import_cost(code) for _ in range(3)]
        result[f"{name}_s"] = round(median([wall for wall, _cpu in costs]), 3)
        result[f"{name}_cpu_s"] = round(median([cpu for _wall, cpu in costs]), 3)
    started = time.perf_counter()
    from meridian_map.core.photo.fit import map_photo, mapped_catalog
    from meridian_map.core.photo.image import read_photo
    from meridian_map.core.photo.landmarks import detect, import_mediapipe

    import_mediapipe()  # timed: what the first photo of a session pays, unless it loaded while the file was chosen
    result["import_mediapipe_s"] = round(time.perf_counter() - started, 3)
    photo_file = twelve_megapixels()
    started = time.perf_counter()
    detect(read_photo(photo_file))
    result["first_photo_s"] = round(time.perf_counter() - started, 3)
    landmarks = Timings()
    for _ in range(args.repeats):
        landmarks.run(lambda: detect(read_photo(photo_file)))
    landmarks.report(result, "landmarks_12mp")
    result["landmarks_target_ms"] = 150

    app = QApplication([])
    bundled_fonts()
    catalog = load_catalog()
    mapped = map_photo(catalog, read_photo(photo_file))
    window = MainWindow(catalog)
    window.resize(1920, 1080)
    window.show()
    window.scene.set_animate(False)
    from meridian_map.gui.photo.opening import close_photo, show_photo
    from meridian_map.gui.photo.page import PhotoPage

    rng = random.Random(5)
    drawing = Timings()
    click_around(
        window.view.viewport(),
        window.view.mapFromScene(window.scene.face_rect).boundingRect(),
        rng,
        drawing,
        args.clicks,
    )
    drawing.report(result, "click_drawing", p99=True)

    show_photo(window, mapped)
    app.processEvents()
    page = window.photo_page
    assert isinstance(page, PhotoPage)
    page.scene.set_animate(False)

    def refit() -> None:
        """What dropping a dragged landmark does: refit, a new scene in the old one's place, the old one gone."""
        page.mapped = mapped.moved("chin", mapped.fit.photo["chin"])
        page._show_scene()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    warp_and_scene, warp = Timings(), Timings()
    for _ in range(args.repeats):
        warp_and_scene.run(refit)
        warp.run(lambda: mapped_catalog(catalog, mapped.fit, mapped.size, "bench"))
    warp_and_scene.report(result, "warp_and_scene")
    warp.report(result, "warp_only")
    result["warp_and_scene_target_ms"] = 50

    page.scene.set_animate(False)
    viewport = page.view.viewport()
    app.processEvents()
    page.view.fit()
    face = page.view.mapFromScene(page.scene.face_rect).boundingRect()
    hover = Timings()
    for _ in range(args.moves):
        pos = QPointF(rng.uniform(face.left(), face.right()), rng.uniform(face.top(), face.bottom()))
        event = mouse(QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton)
        hover.run(lambda event=event: QApplication.sendEvent(viewport, event))
    hover.report(result, "hover", p99=True)
    clicks = Timings()
    click_around(viewport, face, rng, clicks, args.clicks)
    clicks.report(result, "click", p99=True)
    result["hover_click_target_p99_ms"] = 16
    result["window"] = "1920x1080"
    close_photo(window)
    emit(result, args.json)


if __name__ == "__main__":
    main()
