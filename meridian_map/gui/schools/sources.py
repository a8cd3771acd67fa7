"""The sources view: each technique school, its rules, and every work it cites with what that work supports.

A panel or comparison link opens it at the work clicked. The text is our
markup over escaped content, so a pack's citation cannot add links or
hide anything.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...core.catalog import Catalog
from ...core.text.schools import cited


def sources_html(catalog: Catalog, lang: str = "en") -> str:
    """Schools first (with the zones their works do not cover), then every cited work with what it supports."""
    parts = []
    for school in catalog.schools.values():
        default = QCoreApplication.translate("SourcesView", " (default)") if school.id == catalog.default_school else ""
        works = ", ".join(f"<a href='#{r}'>{escape(_short(catalog, r))}</a>" for r in school.sources)
        uncovered = [
            catalog.zones[v.zone].name.get(lang)
            for v in sorted(catalog.content.variants, key=lambda v: v.order)
            if v.school == school.id and v.zone in catalog.zones and (v.gap.values or not v.sources)
        ]
        gap = (
            "<p><i>"
            + escape(QCoreApplication.translate("SourcesView", "Zones its works do not cover stroke by stroke:"))
            + f" {escape(', '.join(uncovered))}.</i></p>"
            if uncovered
            else ""
        )
        parts.append(
            f"<h3>{escape(school.name.get(lang))}{default}</h3>"
            f"<p>{escape(school.description.get(lang))}</p>"
            f"<p><b>{escape(QCoreApplication.translate('SourcesView', 'Order and endings:'))}</b> "
            f"{escape(school.sequence.get(lang))}</p>"
            f"<p><b>{escape(QCoreApplication.translate('SourcesView', 'Rests on:'))}</b> {works}</p>{gap}"
        )
    for ref in cited(catalog):
        schools = [s.name.get(lang) for s in catalog.schools.values() if ref.id in s.sources]
        zones = sorted({catalog.zones[v.zone].name.get(lang) for v in catalog.content.variants if ref.id in v.sources})
        parts.append(
            f"<a name='{escape(ref.id)}'></a><h4>{escape(ref.short)}</h4>"
            f"<p>{escape(ref.citation)}</p><p>{escape(ref.supports.get(lang))}</p>"
            f"<p><small>{escape(QCoreApplication.translate('SourcesView', 'Cited by:'))} "
            f"{escape(', '.join(schools) or '—')}"
            + (
                f"; {escape(QCoreApplication.translate('SourcesView', 'zones:'))} {escape(', '.join(zones))}"
                if zones
                else ""
            )
            + "</small></p>"
        )
    title = QCoreApplication.translate("SourcesView", "Technique schools and their sources")
    return f"<h2>{escape(title)}</h2>" + "".join(parts)


def _short(catalog: Catalog, ref_id: str) -> str:
    return next((r.short for r in catalog.content.references if r.id == ref_id), ref_id)


class SourcesDialog(QDialog):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Technique schools and sources"))
        self.resize(640, 700)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)  # only the in-page anchors written above
        self.browser.setHtml(sources_html(catalog))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_source(self, ref_id: str) -> None:
        if ref_id:
            self.browser.scrollToAnchor(ref_id)
