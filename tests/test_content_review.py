"""The shipped texts stay corrected: facts, cautions, Chinese wording, spelling and concern ids.

Each test pins a finding of the content review (docs/content-review-answers.md
lists them by id), so a later edit that brings an error back fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog
from meridian_map.core.model import PointInfo, Text, Wording
from meridian_map.core.output.json import catalog_document
from meridian_map.core.output.labels import LABELS
from meridian_map.core.output.sheet import concern_routine, default_filename, find_concern, take_home_sheet
from meridian_map.core.problems import ContentError
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.panels.panel import Panel
from meridian_map.gui.state import MapState

# Latin text a zh string may carry: point codes (GV24+ too), standards, pinyin and "T区".
ZH_LATIN_ALLOWED = re.compile(
    r"\{\w+\}|EX-[A-Z]{2}\d*|M-HN-\d+|\b[A-Z]{2}\d+\+?|WHO|GB/T|\bT(?=区)|Kouheliao|[A-Za-zàáǎèéěìíǐòóǒùúǔǖǘǚǜāēīōū]*"
    r"[àáǎèéěìíǐòóǒùúǔǖǘǚǜāēīōū][A-Za-zàáǎèéěìíǐòóǒùúǔǖǘǚǜāēīōū]*"
)
AMERICAN = re.compile(r"\b(aging|color\w*|gray|center\w*|favor\w*|behavior\w*|fiber\w*|tumor\w*)\b", re.IGNORECASE)


def texts(catalog: Catalog) -> Iterator[tuple[str, Text]]:
    """Every translatable text of the content, named by where it is."""
    content = catalog.content
    for point in content.points:
        yield from ((f"point {point.code}.{k}", getattr(point, k)) for k in ("location", "cautions", "notes"))
    for zone in content.zones:
        fields: tuple[str, ...] = ("name", "area", "direction", "pressure_note", "edge", "cautions", "tradition")
        yield from ((f"zone {zone.id}.{k}", getattr(zone, k)) for k in fields)
    for concern in content.concerns:
        fields = ("name", "description", "caution", "tradition")
        yield from ((f"concern {concern.id}.{k}", getattr(concern, k)) for k in fields)
    for pressure in content.pressures:
        yield from ((f"pressure {pressure.id}.{k}", getattr(pressure, k)) for k in ("name", "feel"))
    for channel in content.channels:
        yield f"channel {channel.code}.name", channel.name
    disclaimer = content.disclaimer
    yield from ((f"disclaimer.{k}", getattr(disclaimer, k)) for k in ("full", "short", "footnote"))
    yield from ((f"panel.{k}", text) for k, text in content.panel.texts)


def info(catalog: Catalog, code: str) -> PointInfo:
    return next(point for point in catalog.content.points if point.code == code)


def in_lang(catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    return [(where, dict(text.values)[lang]) for where, text in texts(catalog) if lang in text.languages]


# Hard errors ---------------------------------------------------------------------------


def test_h2_the_large_intestine_comes_back_out_around_the_mouth(catalog: Catalog) -> None:
    """Lingshu ch. 10: into the lower gum (inside), then out and around the mouth to the philtrum (outside)."""
    (course,) = catalog.channels["LI"].courses
    steps = {step.code: step for step in course}
    assert [step.code for step in course] == ["LI17", "LI18", "ST4", "GV26", "LI19", "LI20"]
    assert steps["ST4"].internal, "LI18 to the mouth corner runs inside, through the lower gum"
    assert not steps["GV26"].internal, "the arc along the upper lip to the philtrum is on the surface"
    for line in catalog_document(catalog)["channels"]:
        if line["code"] == "LI":
            assert line["internal"] == [False, False, True, False, False, False]


def test_h4_te21_lies_behind_the_condyle(catalog: Catalog) -> None:
    location = info(catalog, "TE21").location
    assert "before the jaw joint" not in location.get("en")
    assert "back of the jaw joint (condylar process" in location.get("en")
    assert "耳屏上切迹与下颌骨髁突之间" in location.get("zh")


def test_h3_no_text_ends_the_stomach_channel_on_the_face(catalog: Catalog) -> None:
    """The channel ends at ST45 on the foot; only its ascending facial course ends at the forehead."""
    for where, value in in_lang(catalog, "en"):
        for sentence in re.split(r"(?<=[.;:])\s", value):
            if re.search(r"Stomach channel (finishes|ends|stops)", sentence):
                pytest.fail(f"{where}: {sentence}")
    for where, value in in_lang(catalog, "zh"):
        assert "胃经在此终止" not in value and "胃经的终点" not in value, where
    forehead = catalog.zones["forehead"].tradition
    assert "ascending facial course ends here" in forehead.get("en")
    assert "循发际，至额颅" in forehead.get("zh")


def test_h5_st1_is_not_where_the_stomach_channel_begins(catalog: Catalog) -> None:
    for where, value in in_lang(catalog, "en"):
        assert not re.search(r"(where|is where) the Stomach channel (begins|starts)", value), where
    for where, value in in_lang(catalog, "zh"):
        assert "胃经的起点" not in value, where
    assert info(catalog, "ST1").notes.get("en").startswith("The first point of the Stomach channel")
    assert (catalog.channels["ST"].courses[0][0].code, catalog.channels["ST"].courses[0][1].code) == ("LI20", "BL1")


def test_h1_yintang_is_coded_as_the_2021_standard_does_with_the_caveat(catalog: Catalog) -> None:
    notes = info(catalog, "EX-HN3").notes
    en, zh = notes.get("en"), notes.get("zh")
    assert "GB/T 12346-2021" in en and "GV24+" in en
    assert "2006 edition numbered it GV29" in en
    assert "not yet checked against the printed text" in en
    assert "GV24+（列于神庭与素髎之间）" in zh and "2006 年版曾编为 GV29" in zh and "尚未与正式印本核对" in zh
    for where, value in in_lang(catalog, "en"):
        assert not re.search(r"12346-2021\)? places it on the Governor Vessel as GV29", value), where


# Cautions the review asked for, each on its point or zone in both languages ---------------------

CAUTIONS = [
    # (id, "point" or "zone", key, English words, Chinese words)
    ("S8", "point", "ST5", "no point pressure or holds on the pulse", "不在搏动处点按或停留"),
    ("S8", "zone", "jawline", "hold at ST6 only", "只在颊车停留"),
    ("S9", "zone", "nose_sides", "never in the corner itself (BL1, tear sac)", "不要压入内眼角（睛明、泪囊处）"),
    ("S10", "point", "ST7", "parotid gland", "腮腺"),
    ("S10", "point", "TE21", "parotid gland", "腮腺"),
    ("S10", "point", "SI19", "parotid gland", "腮腺"),
    ("S10", "point", "GB1", "temple artery", "颞浅动脉"),
    ("S11", "zone", "under_eye", "glaucoma", "青光眼"),
    ("S11", "zone", "under_eye", "pressure on the eyeball can slow the heart", "按压眼球可使心率减慢"),
    ("S11", "point", "ST1", "glaucoma", "青光眼"),
    ("S11", "point", "ST1", "pressure on the eyeball can slow the heart", "按压眼球可使心率减慢"),
    ("S11", "point", "EX-HN7", "glaucoma", "青光眼"),
    ("S11", "point", "EX-HN7", "pressure on the eyeball can slow the heart", "按压眼球可使心率减慢"),
    (
        "S12",
        "zone",
        "neck_side",
        "after a stroke or TIA, with carotid disease, or if you faint easily",
        "短暂性脑缺血发作",
    ),
    (
        "S12",
        "zone",
        "neck_front",
        "after a stroke or TIA, with carotid disease, or if you faint easily",
        "短暂性脑缺血发作",
    ),
    ("S13", "zone", "neck_side", "feather-light in the hollow above the collarbone", "锁骨上窝处力度须极轻"),
    ("S14", "zone", "chin", "skip swollen glands or lumps", "肿大的淋巴结或肿块"),
    ("S14", "zone", "jawline", "crosses the parotid gland", "经过腮腺"),
    ("S7", "point", "ST3", "light pressure", "宜轻压"),
    ("S7", "point", "SI18", "light pressure", "宜轻压"),
]


@pytest.mark.parametrize(("finding", "kind", "key", "en", "zh"), CAUTIONS, ids=[f"{c[0]}-{c[2]}" for c in CAUTIONS])
def test_each_caution_the_review_asked_for_is_on_its_record(
    catalog: Catalog, finding: str, kind: str, key: str, en: str, zh: str
) -> None:
    text = info(catalog, key).cautions if kind == "point" else catalog.zones[key].cautions
    assert en in text.get("en"), f"{finding}: {kind} {key} lacks {en!r}"
    assert zh in text.get("zh"), f"{finding}: {kind} {key} lacks {zh!r}"


def test_no_pressure_beyond_light_outside_the_jaw_muscle(catalog: Catalog) -> None:
    """S7: the scale keeps medium for the masseter, so only ST6 and the jawline may mention it."""
    for point in catalog.content.points:
        if point.code != "ST6":
            assert "medium" not in point.cautions.get("en").lower(), point.code
            assert "中等" not in point.cautions.get("zh"), point.code


def test_drainage_is_named_as_a_teaching_term_not_an_effect(catalog: Catalog) -> None:
    """S1: every 'drainage' and 疏导 comes with the note that no effect on lymph flow was measured."""
    found = 0
    for lang, word, caveat in (("en", "drainage", "has not been measured"), ("zh", "疏导", "未经测定")):
        for where, value in in_lang(catalog, lang):
            if word in value:
                found += 1
                assert caveat in value, where
    assert found >= 4


def test_modern_face_maps_are_not_called_tradition(catalog: Catalog) -> None:
    """S4: the chin-and-hormones reading comes from modern face-mapping charts and says so."""
    for where, value in in_lang(catalog, "en"):
        if "Chong" in value and "chin" in value:
            assert "Modern face-mapping charts" in value, where
    for where, value in in_lang(catalog, "zh"):
        if "冲脉" in value and "下巴" in value:
            assert "现代面部分区图" in value, where


# Chinese wording -------------------------------------------------------------------------------


def test_zh_texts_use_the_classical_names_not_ones_that_collide_with_points(catalog: Catalog) -> None:
    """Z1-Z6, Z10: 天窗 is SI16 and 气海 is CV6, so neither may name a group; 耳郭 is the standard term."""
    zh = in_lang(catalog, "zh")
    for where, value in zh:
        assert "天窗穴组" not in value and "“天窗”穴组" not in value, where
        assert "“气海”之输" not in value and "气海" not in value.replace("气之海", ""), where
        assert "耳廓" not in value, where
    assert sum("天牖五部" in value for _w, value in zh) >= 4


def test_zh_texts_carry_no_english_beyond_codes_standards_and_pinyin(catalog: Catalog) -> None:
    for where, value in in_lang(catalog, "zh"):
        if where.startswith("channel ") or where == "disclaimer.full":
            value = value.replace("Meridian Map", "")
        left = ZH_LATIN_ALLOWED.sub("", value)
        assert not re.search(r"[A-Za-z]", left), f"{where}: {value}"


def test_zh_locations_start_with_the_body_region_as_the_national_standard_does(catalog: Catalog) -> None:
    """Z26: GB/T 12346 opens every location with its region."""
    regions = ("面部，", "头部，", "颈部，", "颈前部，", "颈前区，", "口腔内，")
    for point in catalog.content.points:
        assert point.location.get("zh").startswith(regions), point.code


def test_zh_wording_fixes_stay(catalog: Catalog) -> None:
    zh = "\n".join(value for _w, value in in_lang(catalog, "zh"))
    for wrong in (
        "方向上刮",
        "旧时中医文献",
        "来历不明",
        "泛粉",
        "活动期痤疮",
        "肾（内分泌周期）",
        "可加至轻度",
        "青紫色",
    ):
        assert wrong not in zh, wrong
    assert "抗血小板" in catalog.content.disclaimer.full.get("zh")
    assert "抗血小板" in catalog.content.disclaimer.short.get("zh")
    assert catalog.zones["nasolabial"].name.get("zh") == "法令纹区（鼻唇沟）"
    names = [c.name.get("zh") for c in catalog.concerns.values()]
    assert len(set(names)) == len(names)


def test_the_zh_sheet_says_seconds_and_redness_in_chinese(catalog: Catalog) -> None:
    """Appendix: the sheet's own strings, not only the content."""
    assert "秒" in LABELS["zh"]["hold"] and " s" not in LABELS["zh"]["hold"]
    assert "泛粉" not in LABELS["zh"]["stop_signs"]
    sheet = take_home_sheet(catalog, concern_routine(catalog, "aging"), "zh")
    held = [step.strokes for step in sheet.steps if "停留" in step.strokes]
    assert held and all(re.search(r"停留 \d+–\d+ 秒", strokes) for strokes in held)


