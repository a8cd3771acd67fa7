"""The study screen: decks, the locate quiz, flashcards, drills and progress (imported on first entry)."""
