"""Study cards and decks: generated from the catalog (a pack's points too), stable ids, validated custom decks."""

from __future__ import annotations

from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog
from meridian_map.core.study.cards import (
    FLASH_PAIRS,
    CardIdError,
    Field,
    Kind,
    all_cards,
    card_text,
    parse_card_id,
    point_infos,
)
from meridian_map.core.study.decks import DeckError, builtin_decks, custom_deck, find_deck

PACK_POINT = """
[[point]]
code = "EX-PK1"
pinyin = "Shìyàn"
hanzi = "试验"
english = "Trial Point"
channel = "ST"
bilateral = true
at = [0.55, 0.60]
view = "front"
zone = "cheek"
internal = false
location = { en = "On the cheek, for a test.", zh = "面颊上，用于测试。" }
cautions = { en = "Light pressure.", zh = "轻压。" }
notes = { en = "A pack's own point.", zh = "包中自带的穴位。" }
"""


def test_every_point_has_a_locate_card_and_names_asked_both_ways(catalog: Catalog) -> None:
    cards = all_cards(catalog)
    ids = [card.id for card in cards]
    assert len(ids) == len(set(ids))
    codes = {info.code for info in point_infos(catalog) if not info.internal}
    assert {card.code for card in cards if card.kind is Kind.LOCATE} == codes
    assert "locate:GV28" not in ids  # inside the mouth: nothing to click
    assert {"locate:ST2", "flash:code>pinyin:ST2", "flash:pinyin>code:ST2", "flash:hanzi>english:ST2"} <= set(ids)
    assert "flash:location>code:ST2" in ids and "flash:code>location:ST2" in ids
    for front, back in FLASH_PAIRS:
        if Field.CHANNEL not in (front, back) and Field.ZONE not in (front, back):
            assert (back, front) in FLASH_PAIRS, f"{front}>{back} is asked one way only"
    # EX points lie on no channel of the catalog: no code>channel card rather than a blank answer.
    assert "flash:code>channel:EX-HN3" not in ids and "flash:code>channel:ST2" in ids


def test_card_ids_are_side_agnostic_and_parse_back(catalog: Catalog) -> None:
    for card in all_cards(catalog):
        assert "." not in card.id.rsplit(":", 1)[1]  # ST2, never ST2.L
        assert parse_card_id(card.id) == card
    for bad in ("locate:", "flash:code>code:ST2", "flash:colour>code:ST2", "locate:ST2;DROP", "x" * 200):
        with pytest.raises(CardIdError):
            parse_card_id(bad)


def test_card_text_in_both_languages_with_tone_marks(catalog: Catalog) -> None:
    card = parse_card_id("flash:code>pinyin:ST2")
    assert card_text(catalog, card) == ("ST2", "Sìbái")
    assert (
        card_text(catalog, parse_card_id("flash:code>zone:ST2"), "zh")[1]
        != card_text(catalog, parse_card_id("flash:code>zone:ST2"), "en")[1]
    )
    question, answer = card_text(catalog, parse_card_id("locate:ST2"), "zh")
    assert question == "ST2" and "眶下" in answer


def test_a_pack_point_becomes_cards_and_joins_its_decks(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "points.toml").write_text(PACK_POINT, encoding="utf-8")
    catalog = load_catalog(user_dirs=[pack])
    ids = {card.id for card in all_cards(catalog)}
    assert {"locate:EX-PK1", "flash:code>hanzi:EX-PK1", "flash:code>zone:EX-PK1"} <= ids
    decks = builtin_decks(catalog)
    assert "locate:EX-PK1" in find_deck(decks, "channel:ST").card_ids
    assert "locate:EX-PK1" in find_deck(decks, "zone:cheek").card_ids
    assert "locate:EX-PK1" not in find_deck(decks, "zone:forehead").card_ids


def test_builtin_decks(catalog: Catalog) -> None:
    decks = builtin_decks(catalog, missed={"locate:ST2", "locate:NOPE"})
    ids = [deck.id for deck in decks]
    assert ids[:2] == ["all", "yang-ming"] and ids[-1] == "misses"
    assert {f"channel:{c}" for c in catalog.channels} <= set(ids)
    assert {f"zone:{z}" for z in catalog.zones} <= set(ids)
    assert {f"concern:{c}" for c in catalog.concerns} <= set(ids)
    everything = find_deck(decks, "all")
    assert len(everything.cards) == len(all_cards(catalog))
    yang_ming = find_deck(decks, "yang-ming")
    assert {card.code[:2] for card in yang_ming.cards} == {"ST", "LI"}
    assert find_deck(decks, "misses").card_ids == ("locate:ST2",)
    dark_circles = find_deck(decks, "concern:dark_circles")
    zones = set(catalog.concerns["dark_circles"].zones)
    assert dark_circles.cards and all(catalog.point_info(c.code).zone in zones for c in dark_circles.cards)
    assert find_deck(decks, "channel:ST").name.get("zh").startswith("经络")
    with pytest.raises(DeckError, match="no deck"):
        find_deck(decks, "zone:elbow")


def test_custom_decks_take_codes_and_card_ids_and_report_every_bad_item(catalog: Catalog) -> None:
    deck = custom_deck(catalog, "  Eye points ", ["ST1", "locate:BL1", "locate:ST1"])
    assert deck.id == "custom:eye-points" and deck.name.get() == "Eye points"
    assert "locate:BL1" in deck.card_ids and "flash:code>pinyin:ST1" in deck.card_ids
    assert len(deck.card_ids) == len(set(deck.card_ids))
    with pytest.raises(DeckError) as error:
        custom_deck(catalog, "Mixed", ["ST1", "XX99", "locate:XX99", "flash:code>code:ST1"])
    message = str(error.value)
    assert "item 2" in message and "item 3" in message and "item 4" in message and "item 1" not in message
    for name in ("", "   ", "x" * 81, "tab\there", "zero\u200bwidth"):
        with pytest.raises(DeckError):
            custom_deck(catalog, name, ["ST1"])
    assert custom_deck(catalog, "Eyes", ["ST1"], "custom:mine").id == "custom:mine"
    with pytest.raises(DeckError, match="does not start"):
        custom_deck(catalog, "Eyes", ["ST1"], "all")
    with pytest.raises(DeckError, match="no cards"):
        custom_deck(catalog, "Empty", [])