# Panel wording is content, validated like the rest -----------------------------------------------


def test_panel_wording_exists_in_every_language(catalog: Catalog) -> None:
    for word, text in catalog.content.panel.texts:
        assert text.languages == set(catalog.content.languages), word
    assert catalog.content.panel.get("cautions", "zh") == "注意事项"


def test_a_panel_heading_without_its_translation_is_reported_with_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "meta.toml").write_text('[panel]\ncautions = { en = "Warnings" }\n', encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[tmp_path])
    assert [str(p) for p in error.value.problems] == [
        f"{tmp_path.name}/meta.toml:2: panel.cautions: missing translation: zh"
    ]


def test_the_panel_footnote_is_safety_text_a_pack_cannot_drop(tmp_path: Path) -> None:
    (tmp_path / "meta.toml").write_text(
        '[disclaimer]\nfootnote = { en = "Enjoy.", zh = "请享用。" }\n', encoding="utf-8"
    )
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[tmp_path])
    assert any("disclaimer.footnote" in str(p) and "word for word" in str(p) for p in error.value.problems)


# Consistency -----------------------------------------------------------------------------------


def test_displayed_english_uses_british_spelling(catalog: Catalog) -> None:
    for where, value in in_lang(catalog, "en"):
        assert not AMERICAN.search(value), f"{where}: {AMERICAN.search(value)}"
    assert catalog.concerns["aging"].name.get("en").startswith("Skin ageing")


