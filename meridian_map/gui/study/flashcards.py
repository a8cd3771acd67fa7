"""Flashcards: one side of a point shown, the other recalled, revealed with Space and graded 1–4.

While a flashcard is up the map shows the face without points or labels,
so the answer is not on screen before it is revealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from ...core.study.cards import Card, field_text
from ...core.study.quiz import Grade
from .activity import Activity, plain_label

if TYPE_CHECKING:
    from .page import StudyPage


class FlashcardActivity(Activity):
    def __init__(self, page: StudyPage, card: Card) -> None:
        super().__init__(page)
        assert card.front is not None and card.back is not None
        self.card = card
        catalog = page.catalog
        info = catalog.point_info(card.code)
        lang = page.language
        self.revealed = False
        self.asked = plain_label(self.field_name(card.front))
        self.front = plain_label(field_text(catalog, info, card.front, lang), 20, bold=True)
        self.question = plain_label(self.tr("What is its %1?").replace("%1", self.field_name(card.back).lower()))
        self.back = plain_label(field_text(catalog, info, card.back, lang), 18, bold=True)
        self.reveal_button = QPushButton(self.tr("&Show answer (Space)"))
        self.reveal_button.clicked.connect(self.reveal)
        grades = QHBoxLayout()
        self.grade_buttons: dict[Grade, QPushButton] = {}
        for grade in Grade:
            button = QPushButton(f"{int(grade)}  {self.grade_name(grade)}")
            button.clicked.connect(lambda _checked=False, g=grade: self.grade(g))
            button.setEnabled(False)
            grades.addWidget(button)
            self.grade_buttons[grade] = button
        for widget in (self.asked, self.front, self.question, self.back, self.reveal_button):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(grades)
        self.layout_.addStretch(1)
        self.back.setVisible(False)  # after the layout took it: taking a widget in shows it again

    def begin(self) -> None:
        self.page.map_for_question()
        self.reveal_button.setFocus()

    def reveal(self) -> None:
        if self.revealed:
            return
        self.revealed = True
        self.back.setVisible(True)
        self.reveal_button.setEnabled(False)
        for button in self.grade_buttons.values():
            button.setEnabled(True)
        self.grade_buttons[Grade.GOOD].setFocus()
        self.page.mark_point(self.card.code)

    def grade(self, grade: Grade) -> None:
        if self.revealed:
            self.page.record(self.card, grade)
            self.page.next_question()

    def go_on(self) -> None:
        """Space reveals; once revealed, Space means Good (as in Anki)."""
        if self.revealed:
            self.grade(Grade.GOOD)
        else:
            self.reveal()

    def number(self, n: int) -> None:
        if 1 <= n <= 4:
            self.grade(Grade(n))
