"""The right-hand panel: how a zone is worked, or what a point is.

Rendered as rich text in a QTextBrowser so it stays selectable, scales with
the system font and can link points and concerns back to the map. The
content is shown in the state's content language; when the language is
bilingual a second panel beside it shows the Chinese (`PanelColumns`): two
documents lay out several times faster than one with the languages in table
columns. The panel's own few words (welcome, local-change marks) are the
window's and go through Qt's translation.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTextBrowser, QWidget

from ...core.catalog import Catalog
from ...core.model import PointInfo, Side
from ...core.text import wording
from ...core.text.languages import EN, ZH
from ...core.text.schools import SchoolView, disagree, zone_views
from ..fonts import register_bold_hanzi, sets_bold_hanzi
from ..language import change_word, chrome_language, content_languages, current_chrome
from ..state import MapState, Selection
from ..theme import Theme

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

COLON = {EN: ": ", ZH: "："}  # before a list, in each content language


def style_sheet(theme: Theme) -> str:
    """The panel's CSS, every colour from the theme; the cautions box keeps a border, so it reads without colour."""
    c = theme.panel
    return (
        "<style>"
        f"body {{ color: {c.text}; }}"
        "h1 { font-size: 18pt; font-weight: 600; margin: 0 0 2px 0; }"
        f".sub {{ color: {c.sub}; margin: 0 0 10px 0; }}"
        "h2 { font-size: 10pt; font-weight: 600; letter-spacing: 1px; margin: 14px 0 4px 0;"
        f" color: {c.heading}; }}"
        "td { padding: 2px 10px 2px 0; vertical-align: top; }"
        ".gauge { font-size: 13pt; letter-spacing: 1px; }"
        f"table.caution {{ background-color: {c.caution_background}; border: 1px solid {c.caution_border};"
        f" border-style: solid; border-color: {c.caution_border}; }}"
        f"table.caution td {{ color: {c.caution_text}; padding: 6px 8px; }}"
        ".tradition { font-style: italic; }"
        ".school { margin: 2px 0 6px 0; }"
        f".edited {{ color: {c.edited}; font-size: 9pt; }}"
        f"a {{ color: {c.link}; text-decoration: none; }}"
        "</style>"
    )


