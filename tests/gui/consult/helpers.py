"""Acting on the workspace as a practitioner would: ticking, choosing, pressing keys."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from meridian_map.gui.consult.workspace import WorkspacePage


def tick(listing: QListWidget, *ids: str) -> None:
    """Tick the entries whose id (user data) is among `ids`."""
    for row in range(listing.count()):
        item = listing.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) in ids:
            item.setCheckState(Qt.CheckState.Checked)


def with_client(page: WorkspacePage, name: str = "Ms K") -> int:
    assert page.store is not None
    client = page.store.add_client(name, dt.date.today())
    page.refresh_clients(client.id)
    assert page.client_id == client.id
    return client.id


def build(page: WorkspacePage, *concerns: str) -> None:
    tick(page.builder.concerns, *concerns)
    page.builder.build_button.click()
    assert page.builder.routine is not None


def step_names(page: WorkspacePage) -> list[str]:
    steps = page.builder.steps
    return [str(steps.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(steps.count())]  # type: ignore[union-attr]
