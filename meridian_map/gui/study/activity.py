"""What the study page's side shows while a card or a drill is under way, and the keys they share.

Every activity goes on with Space or Enter (when the focused control does
not take the key itself), reads the number keys 1–9 for grades and choices,
and has buttons for everything the keys do, in Tab order, so a mouse and a
keyboard alone both work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.study.cards import Field
from ...core.study.quiz import Grade

if TYPE_CHECKING:
    from .page import StudyPage


def plain_label(text: str = "", size: float = 0.0, bold: bool = False) -> QLabel:
    """A label that shows content text as it is: pack text is never read as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if size or bold:
        font = QFont(label.font())
        if size:
            font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
    return label


class Activity(QWidget):
    """A card or a drill question; the page shows one at a time and passes it the shared keys."""

    def __init__(self, page: StudyPage) -> None:
        super().__init__()
        self.page = page
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def begin(self) -> None:
        """Shown: install a map tool, set what the map shows, put the keyboard focus where it is needed."""

    def finish(self) -> None:
        """About to be replaced: the page puts the map back as it was."""

    def go_on(self) -> None:
        """Space or Enter."""

    def number(self, n: int) -> None:
        """A number key, 1–9."""

    def field_name(self, field: Field) -> str:
        names = {
            Field.CODE: self.tr("Code"),
            Field.PINYIN: self.tr("Pinyin"),
            Field.HANZI: self.tr("Hanzi"),
            Field.ENGLISH: self.tr("English name"),
            Field.CHANNEL: self.tr("Channel"),
            Field.ZONE: self.tr("Zone"),
            Field.LOCATION: self.tr("Location"),
        }
        return names[field]

    def grade_name(self, grade: Grade) -> str:
        return {
            Grade.AGAIN: self.tr("Again"),
            Grade.HARD: self.tr("Hard"),
            Grade.GOOD: self.tr("Good"),
            Grade.EASY: self.tr("Easy"),
        }[grade]

    def next_button(self) -> QPushButton:
        """The "Next (Space)" button, for the caller to hide once laid out and to show and focus with the answer."""
        button = QPushButton(self.tr("&Next (Space)"))
        button.clicked.connect(self.page.next_question)
        return button

    def choice_column(self, texts: list[str]) -> tuple[QVBoxLayout, list[QPushButton]]:
        """Buttons numbered 1–n for keys 1–n; their text is content ("&" kept as written, not a mnemonic)."""
        row = QVBoxLayout()
        buttons = []
        for n, text in enumerate(texts, 1):
            button = QPushButton(f"{n}  {text.replace('&', '&&')}")
            button.clicked.connect(lambda _checked=False, n=n: self.number(n))
            row.addWidget(button)
            buttons.append(button)
        return row, buttons
