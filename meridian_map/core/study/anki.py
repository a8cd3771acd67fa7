"""The catalog as an Anki package (.apkg): one note per point, with a picture of the face.

Students who live in Anki take the map with them. Fields are side-agnostic
(a point, not its left or right copy); the picture shows both copies. Anki
shows fields as HTML, so every text from the content (a pack is anyone's
file) is escaped: it shows as the text it is, never as markup. A point's
cautions and the disclaimer go on every card's back in full, as everywhere
else the app shows a point.

Note ids (guids) and the model and deck ids are fixed, so importing a newer
package into Anki updates the notes instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import genanki

from ..catalog import Catalog
from .cards import Field, field_text
from .decks import Deck

MODEL_ID = 1_719_304_114
DECK_ID = 1_719_304_115
FIELDS = ("Code", "Pinyin", "Hanzi", "English", "Channel", "Zone", "Location", "Cautions", "Picture", "Disclaimer")
_FRONT = '<div class="name">{{Code}} · {{Pinyin}} · {{Hanzi}}</div><div class="english">{{English}}</div>'
_BACK = (
    "{{FrontSide}}<hr id=answer>{{Picture}}"
    '<div class="where">{{Channel}} · {{Zone}}</div><div class="location">{{Location}}</div>'
    '<div class="caution">{{Cautions}}</div><div class="disclaimer">{{Disclaimer}}</div>'
)
_CSS = (
    ".card { font-family: sans-serif; font-size: 18px; text-align: center; }"
    " .name { font-size: 26px; } .english { color: #555; }"
    " img { max-width: 100%; } .location { margin: 0.6em 0; }"
    " .caution { color: #9a3412; } .disclaimer { font-size: 12px; color: #666; margin-top: 1em; }"
)
_TITLES = {"en": "Meridian Map", "zh": "经络图"}


def build_package(
    catalog: Catalog, deck: Deck, lang: str, picture: Callable[[str], bytes], target: Path, timestamp: float
) -> int:
    """Write the package to `target` (not atomically: the caller copies it into place); returns the note count.

    `picture(code)` gives the PNG of the face with that point marked;
    `timestamp` (seconds) is the package's creation time, passed in so the
    output depends on nothing but its inputs.
    """
    model = genanki.Model(
        MODEL_ID,
        "Meridian Map point",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Point", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    title = f"{_TITLES.get(lang, _TITLES['en'])}: {deck.name.get(lang)}"
    anki_deck = genanki.Deck(DECK_ID, title)
    codes = list(dict.fromkeys(card.code for card in deck.cards))
    with tempfile.TemporaryDirectory(prefix="meridian-map-apkg-") as folder:
        media = []
        for code in codes:
            name = _picture_name(code)
            path = Path(folder) / name
            path.write_bytes(picture(code))
            media.append(str(path))
            anki_deck.add_note(
                genanki.Note(
                    model=model, fields=_fields(catalog, code, lang, name), guid=genanki.guid_for("meridian-map", code)
                )
            )
        package = genanki.Package(anki_deck, media_files=media)
        package.write_to_file(str(target), timestamp=timestamp)
    return len(codes)


def _fields(catalog: Catalog, code: str, lang: str, picture_name: str) -> list[str]:
    info = catalog.point_info(code)
    texts = [field_text(catalog, info, field, lang) for field in Field]
    return [
        *(escape(text) for text in texts),
        escape(info.cautions.get(lang)),
        f'<img src="{escape(picture_name)}">',
        escape(catalog.content.disclaimer.short.get(lang)),
    ]


def _picture_name(code: str) -> str:
    """A media name from a code a pack chose: letters, digits and dashes, and a hash so two codes never share one."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "-") else "_" for ch in code)
    return f"meridian-map-{safe}-{hashlib.sha256(code.encode()).hexdigest()[:8]}.png"