def test_no_two_concerns_offer_the_same_zones(catalog: Catalog) -> None:
    """Acne and blemishes used to give the same seven zones; each concern now says what is its own."""
    seen: dict[tuple[str, ...], str] = {}
    for concern in catalog.concerns.values():
        zones = tuple(sorted(concern.zones))
        assert zones not in seen, f"{concern.id} and {seen.get(zones)} give the same zones"
        seen[zones] = concern.id
    acne, blemishes = catalog.concerns["acne"], catalog.concerns["blemishes"]
    assert set(acne.zones) != set(blemishes.zones)
    assert "work around spots" in acne.name.get("en")
    assert "healed" in blemishes.name.get("en") and "acne-prone skin" in blemishes.description.get("en")


def test_concern_ids_are_printed_with_underscores_and_read_either_way(catalog: Catalog) -> None:
    assert find_concern(catalog, "dark-circles").id == find_concern(catalog, "dark_circles").id == "dark_circles"
    assert default_filename("dark_circles", "en") == "meridian-map-dark_circles.pdf"
    ids = [c["id"] for c in catalog_document(catalog)["concerns"]]
    assert ids == list(catalog.concerns) and not any("-" in i for i in ids)
    zone_concerns = {c for z in catalog_document(catalog)["zones"] for c in z["concerns"]}
    assert not any("-" in c for c in zone_concerns)


