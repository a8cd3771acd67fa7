"""The window's language settings, without Qt: the command line checks `--lang` before Qt loads.

`en` and `zh` are the content's languages; `bilingual` shows the content in
both, side by side, for students learning the terms. Sheets and the other
commands print one language, so `bilingual` is for the window only.
"""

from __future__ import annotations

EN = "en"
ZH = "zh"
BILINGUAL = "bilingual"
LANGUAGES = (EN, ZH, BILINGUAL)
PRINTED = (EN, ZH)