class Panel(QTextBrowser):
    """Follows the selection; its links write the state (a point code selects it, a concern is chosen).

    `column` is which of the content languages shown it shows: the second
    column has one only when the language is bilingual, and is empty otherwise.
    """

    source_requested = Signal(str)  # a cited work's id: the window opens the sources view at it

    def __init__(
        self,
        catalog: Catalog,
        state: MapState,
        theme: Theme | None = None,
        parent: QWidget | None = None,
        column: int = 0,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.theme = theme or Theme.current()
        self.column = column
        self.languages = self._languages(state.language)
        self._shown: tuple[Selection, tuple[str, ...], str] | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)
        self.retranslate()
        state.selection_changed.connect(self.show_selection)
        state.routine_changed.connect(lambda _routine: self.show_selection(state.selection))
        state.language_changed.connect(self._language_changed)
        state.school_changed.connect(self._show_school)

    def _show_school(self) -> None:
        self.catalog = self.state.catalog
        self.show_selection(self.state.selection)

    def _languages(self, language: str) -> tuple[str, ...]:
        return content_languages(language)[self.column : self.column + 1]

    @property
    def lang(self) -> str:
        """The content language shown (English in an empty second column)."""
        return self.languages[0] if self.languages else EN

    def _language_changed(self, language: str) -> None:
        self.languages = self._languages(language)
        self.show_selection(self.state.selection)

    def retranslate(self) -> None:
        """Redraw only if not drawn in this language already: the page is laid out anew on every draw."""
        self.setAccessibleName(self.tr("Details in Chinese") if self.column else self.tr("Details"))
        if self._shown != (self.state.selection, self.languages, current_chrome()):
            self.show_selection(self.state.selection)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _follow(self, url: QUrl) -> None:
        kind, _, key = url.toString().partition(":")
        if kind == "point":
            self._select_point(key)
        elif kind == "concern":
            self.state.set_concern(key)
        elif kind == "channel":
            self.state.select_channel(key)
        elif kind == "source":
            self.source_requested.emit(key)
        elif kind == "school":
            self.state.set_school(key)

    def _select_point(self, code: str) -> None:
        """From a zone's panel, the copy on that zone's side; else the copy that carries a label."""
        area = self.catalog.areas.get(self.state.selection.area)
        if area is not None and self.catalog.point_info(code).bilateral:
            self.state.select_point(f"{code}.{area.side}")
        else:
            self.state.select_point_code(code)

    def show_selection(self, selection: Selection) -> None:
        self._shown = (selection, self.languages, current_chrome())
        if not self.languages:
            self.clear()
        elif selection.point:
            self.show_point(selection.point)
        elif selection.channel:
            self.show_channel(selection.channel)
        elif selection.area:
            self.show_zone(selection.area)
        else:
            self.show_welcome()

    def set_theme(self, theme: Theme) -> None:
        """Show what is shown again in another theme's colours."""
        self.theme = theme
        self.show_selection(self.state.selection)

    def _set(self, body: str) -> None:
        if sets_bold_hanzi(body):
            register_bold_hanzi()  # before the text is laid out, or its bold hanzi would show in the regular weight
        self.setHtml(style_sheet(self.theme) + body)

    def _caution(self, text: str) -> str:
        """A caution in a bordered box: a table, since Qt's rich text draws borders and padding only on tables."""
        return f"<table class='caution' width='100%' cellspacing='0'><tr><td>{escape(text)}</td></tr></table>"

    def show_welcome(self) -> None:
        """The window's welcome in its own words and the disclaimer; the second column has the disclaimer only."""
        disclaimer = f"<p class='sub'>{escape(self.catalog.content.disclaimer.short.get(self.lang))}</p>"
        if self.column:
            self._set(f"{disclaimer}{self._disclaimer_note()}")
            return
        subtitle = self.tr("Facial gua sha zones and acupuncture points")
        self._set(
            f"<h1>Meridian Map</h1><p class='sub'>{escape(subtitle)}</p>"
            + self.tr(
                "<p><b>Hover</b> a zone to see its name; <b>click</b> it to see how it is worked: "
                "direction, pressure, strokes, the points in it and which concerns' routines include it.</p>"
            )
            + self.tr(
                "<p>Pick a concern on the left to light up its zones, or press <b>Ctrl+F</b> to find a point "
                "by code, pinyin or hanzi (ST2, sibai, 四白).</p>"
            )
            + self.tr(
                "<p>The {stomach} (solid line) and the {large_intestine} (dashed), "
                "the Yang Ming pair, are drawn on top.</p>"
            ).format(stomach=self._channel("ST"), large_intestine=self._channel("LI"))
            + f"{disclaimer}{self._disclaimer_note()}",
        )

    def _channel(self, code: str) -> str:
        """A channel's name from the content, in the chrome's language, in the colour the theme draws it in."""
        name = escape(wording.channel_name(self.catalog, code, chrome_language(self.state.language)))
        return f"<span style='color:{self.theme.channel_style(code).colour}'><b>{name}</b></span>"

    def _disclaimer_note(self) -> str:
        change = self.catalog.local_change("disclaimer", "disclaimer")
        if not change:
            return ""
        note = self.tr("✎ This disclaimer was {change} locally.").format(change=change_word(change))
        return f"<p class='edited'>{escape(note)}</p>"

    def show_zone(self, area_key: str) -> None:
        self._set(self.zone_html(area_key, self.lang))

    def zone_html(self, area_key: str, lang: str) -> str:
        area = self.catalog.areas[area_key]
        zone = self.catalog.zones[area.zone]
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
        point_rows = "".join(self._point_row(p, lang) for p in points) or "<tr><td>—</td></tr>"
        nearby = ", ".join(f"<a href='point:{c}'>{c}</a>" for c in zone.nearby)
        concerns = ", ".join(
            f"<a href='concern:{c}'>{escape(self.catalog.concerns[c].name.get(lang))}</a>"
            + ("<span class='edited'> ✎</span>" if self._local("concern", c) else "")
            for c in zone.concerns
        )
        if any(self._local("concern", c) for c in zone.concerns):
            mark = self.tr("✎ from your content folder")
            concerns += f"<br><span class='edited'>{escape(mark)}</span>"
        edited = self._local_note("zone", zone.id)
        side = words.get("side_r" if area.side is Side.R else "side_l", lang)
        colon = COLON.get(lang, ": ")
        return (
            f"<h1>{escape(zone.name.get(lang))}</h1>"
            f"<p class='sub'>{escape(zone.area.get(lang))} · {escape(side)}</p>{edited}"
            f"{self._left_out_note(zone.id)}<table>"
            + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
            f"{self._heading('points', lang)}<table>{point_rows}</table>"
            + (f"<p class='sub'>{escape(words.get('nearby', lang))}{colon}{nearby}</p>" if nearby else "")
            + self._schools(zone.id, lang)
            + f"{self._heading('routine_for', lang)}<p>{concerns}</p>"
            f"{self._heading('cautions', lang, '⚠ ')}{self._caution(zone.cautions.get(lang))}"
            f"{self._heading('tradition', lang)}<p class='tradition'>{escape(zone.tradition.get(lang))}</p>"
            f"<p class='sub'>{escape(self.catalog.content.disclaimer.footnote.get(lang))}</p>"
        )

    def _left_out_note(self, zone: str) -> str:
        """A zone the client's screening leaves out says so first, with the reasons (content text, escaped)."""
        reasons = self.state.left_out_text(zone, self.lang)
        if not reasons:
            return ""
        return f"<p class='caution'><b>⊘ {escape(self.tr('Left out today'))}:</b> {escape(reasons)}</p>"

    def _schools(self, zone: str, lang: str) -> str:
        """The chosen school's reason for the stroke, and where the schools disagree, each work one click away."""
        views = zone_views(self.state.base_catalog, zone)
        if not views:
            return ""
        chosen = next((v for v in views if v.school.id == self.state.school), views[0])
        colon = COLON.get(lang, ": ")
        heading = self.tr("Technique school")
        html = (
            f"<h2>{escape(heading)}</h2>"
            f"<p class='school'><b>{escape(chosen.school.name.get(lang))}</b>{colon}"
            f"{escape(chosen.variant.why.get(lang))}{self._cites(chosen, lang)}</p>"
        )
        if not disagree(views):
            same = self.tr("Every school strokes this zone the same way.")
            return html + f"<p class='sub'>{escape(same)}</p>"
        rows = "".join(
            f"<p class='school'><a href='school:{v.school.id}'><b>{escape(v.school.name.get(lang))}</b></a>{colon}"
            f"{escape(v.direction.get(lang))}{self._cites(v, lang)}</p>"
            for v in views
        )
        differ = self.tr("Where schools disagree")
        return html + f"<h2>{escape(differ)}</h2>{rows}"

    def _cites(self, view: SchoolView, lang: str) -> str:
        links = ", ".join(f"<a href='source:{r.id}'>{escape(r.short)}</a>" for r in view.references)
        cited = f" <span class='sub'>({links})</span>" if links else ""
        gap = view.variant.gap.get(lang) if view.variant.gap.values else ""
        if not view.variant.sources and not gap:
            gap = self.tr("No work this school cites covers this zone; the zone's own strokes are shown.")
        return cited + (f"<br><span class='sub'>{escape(gap)}</span>" if gap else "")

    def _heading(self, word: str, lang: str, mark: str = "") -> str:
        return f"<h2>{mark}{escape(self.catalog.content.panel.get(word, lang))}</h2>"

    def _local(self, kind: str, key: str) -> str:
        """How a record a user file touched is marked: the user must see what is not shipped."""
        change = self.catalog.local_change(kind, key)
        return self.tr("✎ {change} locally").format(change=change_word(change)) if change else ""

    def _local_note(self, kind: str, key: str) -> str:
        mark = self._local(kind, key)
        return f"<p class='edited'>{mark}</p>" if mark else ""

    def _point_row(self, info: PointInfo, lang: str) -> str:
        """Code, pinyin and hanzi in every language; the English name only in English (hanzi is the Chinese)."""
        english = f"<td>{escape(info.english)}</td>" if lang == EN else ""
        return (
            f"<tr><td><a href='point:{info.code}'><b>{info.code}</b></a></td>"
            f"<td>{escape(info.pinyin)} {escape(info.hanzi)}</td>{english}</tr>"
        )

    def show_point(self, key: str) -> None:
        self._set(self.point_html(key, self.lang))

    def point_html(self, key: str, lang: str) -> str:
        placed = self.catalog.point(key)
        info = placed.info
        words = self.catalog.content.panel
        zone = self.catalog.zones.get(info.zone)
        side = "" if placed.side is None else " · " + words.get(f"side_{placed.side.lower()}", lang)
        notes = info.notes.get(lang) if info.notes.values else ""
        view = " " + words.get("side_view", lang) if info.view == "side" else ""
        internal = " " + words.get("internal", lang) if info.internal else ""
        channel = wording.channel_name(self.catalog, info.channel, lang)
        if info.channel in self.catalog.channels:
            channel_html = f"<a href='channel:{info.channel}'>{escape(channel)}</a>"
        else:
            channel_html = escape(channel)
        record = ""
        if info.who.values:
            record += f"{self._heading('who', lang)}<p>{escape(info.who.get(lang))}</p>"
        if info.cun.values:
            record += f"{self._heading('cun', lang)}<p>{escape(info.cun.get(lang))}</p>"
        if info.guide:
            shown = escape(words.get("how_found_shown", lang))
            record += f"{self._heading('how_found', lang)}<p class='sub'>{shown}</p>"
        if info.category.values:
            record += f"{self._heading('category', lang)}<p>{escape(info.category.get(lang))}</p>"
        if info.meets:
            meets = ", ".join(
                f"<a href='channel:{c}'>{escape(wording.channel_name(self.catalog, c, lang))}</a>" for c in info.meets
            )
            record += f"{self._heading('meets', lang)}<p>{meets}</p>"
        if info.other_names:
            record += f"{self._heading('other_names', lang)}<p>{escape(', '.join(info.other_names))}</p>"
        return (
            f"<h1>{escape(info.code)} {escape(info.pinyin)} {escape(info.hanzi)}</h1>"
            f"<p class='sub'>{escape(info.english) + ' · ' if lang == EN else ''}{channel_html}"
            f"{escape(side)}</p>{self._local_note('point', info.code)}"
            f"{self._heading('location', lang)}"
            f"<p>{escape(info.location.get(lang))}{escape(view)}{escape(internal)}</p>"
            + record
            + (f"{self._heading('zone', lang)}<p>{escape(zone.name.get(lang))}</p>" if zone else "")
            + f"{self._heading('cautions', lang, '⚠ ')}{self._caution(info.cautions.get(lang))}"
            + (f"{self._heading('notes', lang)}<p>{escape(notes)}</p>" if notes else "")
            + f"<p class='sub'>{escape(words.get('scope', lang))}</p>"
            + f"<p class='sub'>{escape(words.get('positions', lang))}</p>"
        )

    def show_channel(self, code: str) -> None:
        self._set(self.channel_html(code, self.lang))

    def channel_html(self, code: str, lang: str) -> str:
        """The channel explorer's text: its course in flow order, inner segments said as such, and its points."""
        channel = self.catalog.channels[code]
        words = self.catalog.content.panel
        courses = ""
        for number, (line, inside) in enumerate(wording.course_text(self.catalog, code, lang)):
            title = f"<b>{escape(words.get('branch', lang))}{COLON[lang]}</b>" if number else ""
            notes = "".join(f"<br><span class='sub'>{escape(note)}</span>" for note in inside)
            courses += f"<p class='course'>{title}{self._linked_codes(line)}{notes}</p>"
        own = sorted((info for info in self.catalog.content.points if info.channel == code), key=_natural)
        point_rows = "".join(self._point_row(info, lang) for info in own) or "<tr><td>—</td></tr>"
        return (
            f"<h1>{escape(channel.name.get(lang))}</h1>"
            f"<p class='sub'>{escape(code)}</p>{self._local_note('channel', code)}"
            f"{self._heading('course', lang)}{courses}"
            f"<p class='sub'>{escape(words.get('numbered', lang))}</p>"
            f"{self._heading('channel_points', lang)}<table>{point_rows}</table>"
            f"<p class='sub'>{escape(self.catalog.content.disclaimer.footnote.get(lang))}</p>"
        )

    def _linked_codes(self, line: str) -> str:
        """A course line with every point code a link to that point."""
        codes = {info.code for info in self.catalog.content.points}
        return " ".join(
            f"<a href='point:{part}'>{escape(part)}</a>" if part in codes else escape(part) for part in line.split(" ")
        )


def _natural(info: PointInfo) -> tuple[str, int]:
    """GB4 before GB13."""
    letters = info.code.rstrip("0123456789")
    return (letters, int(info.code[len(letters) :] or 0))


class PanelColumns(QSplitter):
    """The panel, and beside it, when the language is bilingual, a second one in Chinese; each can be widened."""

    def __init__(
        self, catalog: Catalog, state: MapState, theme: Theme | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.first = Panel(catalog, state, theme)
        self.second = Panel(catalog, state, theme, column=1)
        self.addWidget(self.first)
        self.addWidget(self.second)
        self.setChildrenCollapsible(False)
        self._show_columns(state.language)
        state.language_changed.connect(self._show_columns)

    def _show_columns(self, language: str) -> None:
        self.second.setVisible(len(content_languages(language)) > 1)

    def set_theme(self, theme: Theme) -> None:
        self.first.set_theme(theme)
        self.second.set_theme(theme)
