"""Search finds every name the app teaches, typed loosely, and ranks what was meant first."""

from __future__ import annotations

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.text.search import Kind, SearchIndex, one_typo


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> SearchIndex:
    return SearchIndex(catalog)


def _keys(index: SearchIndex, query: str) -> list[tuple[Kind, str]]:
    return [(hit.kind, hit.key) for hit in index.search(query)]


def test_every_name_in_the_content_is_found(catalog: Catalog, index: SearchIndex) -> None:
    """A walk over the content: every code, pinyin, hanzi, other name, English name and title finds its item."""
    missed = []
    for info in catalog.content.points:
        for name in (info.code, info.pinyin, info.hanzi, info.english, *info.other_names):
            if (Kind.POINT, info.code) not in _keys(index, name):
                missed.append((info.code, name))
    for kind, records in ((Kind.ZONE, catalog.zones), (Kind.CONCERN, catalog.concerns)):
        for key, record in records.items():
            for lang in catalog.content.languages:
                if (kind, key) not in _keys(index, record.name.get(lang)):
                    missed.append((key, record.name.get(lang)))
    for code, channel in catalog.channels.items():
        for name in (code, *(channel.name.get(lang) for lang in catalog.content.languages)):
            if (Kind.CHANNEL, code) not in _keys(index, name):
                missed.append((code, name))
    assert missed == []


@pytest.mark.parametrize(
    ("query", "key"),
    [("renzhong", "GV26"), ("人中", "GV26"), ("GV29", "EX-HN3"), ("GV24+", "EX-HN3"), ("bitong", "EX-HN8"),
     ("zanzhu", "BL2"), ("SJ23", "TE23"), ("DU26", "GV26")],
)  # fmt: skip
def test_other_names_find_their_point_first(index: SearchIndex, query: str, key: str) -> None:
    assert _keys(index, query)[0] == (Kind.POINT, key)


@pytest.mark.parametrize(
    ("query", "codes"),
    [("stomach", {"ST"}), ("Yang Ming", {"ST", "LI"}), ("large intestine", {"LI"}), ("足阳明", {"ST"}),
     ("governor", {"GV"})],
)  # fmt: skip
def test_channel_names_find_channels(index: SearchIndex, query: str, codes: set[str]) -> None:
    hits = index.search(query)
    assert {h.key for h in hits if h.kind is Kind.CHANNEL} == codes
    assert hits[0].kind is Kind.CHANNEL


@pytest.mark.parametrize(("query", "key"), [("si4bai2", "ST2"), ("Si4 Bai2", "ST2"), ("cheng2qi4", "ST1")])
def test_tone_numbers_are_read_as_tones(index: SearchIndex, query: str, key: str) -> None:
    assert _keys(index, query)[0] == (Kind.POINT, key)


def test_a_code_with_a_number_is_not_read_as_tones(index: SearchIndex) -> None:
    assert _keys(index, "st2") == [(Kind.POINT, "ST2")]
    assert _keys(index, "st1") == [(Kind.POINT, "ST1")]  # not ST10, ST11, ST12


@pytest.mark.parametrize(
    ("query", "key"), [("sibia", "ST2"), ("sibaj", "ST2"), ("yintnag", "EX-HN3"), ("chengqii", "ST1")]
)
def test_one_typo_still_finds_the_point(index: SearchIndex, query: str, key: str) -> None:
    assert _keys(index, query)[0] == (Kind.POINT, key)


def test_a_typo_in_a_code_is_not_guessed(index: SearchIndex) -> None:
    assert _keys(index, "GV29") == [(Kind.POINT, "EX-HN3")]


def test_exact_code_prefixes_rank_first(index: SearchIndex) -> None:
    keys = [key for _kind, key in _keys(index, "li")]
    assert keys[:5] == ["LI", "LI17", "LI18", "LI19", "LI20"]
    assert keys.index("CV23") > keys.index("LI20")


def test_nonsense_finds_nothing(index: SearchIndex) -> None:
    assert index.search("qwxzk") == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("sibai", "sibia", True), ("sibai", "sibi", True), ("sibai", "sxbai", True), ("sibai", "sibaii", True),
     ("sibai", "sbiia", False), ("sibai", "sibai", False), ("ab", "abcd", False)],
)  # fmt: skip
def test_one_typo(a: str, b: str, expected: bool) -> None:
    assert one_typo(a, b) is expected
