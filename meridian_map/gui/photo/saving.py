"""A photo to a client's record and back: saved only when the practitioner asks, opened from the record.

The client is the one open on the Clients screen (Ctrl+3); photo mode asks
for it rather than keeping its own, so the two never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...core.photo.fit import MappedPhoto
from ...core.photo.record import record_of
from ...core.store.clients import ClientStore, ClientStoreError

if TYPE_CHECKING:
    from ..mainwindow import MainWindow


@dataclass(frozen=True)
class ClientRecord:
    """A client's record in an open client file."""

    store: ClientStore
    client_id: int
    name: str


def open_client(window: MainWindow) -> ClientRecord | None:
    """The client open on the Clients screen, if that screen has been shown and one is chosen."""
    page = window.built_page("clients")
    if page is None:
        return None
    from ..consult.workspace import WorkspacePage  # loaded already: its page was built

    if not isinstance(page, WorkspacePage) or page.store is None or not page.client_id:
        return None
    try:
        return ClientRecord(page.store, page.client_id, page.store.client(page.client_id).name)
    except ClientStoreError:
        return None


def save_to_record(record: ClientRecord, mapped: MappedPhoto, today: dt.date) -> str:
    """Keep the photo, with the landmarks as corrected, in the client's record; why not, or "" once saved."""
    jpeg, landmarks = record_of(mapped)
    try:
        record.store.save_photo(record.client_id, today, jpeg, landmarks)
    except ClientStoreError as exc:
        return str(exc)
    return ""
