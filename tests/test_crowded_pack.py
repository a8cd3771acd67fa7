"""A pack of many points close together: showing their labels, at start-up too, does bounded work.

Such a pack once made "Point labels" take half a minute, and a window whose
settings had labels on took as long to start.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meridian_map.core.geometry import labels
from meridian_map.core.load import load_catalog
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.scene import Layer

POINTS = 300  # each on both sides


def crowd_pack(folder: Path) -> Path:
    """POINTS extra points heaped within a few units of ST2, all valid."""
    rng = random.Random(3)
    folder.mkdir(parents=True, exist_ok=True)
    records = []
    for n in range(POINTS):
        code = f"EX-{chr(65 + n // 99 // 26)}{chr(65 + n // 99 % 26)}{n % 99 + 1}"
        x, y = 0.47 + rng.uniform(-0.01, 0.01), 0.56 + rng.uniform(-0.01, 0.01)
        records.append(
            f'[[point]]\ncode = "{code}"\npinyin = "Dian"\nhanzi = "点"\nenglish = "Spot {n}"\nchannel = "EX"\n'
            f'bilateral = true\nat = [{x:.4f}, {y:.4f}]\nview = "front"\nzone = "cheek"\n'
            'location = { en = "Here.", zh = "此处。" }\ncautions = { en = "Light.", zh = "轻。" }\n'
        )
    (folder / "crowd.toml").write_text("\n".join(records), encoding="utf-8")
    return folder


def test_a_window_restored_with_labels_on_lays_them_out_within_budget(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = load_catalog(user_dirs=[crowd_pack(tmp_path / "pack")])
    plans: list[labels.Plan] = []
    plan_labels = labels.plan_labels

    def counted(*args: object, **kwargs: object) -> labels.Plan:
        plan = plan_labels(*args, **kwargs)  # type: ignore[arg-type]
        plans.append(plan)
        return plan

    monkeypatch.setattr(labels, "plan_labels", counted)
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.restore({"layers": {"labels": True}})
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.sidebar.layer_boxes[Layer.LABELS].isChecked()
    assert len(window.scene.label_items) == len(catalog.points) > POINTS  # both sides labelled
    assert 1 <= len(plans) <= 3, "a resize to the same scale lays nothing out again"
    slack = 10 + 4 * (len(window.scene.label_items) + len(catalog.points))  # one look past the budget
    assert all(plan.work <= labels.WORK_BUDGET + slack for plan in plans)
    window.resize(1280, 800)
    window.view.fit()
    assert len(plans) <= 3
