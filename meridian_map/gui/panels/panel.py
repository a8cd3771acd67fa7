"""The right-hand panel: how a zone is worked, or what a point is.

Rendered as rich text in a QTextBrowser so it stays selectable, scales with
the system font and can link points and concerns back to the map.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from ...core.catalog import Catalog
from ...core.model import PointInfo, Side
from ...core.text import wording
from ...core.text.schools import SchoolView, disagree, zone_views
from ..state import MapState, Selection

STYLE = (
    "<style>"
    "h1 { font-size: 18pt; font-weight: 600; margin: 0 0 2px 0; }"
    ".sub { color: #6b6b6b; margin: 0 0 10px 0; }"
    "h2 { font-size: 10pt; font-weight: 600; letter-spacing: 1px; margin: 14px 0 4px 0; color: #555; }"
    "td { padding: 2px 10px 2px 0; vertical-align: top; }"
    ".gauge { font-size: 13pt; letter-spacing: 1px; }"
    ".caution { background: #fff4e5; padding: 6px 8px; color: #3b2a16; }"
    ".tradition { font-style: italic; }"
    ".edited { color: #8a5a00; font-size: 9pt; }"
    ".school { margin: 2px 0 6px 0; }"
    "a { text-decoration: none; }"
    "</style>"
)


class Panel(QTextBrowser):
    """Follows the selection; its links write the state (a point code selects it, a concern is chosen)."""

    source_requested = Signal(str)  # a cited work's id: the window opens the sources view at it

    def __init__(self, catalog: Catalog, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.lang = "en"
        self.setOpenLinks(False)
        self.setAccessibleName("Details")
        self.anchorClicked.connect(self._follow)
        self.show_welcome()
        state.selection_changed.connect(self.show_selection)
        state.school_changed.connect(self._show_school)

    def _show_school(self) -> None:
        self.catalog = self.state.catalog
        self.show_selection(self.state.selection)

    def _follow(self, url: QUrl) -> None:
        kind, _, key = url.toString().partition(":")
        if kind == "point":
            self.state.select_point_code(key)
        elif kind == "concern":
            self.state.set_concern(key)
        elif kind == "source":
            self.source_requested.emit(key)
        elif kind == "school":
            self.state.set_school(key)

    def show_selection(self, selection: Selection) -> None:
        if selection.point:
            self.show_point(selection.point)
        elif selection.area:
            self.show_zone(selection.area)
        else:
            self.show_welcome()

    def _set(self, body: str) -> None:
        self.setHtml(STYLE + body)

    def show_welcome(self) -> None:
        disclaimer = escape(self.catalog.content.disclaimer.short.get(self.lang))
        self._set(
            "<h1>Meridian Map</h1>"
            "<p class='sub'>Facial gua sha zones and acupuncture points</p>"
            "<p><b>Hover</b> a zone to see its name; <b>click</b> it to see how it is worked: "
            "direction, pressure, strokes, the points in it and which concerns' routines include it.</p>"
            "<p>Pick a concern on the left to light up its zones, or press <b>Ctrl+F</b> to find a point "
            "by code, pinyin or hanzi (ST2, sibai, 四白).</p>"
            "<p>The <span style='color:#D55E00'><b>Stomach</b></span> (solid) and "
            "<span style='color:#0072B2'><b>Large Intestine</b></span> (dashed) channels, "
            "the Yang Ming pair, are drawn on top.</p>"
            f"<p class='sub'>{disclaimer}</p>{self._disclaimer_note()}",
        )

    def _disclaimer_note(self) -> str:
        change = self.catalog.local_change("disclaimer", "disclaimer")
        return f"<p class='edited'>✎ This disclaimer was {change} locally.</p>" if change else ""

    def show_zone(self, area_key: str) -> None:
        area = self.catalog.areas[area_key]
        zone = self.catalog.zones[area.zone]
        lang = self.lang
        words = self.catalog.content.panel
        pressure = self.catalog.pressures[zone.pressure]
        rows = [
            (words.get("direction", lang), escape(zone.direction.get(lang))),
            (
                words.get("pressure", lang),
                f"<span class='gauge'>{wording.gauge(pressure.level)}</span> <b>{escape(pressure.name.get(lang))}</b>"
                f" — {escape(pressure.feel.get(lang))}"
                + (f"<br>{escape(zone.pressure_note.get(lang))}" if zone.pressure_note.values else ""),
            ),
            (
                words.get("strokes", lang),
                escape(words.get("per_line", lang, span=wording.span(*zone.strokes)))
                + (escape(words.get("hold", lang, span=wording.span(*zone.hold_seconds))) if zone.hold_seconds else ""),
            ),
            (
                words.get("tool", lang),
                f"{escape(zone.edge.get(lang))}<br>{escape(words.get('angle', lang, angle=str(zone.angle)))}",
            ),
        ]
        points = self.catalog.points_in_zone(zone.id)
        point_rows = "".join(self._point_row(p) for p in points) or "<tr><td>—</td></tr>"
        nearby = ", ".join(f"<a href='point:{c}'>{c}</a>" for c in zone.nearby)
        concerns = ", ".join(
            f"<a href='concern:{c}'>{escape(self.catalog.concerns[c].name.get(lang))}</a>"
            + ("<span class='edited'> ✎</span>" if self._local("concern", c) else "")
            for c in zone.concerns
        )
        if any(self._local("concern", c) for c in zone.concerns):
            concerns += "<br><span class='edited'>✎ from your content folder</span>"
        edited = self._local_note("zone", zone.id)
        side = words.get("side_r" if area.side is Side.R else "side_l", lang)
        self._set(
            f"<h1>{escape(zone.name.get(lang))}</h1>"
            f"<p class='sub'>{escape(zone.area.get(lang))} · {escape(side)}</p>{edited}"
            "<table>" + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v}</td></tr>" for k, v in rows) + "</table>"
            f"{self._heading('points')}<table>{point_rows}</table>"
            + (f"<p class='sub'>{escape(words.get('nearby', lang))}: {nearby}</p>" if nearby else "")
            + self._schools(zone.id)
            + f"{self._heading('routine_for')}<p>{concerns}</p>"
            f"{self._heading('cautions', '⚠ ')}<p class='caution'>{escape(zone.cautions.get(lang))}</p>"
            f"{self._heading('tradition')}<p class='tradition'>{escape(zone.tradition.get(lang))}</p>"
            f"<p class='sub'>{escape(self.catalog.content.disclaimer.footnote.get(lang))}</p>",
        )

    def _schools(self, zone: str) -> str:
        """The chosen school's reason for the stroke, and where the schools disagree, each work one click away."""
        views = zone_views(self.state.base_catalog, zone)
        if not views:
            return ""
        lang = self.lang
        chosen = next((v for v in views if v.school.id == self.state.school), views[0])
        html = (
            f"<h2>{escape(self.tr('Technique school'))}</h2>"
            f"<p class='school'><b>{escape(chosen.school.name.get(lang))}</b>: "
            f"{escape(chosen.variant.why.get(lang))}{self._cites(chosen)}</p>"
        )
        if not disagree(views):
            return html + f"<p class='sub'>{escape(self.tr('Every school strokes this zone the same way.'))}</p>"
        rows = "".join(
            f"<p class='school'><a href='school:{v.school.id}'><b>{escape(v.school.name.get(lang))}</b></a>: "
            f"{escape(v.direction.get(lang))}{self._cites(v)}</p>"
            for v in views
        )
        return html + f"<h2>{escape(self.tr('Where schools disagree'))}</h2>{rows}"

    def _cites(self, view: SchoolView) -> str:
        links = ", ".join(f"<a href='source:{r.id}'>{escape(r.short)}</a>" for r in view.references)
        cited = f" <span class='sub'>({links})</span>" if links else ""
        gap = view.variant.gap.get(self.lang) if view.variant.gap.values else ""
        if not view.variant.sources and not gap:
            gap = self.tr("No work this school cites covers this zone; the zone's own strokes are shown.")
        return cited + (f"<br><span class='sub'>{escape(gap)}</span>" if gap else "")

    def _heading(self, word: str, mark: str = "") -> str:
        return f"<h2>{mark}{escape(self.catalog.content.panel.get(word, self.lang))}</h2>"

    def _local(self, kind: str, key: str) -> str:
        """How a record a user file touched is marked: the user must see what is not shipped."""
        change = self.catalog.local_change(kind, key)
        return f"✎ {change} locally" if change else ""

    def _local_note(self, kind: str, key: str) -> str:
        mark = self._local(kind, key)
        return f"<p class='edited'>{mark}</p>" if mark else ""

    def _point_row(self, info: PointInfo) -> str:
        return (
            f"<tr><td><a href='point:{info.code}'><b>{info.code}</b></a></td>"
            f"<td>{escape(info.pinyin)} {escape(info.hanzi)}</td><td>{escape(info.english)}</td></tr>"
        )

    def show_point(self, key: str) -> None:
        placed = self.catalog.point(key)
        info = placed.info
        lang = self.lang
        words = self.catalog.content.panel
        zone = self.catalog.zones.get(info.zone)
        side = "" if placed.side is None else " · " + words.get(f"side_{placed.side.lower()}", lang)
        notes = info.notes.get(lang) if info.notes.values else ""
        view = " " + words.get("side_view", lang) if info.view == "side" else ""
        internal = " " + words.get("internal", lang) if info.internal else ""
        self._set(
            f"<h1>{escape(info.code)} {escape(info.pinyin)} {escape(info.hanzi)}</h1>"
            f"<p class='sub'>{escape(info.english)} · {escape(wording.channel_name(self.catalog, info.channel, lang))}"
            f"{escape(side)}</p>{self._local_note('point', info.code)}"
            f"{self._heading('location')}"
            f"<p>{escape(info.location.get(lang))}{escape(view)}{escape(internal)}</p>"
            + (f"{self._heading('zone')}<p>{escape(zone.name.get(lang))}</p>" if zone else "")
            + f"{self._heading('cautions', '⚠ ')}<p class='caution'>{escape(info.cautions.get(lang))}</p>"
            + (f"{self._heading('notes')}<p>{escape(notes)}</p>" if notes else "")
            + f"<p class='sub'>{escape(words.get('positions', lang))}</p>",
        )