def test_sheet_help_lists_every_concern_id_without_loading_qt(catalog: Catalog) -> None:
    code = (
        "import sys\n"
        "from meridian_map.cli import main\n"
        "try:\n    main(['sheet', '--help'])\n"
        "except SystemExit:\n    pass\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    listed = " ".join(result.stdout.split())
    for concern in catalog.concerns:
        assert re.search(rf"\b{concern}\b", listed), concern


# The panel in Chinese and --select ---------------------------------------------------------------


@pytest.mark.parametrize("key", ["cheek_l", "ST7.L"])
def test_the_panel_speaks_the_content_language_in_its_headings_and_footnote(
    qtbot: QtBot, catalog: Catalog, key: str
) -> None:
    state = MapState(catalog)
    panel = Panel(catalog, state)
    qtbot.addWidget(panel)
    state.set_language("zh")  # the panel follows the state's language
    if "." in key:
        panel.show_point(key)
        words: tuple[str, ...] = ("location", "zone", "cautions", "notes", "positions")
    else:
        panel.show_zone(key)
        words = ("direction", "pressure", "strokes", "tool", "points", "routine_for", "cautions", "tradition")
    shown = panel.toPlainText()
    for word in words:
        assert catalog.content.panel.get(word, "zh") in shown, word
    assert "受术者左侧" in shown
    if "." not in key:
        assert catalog.content.disclaimer.footnote.get("zh") in shown
        assert "每条线 5–10 次" in shown and "停留 3–5 秒" in shown and "约呈 15°" in shown
    english = ("Location", "Cautions", "Tradition", "Traditionally used for", "Notes", "Positions are", "Direction")
    for phrase in (*english, "strokes per line", " s at the points", "Hold it", "subject's", "Best seen"):
        assert phrase not in shown, phrase


def test_panel_placeholders_are_filled_by_replacement_not_format() -> None:
    """Wording may come from a pack: '{span.__class__}' must stay text, not reach into Python."""
    wording = Wording((("per_line", Text.of({"en": "{span} and {span.__class__} {0}"})),))
    assert wording.get("per_line", "en", span="5–10") == "5–10 and {span.__class__} {0}"


def test_select_takes_zone_and_concern_ids_with_hyphens_or_underscores(window: MainWindow) -> None:
    assert window.select("under-eye")
    assert window.map_state.selection.key == "under_eye_r"
    assert window.select("dark-circles")
    assert window.sidebar.concern_box.currentData() == "dark_circles"
    assert window.select("eye_bags")
    assert window.sidebar.concern_box.currentData() == "eye_bags"
    assert not window.select("dark-circle")
