"""Write tests/data/hostile/: broken and hostile inputs, each with the error it must produce.

Every loader that reads a user's file (face SVG, content TOML, settings JSON)
must end in a clear problem, never a traceback or a hang. This writes the
inputs that prove it, deterministically, together with manifest.json, which
maps each file to a substring its error report must contain:

    svg/   a user pack's face.svg (read alone, then against the shipped content)
    toml/  a user pack's TOML file, layered over the shipped content
    json/  a settings file read by JsonStore

The expectations are written here by hand, not recorded from the loaders,
so a loader that changes its mind fails the tests.

    python tools/make_hostile_corpus.py          write the corpus
    python tools/make_hostile_corpus.py --check  exit 1 if the files on disk differ
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "hostile"
MANIFEST = "manifest.json"

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'

LANDMARKS = {
    "hairline_mid": (120, 40), "hairline_corner_r": (80, 55), "hairline_corner_l": (160, 55),
    "brow_medial_r": (108, 95), "brow_medial_l": (132, 95), "brow_lateral_r": (78, 92), "brow_lateral_l": (162, 92),
    "inner_canthus_r": (110, 108), "inner_canthus_l": (130, 108),
    "outer_canthus_r": (82, 108), "outer_canthus_l": (158, 108), "pupil_r": (95, 108), "pupil_l": (145, 108),
    "infraorbital_margin_r": (95, 120), "infraorbital_margin_l": (145, 120),
    "nose_tip": (120, 150), "ala_r": (110, 152), "ala_l": (130, 152), "philtrum_mid": (120, 165),
    "mouth_corner_r": (104, 175), "mouth_corner_l": (136, 175), "mentolabial_sulcus": (120, 190),
    "chin": (120, 240), "mandible_angle_r": (65, 200), "mandible_angle_l": (175, 200),
    "tragus_r": (50, 120), "tragus_l": (190, 120), "zygion_r": (53, 128), "zygion_l": (187, 128),
}  # fmt: skip
ART = (
    '<path id="face_outline" class="outline" fill="none" stroke="#1f1f1f" stroke-width="0.9" '
    'd="M120 20C60 20 50 100 55 150C60 220 100 240 120 240C140 240 180 220 185 150C190 100 180 20 120 20Z"/>'
)
ZONES = (
    '<path id="cheek_r" d="M70 130L100 130L100 160L70 160Z"/>\n'
    '<path id="cheek_l" d="M140 130L170 130L170 160L140 160Z"/>'
)


class Corpus:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.expect: dict[str, str] = {}

    def add(self, path: str, content: bytes | str, expect: str) -> None:
        if path in self.files:
            raise ValueError(f"{path} written twice")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content
        self.expect[path] = expect


def landmarks(skip: Iterable[str] = (), extra: str = "") -> str:
    gone = set(skip)
    circles = "\n".join(
        f'<circle id="{name}" cx="{x}" cy="{y}" r="1"/>' for name, (x, y) in LANDMARKS.items() if name not in gone
    )
    return f'<g id="landmarks">\n{circles}\n{extra}</g>'


def face(
    art: str = ART,
    marks: str | None = None,
    zones: str = ZONES,
    extra: str = "",
    root: str = 'viewBox="0 0 240 380" width="240" height="380"',
) -> str:
    """A small but complete face drawing, with one part swapped for a broken one."""
    return (
        f'{SVG_HEAD} {root}>\n<g id="art">{art}</g>\n{landmarks() if marks is None else marks}\n'
        f'<g id="zones">\n{zones}\n</g>\n{extra}</svg>\n'
    )


def tiny(body: str, root: str = 'viewBox="0 0 10 10"') -> str:
    """A drawing with a single element under test (the rest is missing on purpose)."""
    return f'{SVG_HEAD} {root}><g id="art">{body}</g></svg>\n'


def svg_hand_made(c: Corpus) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    c.add(
        "svg/xml_billion_laughs.svg",
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY l0 "lol">{laughs}]>\n{SVG_HEAD}><text>&l9;</text></svg>',
        "entity declarations are not allowed",
    )
    c.add(
        "svg/xml_quadratic_blowup.svg",
        f'<!DOCTYPE svg [<!ENTITY a "{"x" * 5000}">]>\n{SVG_HEAD}><text>{"&a;" * 2000}</text></svg>',
        "entity declarations are not allowed",
    )
    c.add(
        "svg/xml_external_entity.svg",
        f'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n{SVG_HEAD}><text>&x;</text></svg>',
        "refused unsafe XML",
    )
    c.add(
        "svg/xml_external_parameter_entity.svg",
        f'<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>\n{SVG_HEAD}/>',
        "refused unsafe XML",
    )
    c.add("svg/xml_unclosed_tag.svg", f'{SVG_HEAD} viewBox="0 0 10 10"><g id="art">', "not well-formed XML")
    c.add("svg/xml_mismatched_tag.svg", f'{SVG_HEAD} viewBox="0 0 10 10"><g></path></svg>', "not well-formed XML")
    c.add("svg/xml_empty.svg", b"", "the file is empty")
    c.add("svg/xml_whitespace.svg", b" \n\t\r\n ", "the file is empty")
    c.add("svg/xml_binary_garbage.svg", bytes(range(256)) * 4, "not well-formed XML")
    c.add("svg/xml_nul_bytes.svg", f"{SVG_HEAD}>\x00</svg>", "not well-formed XML")
    c.add("svg/xml_bad_encoding.svg", f'<?xml version="1.0" encoding="x-klingon"?>\n{SVG_HEAD}/>', "not well-formed")
    c.add(
        "svg/xml_latin1_undeclared.svg", f"{SVG_HEAD}><title>caf\xe9</title></svg>".encode("latin-1"), "not well-formed"
    )
    c.add("svg/xml_two_roots.svg", f"{SVG_HEAD}/><svg/>", "not well-formed XML")
    c.add("svg/xml_text_only.svg", "just some words", "not well-formed XML")
    c.add("svg/xml_html_root.svg", "<html><body>face</body></html>", "the root element is <html>, not <svg>")
    c.add(
        "svg/xml_foreign_namespace_root.svg",
        '<svg xmlns="http://example.com/not-svg" viewBox="0 0 1 1"/>',
        "not <svg>",
    )
    c.add("svg/xml_png_bytes.svg", b"\x89PNG\r\n\x1a\n" + bytes(200), "not well-formed XML")
    c.add("svg/xml_gzip_bytes.svg", b"\x1f\x8b\x08\x00" + bytes(100), "not well-formed XML")
    c.add("svg/xml_bom_then_junk.svg", b"\xef\xbb\xbf<<<svg>>>", "not well-formed XML")

    c.add("svg/limit_elements.svg", tiny("<g/>" * 10_001), "more than 10,000 elements")
    c.add("svg/limit_depth_31.svg", tiny("<g>" * 31 + "</g>" * 31), "nested deeper than 30 levels")
    c.add("svg/limit_depth_1000.svg", tiny("<g>" * 1000 + "</g>" * 1000), "nested deeper than 30 levels")
    c.add(
        "svg/limit_depth_1000_with_use.svg",
        tiny("<g>" * 1000 + '<use href="#x"/>' + "</g>" * 1000 + '<rect id="x" width="1" height="1"/>'),
        "nested deeper than 30 levels",
    )
    c.add("svg/limit_path_commands.svg", tiny(f'<path id="long" d="M0 0{"h1" * 10_001}"/>'), "#long: over 10,000 path")
    c.add(
        "svg/limit_polygon_points.svg",
        tiny(f'<polygon id="many" points="{"1 1 " * 10_001}"/>'),
        "#many: over 10,000 points",
    )
    c.add(
        "svg/limit_drawing_paths.svg",
        tiny("".join(f'<path id="p{i}" d="M0 0{"h1" * 8_001}"/>' for i in range(2))),
        "over 16,000 drawing commands in all",
    )
    c.add("svg/limit_drawing_circles.svg", face(art="<circle r='1'/>" * 1_600), "over 16,000 drawing commands in all")
    c.add("svg/limit_drawing_arcs.svg", tiny(f'<path d="M0 0{"a1 1 0 0 1 1 1" * 4_001}"/>'), "over 16,000 drawing")
    c.add(
        "svg/limit_drawing_by_use.svg",
        tiny('<path id="p" d="M0 0' + "l1 1" * 3_000 + '"/>' + '<use href="#p"/>' * 5),
        "over 16,000 drawing commands in all once <use> copies are expanded",
    )
    c.add(
        "svg/limit_zone_samples.svg",
        face(zones='<path id="cheek_r" d="M70 130' + "c100 0 100 30 0 30c-100 0 -100 30 0 30" * 200 + 'Z"/>'),
        "#cheek_r: zone outlines over 20,000 points once curves are sampled",
    )
    c.add(
        "svg/zone_scaled_a_million_times.svg",
        face(zones=ZONES + '\n<path id="chin_r" transform="scale(1000000)" d="M0 0C1 0 1 1 0 1Z"/>'),
        "#cheek_l: overlaps #chin_r",
    )
    c.add(
        "svg/limit_style_sheet.svg",
        tiny("<style>" + "a{" * 3000 + "</style>"),
        "<style> sheets over 4,096 bytes",
    )
    c.add(
        "svg/limit_style_sheets_together.svg",
        tiny("".join("<style>" + ".c{fill:red}" * 100 + "</style>" for _ in range(5))),
        "<style> sheets over 4,096 bytes",
    )

    c.add("svg/use_self.svg", tiny('<use id="me" href="#me"/>'), "#me: <use> references form a cycle")
    c.add(
        "svg/use_pair.svg",
        tiny('<g id="a"><use id="to_b" href="#b"/></g><g id="b"><use id="to_a" href="#a"/></g>'),
        "<use> references form a cycle",
    )
    c.add("svg/use_ancestor.svg", tiny('<g id="up"><g><use id="loop" href="#up"/></g></g>'), "#loop: <use> references")
    c.add(
        "svg/use_xlink_cycle.svg",
        tiny('<g id="a"><use id="back" xlink:href="#a"/></g>'),
        "#back: <use> references form a cycle",
    )
    c.add(
        "svg/use_symbol_cycle.svg",
        tiny('<defs><symbol id="s"><use id="in_s" href="#s"/></symbol></defs><use href="#s"/>'),
        "<use> references form a cycle",
    )
    fan = ['<rect id="f0" width="1" height="1"/>']
    for level in range(1, 6):
        uses = "".join(f'<use href="#f{level - 1}"/>' for _ in range(10))
        fan.append(f'<g id="f{level}">{uses}</g>')
    c.add("svg/use_fan_out_10e5.svg", tiny("<defs>" + "".join(fan) + "</defs>"), "expand to over 5,000 elements")
    group = '<g id="big">' + '<rect width="1" height="1"/>' * 70 + "</g>"
    c.add("svg/use_wide.svg", tiny(group + '<use href="#big"/>' * 80), "expand to over 5,000 elements")
    chain = ['<rect id="c0" width="1" height="1"/>'] + [f'<use id="c{i}" href="#c{i - 1}"/>' for i in range(1, 10)]
    c.add("svg/use_chain_9.svg", tiny("".join(chain)), "<use> nested deeper than 8 levels")
    backward = [f'<use id="c{i}" href="#c{i - 1}"/>' for i in range(300, 0, -1)] + [
        '<rect id="c0" width="1" height="1"/>'
    ]
    c.add("svg/use_chain_300_backward.svg", tiny("".join(backward)), "<use> nested deeper than 8 levels")
    c.add("svg/use_missing_target.svg", tiny('<use id="ghost" href="#nowhere"/>'), "#ghost: <use> points at a missing")
    c.add("svg/use_other_file.svg", tiny('<use id="ext" href="other.svg#x"/>'), "#ext: <use> points at a missing id")
    c.add("svg/use_remote.svg", tiny('<use id="net" href="http://127.0.0.1:9/x.svg#a"/>'), "points at a missing id")

    c.add("svg/ids_duplicate.svg", face(extra='<circle id="chin" cx="1" cy="1" r="1"/>'), "#chin: duplicate id")
    c.add(
        "svg/ids_duplicate_group.svg",
        face(extra='<g id="zones"><path id="x_r" d="M0 0L1 0L1 1Z"/></g>'),
        "#zones: duplicate id",
    )
    c.add("svg/landmark_missing_chin.svg", face(marks=landmarks(skip=["chin"])), "#chin: required landmark is missing")
    c.add(
        "svg/landmark_missing_many.svg",
        face(marks=landmarks(skip=[n for n in LANDMARKS if n.endswith("_l")])),
        "#zygion_l: required landmark is missing",
    )
    c.add(
        "svg/landmark_lookalike_id.svg",
        face(marks=landmarks(skip=["chin"], extra='<circle id="chin\u202e" cx="120" cy="240" r="1"/>')),
        "#chin: required landmark is missing",
    )
    c.add(
        "svg/landmark_use_copy.svg",
        face(marks=landmarks(extra='<use href="#nose_tip" x="3"/>')),
        "#nose_tip: landmark drawn twice",
    )
    c.add("svg/landmark_group_missing.svg", face(marks=""), "#landmarks: missing group of landmarks")
    c.add(
        "svg/art_group_missing.svg", face().replace('<g id="art">', '<g id="artwork">'), "#art: missing group of line"
    )
    c.add("svg/zones_group_missing.svg", face().replace('<g id="zones">', "<g>"), "#zones: missing group of zone")
    c.add("svg/everything_missing.svg", f'{SVG_HEAD} viewBox="0 0 10 10"/>', "missing group of line art")
    c.add(
        "svg/landmark_as_path_without_extent.svg",
        face(marks=landmarks(skip=["chin"], extra='<path id="chin" d=""/>')),
        "#chin: landmark has no finite position",
    )
    c.add(
        "svg/frame_chin_above_hairline.svg",
        face(marks=landmarks(skip=["chin"], extra='<circle id="chin" cx="120" cy="10" r="1"/>')),
        "the chin must be below the hairline",
    )

    c.add(
        "svg/zone_two_subpaths.svg",
        face(zones='<path id="cheek_r" d="M70 130L100 130L100 160ZM70 170L100 170L100 190Z"/>'),
        "#cheek_r: a zone must be one closed outline, found 2",
    )
    c.add(
        "svg/zone_drawing_on_after_close.svg",
        face(zones='<path id="cheek_r" d="M70 130L100 130L100 160ZL60 200L50 210"/>'),
        "#cheek_r: a zone must be one closed outline, found 2",
    )
    c.add("svg/zone_empty_path.svg", face(zones='<path id="cheek_r" d=""/>'), "#cheek_r: a zone must be one closed")
    c.add("svg/zone_two_points.svg", face(zones='<path id="cheek_r" d="M70 130L100 130Z"/>'), "#cheek_r: outline has")
    c.add("svg/zone_no_id.svg", face(zones='<path d="M70 130L100 130L100 160Z"/>'), "zone outline has no id")
    c.add(
        "svg/zone_bow_tie.svg",
        face(zones='<path id="cheek_r" d="M70 130L100 170L100 130L70 150Z"/>'),
        "#cheek_r: outline is not a simple shape",
    )
    c.add(
        "svg/zone_bow_tie_balanced.svg",
        face(zones='<path id="cheek_r" d="M70 130L100 160L100 130L70 160Z"/>'),
        "#cheek_r: outline has no area",
    )
    c.add(
        "svg/zone_figure_eight_curve.svg",
        face(zones='<path id="cheek_l" d="M140 130C200 190 110 190 170 130Z"/>'),
        "#cheek_l: outline is not a simple shape",
    )
    c.add(
        "svg/zone_zero_area.svg",
        face(zones='<path id="cheek_r" d="M70 130L85 130L100 130Z"/>'),
        "#cheek_r: outline has no area",
    )
    c.add(
        "svg/zone_zero_area_back_and_forth.svg",
        face(zones='<path id="cheek_l" d="M140 130L170 130L140 130L170 130Z"/>'),
        "#cheek_l: outline",
    )
    c.add(
        "svg/zone_collapsed_by_transform.svg",
        face(zones='<path id="cheek_r" transform="scale(1 0)" d="M70 130L100 130L100 160L70 160Z"/>'),
        "#cheek_r: outline has no area",
    )
    c.add(
        "svg/zone_overlap.svg",
        face(zones=ZONES + '\n<path id="chin_r" d="M80 140L110 140L110 170L80 170Z"/>'),
        "overlaps",
    )
    c.add(
        "svg/zone_unknown_id.svg",
        face(zones=ZONES + '\n<path id="dimple_r" d="M10 10L20 10L20 20Z"/>'),
        "#dimple_r: outline does not match any zone id",
    )
    c.add(
        "svg/zone_use_copy.svg",
        face(zones=ZONES + '\n<use href="#cheek_r" x="0" y="60"/>'),
        "#cheek_r: zone outline drawn twice",
    )
    c.add(
        "svg/zone_nan_by_path.svg",
        face(zones='<path id="cheek_r" d="M70 130L100 130Lnan 160Z"/>'),
        "#cheek_r: malformed path data",
    )

    c.add(
        "svg/root_width_zero.svg", face(root='viewBox="0 0 240 380" width="0" height="380"'), "width: must be greater"
    )
    c.add("svg/root_height_negative.svg", face(root='viewBox="0 0 240 380" height="-5"'), "height: must be greater")
    c.add("svg/root_viewbox_zero.svg", face(root='viewBox="0 0 0 0"'), "viewBox: width and height must be greater")
    c.add("svg/root_viewbox_negative.svg", face(root='viewBox="0 0 -240 380"'), "viewBox: width and height")
    c.add("svg/root_viewbox_three.svg", face(root='viewBox="0 0 240"'), "viewBox: '0 0 240' is not four numbers")
    c.add("svg/root_viewbox_nan.svg", face(root='viewBox="0 0 nan 380"'), "is not four numbers")
    c.add("svg/root_viewbox_inf.svg", face(root='viewBox="0 0 1e309 380"'), "viewBox: '1e309' is not a finite")
    c.add("svg/root_viewbox_huge.svg", face(root='viewBox="0 0 1e12 380"'), "viewBox: '1e12' is beyond")
    c.add("svg/root_viewbox_missing.svg", face(root='width="240" height="380"'), "viewBox: required")
    c.add("svg/root_width_percent_zero.svg", face(root='viewBox="0 0 240 380" width="0%"'), "width: must be greater")
    c.add(
        "svg/nested_svg_width_zero.svg",
        face(extra='<svg id="inner" width="0" height="0" viewBox="0 0 1 1"/>'),
        "#inner: width: must be greater than 0",
    )
    c.add(
        "svg/symbol_viewbox_zero.svg",
        face(extra='<symbol id="sym" viewBox="0 0 0 0"><rect width="1" height="1"/></symbol><use href="#sym"/>'),
        "#sym: viewBox: width and height must be greater than 0",
    )
    c.add(
        "svg/marker_viewbox_text.svg",
        face(extra='<marker id="mk" viewBox="a b c d"/>'),
        "#mk: viewBox: 'a b c d' is not four numbers",
    )

    c.add(
        "svg/transform_face_matrix_nan.svg",
        face(extra='<g id="t" transform="matrix(nan 0 0 1 0 0)"/>'),
        "#t: transform",
    )
    c.add(
        "svg/transform_zones_inf.svg",
        face().replace('<g id="zones">', '<g id="zones" transform="scale(1e309)">'),
        "#zones: transform: scale(): '1e309' is not a finite number",
    )
    c.add(
        "svg/transform_art_rotate_overflow.svg",
        face().replace('<g id="art">', '<g id="art" transform="rotate(1e400)">'),
        "#art: transform: rotate(): '1e400' is not a finite number",
    )
    c.add(
        "svg/transform_landmarks_nan.svg",
        face().replace('<g id="landmarks">', '<g id="landmarks" transform="translate(NaN)">'),
        "#landmarks: transform: translate(): 'NaN' is not a number",
    )
    c.add("svg/transform_unknown.svg", face(extra='<g id="t" transform="warp(2)"/>'), "unknown transform 'warp'")
    c.add("svg/transform_unclosed.svg", face(extra='<g id="t" transform="scale(2"/>'), "#t: transform: cannot read")
    c.add("svg/transform_arity.svg", face(extra='<g id="t" transform="matrix(1 2 3)"/>'), "matrix() takes 6 numbers")
    c.add("svg/transform_skew_arity.svg", face(extra='<g id="t" transform="skewX(1 2)"/>'), "skewX() takes 1 numbers")
    c.add("svg/transform_word.svg", face(extra='<g id="t" transform="translate(one, two)"/>'), "'one' is not a number")
    c.add(
        "svg/transform_gradient_inf.svg",
        face(extra='<linearGradient id="lg" gradientTransform="scale(1e999)"/>'),
        "#lg: gradientTransform: scale(): '1e999' is not a finite number",
    )

    c.add(
        "svg/style_stroke_width_inf.svg", tiny('<path id="s" style="stroke-width:1e309" d="M0 0L1 1"/>'), "#s: stroke"
    )
    c.add("svg/style_font_size_inf.svg", tiny('<text id="s" style="font-size: inf">x</text>'), "#s: font-size: 'inf'")
    c.add("svg/style_opacity_nan.svg", tiny('<rect id="s" style="fill:red; opacity:NaN" width="1" height="1"/>'), "#s")
    c.add("svg/style_upper_case.svg", tiny('<path id="s" style="STROKE-WIDTH:1e999" d="M0 0L1 1"/>'), "stroke-width")
    c.add("svg/points_odd.svg", tiny('<polygon id="pg" points="0,0 1,1 2"/>'), "#pg: points: an odd count of numbers")
    c.add("svg/points_nan.svg", tiny('<polyline id="pl" points="0,0 nan,1"/>'), "#pl: points: 'nan' is not a number")
    c.add("svg/points_inf.svg", tiny('<polygon id="pg" points="0,0 1e309,1 2,2"/>'), "#pg: points: '1e309' is not a")
    c.add("svg/points_huge.svg", tiny('<polygon id="pg" points="0,0 1e7,1 2,2"/>'), "#pg: points: '1e7' is beyond")
    c.add("svg/text_x_inf.svg", tiny('<text id="tx" x="1 2 1e309">x</text>'), "#tx: x: '1e309' is not a finite number")
    # Values that make svgelements' own regexes backtrack for seconds to minutes.
    c.add(
        "svg/slow_points_digits.svg",
        tiny(f'<polygon id="pg" points="{"1" * 2000}x 1"/>'),
        "#pg: points: '1111111111111111'… is longer than 32 characters",
    )
    c.add("svg/slow_points_odd_long.svg", tiny(f'<polyline id="pl" points="1 2 {"3" * 40}"/>'), "longer than 32")
    c.add("svg/slow_colour_hsl.svg", tiny(f'<path id="h" fill="hsl({"1" * 5000}" d="M0 0L1 1"/>'), "#h: fill: longer")
    c.add("svg/slow_colour_rgb.svg", tiny(f'<path id="r" stroke="rgb({"1," * 60}" d="M0 0L1 1"/>'), "is not a colour")
    c.add("svg/slow_font.svg", tiny('<text id="f" font="italic 12px serif">x</text>'), "#f: font: the font shorthand")
    c.add("svg/slow_font_in_style.svg", tiny('<text id="f" style="font: 12px serif">x</text>'), "#f: font: the font")
    c.add(
        "svg/slow_long_class.svg",
        tiny(f'<path id="c" class="{"x " * 100}" d="M0 0L1 1"/>'),
        "#c: class: longer than 128",
    )
    c.add("svg/slow_long_style.svg", tiny(f'<path id="s" style="{"fill:red;" * 500}" d="M0 0L1 1"/>'), "style: longer")
    c.add("svg/slow_long_id.svg", tiny(f'<path id="{"i" * 200}" d="M0 0L1 1"/>'), "id: longer than 128 characters")
    c.add(
        "svg/slow_long_number.svg",
        tiny(f'<circle id="n" r="{"1" * 40}"/>'),
        "#n: r: '1111111111111111111111111111111111111111'",
    )
    c.add(
        "svg/colour_word_soup.svg",
        tiny('<path id="w" fill="red blue" d="M0 0L1 1"/>'),
        "#w: fill: 'red blue' is not a colour",
    )
    c.add(
        "svg/colour_overflow.svg",
        tiny('<path id="o" fill="rgb(1e309, 0, 0)" d="M0 0L1 1"/>'),
        "#o: fill: '1e309' is not",
    )
    c.add(
        "svg/colour_in_style.svg", tiny('<path id="y" style="stroke: #12" d="M0 0L1 1"/>'), "#y: stroke: '#12' is not"
    )
    c.add("svg/points_double_comma.svg", tiny('<polygon id="pg" points="0,,0 1,1 2,2"/>'), "#pg: points: ',0' is not")
    c.add("svg/points_glued.svg", tiny('<polygon id="pg" points="0 1.5.5 1 2 2"/>'), "#pg: points: no space or comma")


def path_cases(c: Corpus) -> None:
    """Path data svgelements would drop silently or turn into NaN."""
    cases = {
        "no_move": ("L5 5", "does not start with a move-to (M)"),
        "leading_number": ("5 5 L1 1", "does not start with a move-to (M)"),
        "unknown_letter": ("M0 0 X 5 5", "unexpected 'X 5 5' at character 5"),
        "missing_number": ("M0 0L5", "command 'L' expected a number at character 6, found the end"),
        "numbers_after_close": ("M0 0L5 5Z5 5", "unexpected '5 5' at character 9"),
        "bare_move": ("M", "command 'M' has no numbers"),
        "bare_curve": ("M0 0C", "command 'C' has no numbers"),
        "half_curve": ("M0 0C1 1 2 2 3", "command 'C' expected a number"),
        "bad_exponent": ("M0 0L1e 5", "command 'L' expected a number at character 6, found 'e 5'"),
        "arc_flag_2": ("M0 0a1 1 0 2 1 5 5", "command 'a' expected a flag (0 or 1)"),
        "arc_flag_word": ("M0 0A1 1 0 true 1 5 5", "command 'A' expected a flag (0 or 1)"),
        "nan": ("M0 0Lnan 5", "command 'L' has no numbers (found 'nan 5')"),
        "infinity_word": ("M0 0LInfinity 5", "command 'L' has no numbers"),
        "overflow": ("M0 0L1e309 5", "number '1e309' is not a finite number"),
        "negative_overflow": ("M0 0L-1e309 5", "number '-1e309' is not a finite number"),
        "huge": ("M0 0L1e300 5", "number '1e300' is beyond"),
        "just_beyond": ("M0 0L1000001 5", "number '1000001' is beyond"),
        "arc_radius_overflow": ("M0 0A1e999 1 0 0 1 5 5", "number '1e999' is not a finite number"),
        "unicode_minus": ("M0 0L\u22125 5", "command 'L' has no numbers"),
        "fullwidth_digits": ("M0 0L\uff15 5", "command 'L' has no numbers"),
        "hex_number": ("M0 0L0x10 5", "command 'L' expected a number at character 6, found 'x10 5'"),
        "percent": ("M0 0L50% 5", "command 'L' expected a number"),
        "units": ("M0 0L5px 5", "command 'L' expected a number at character 6, found 'px 5'"),
        "semicolon": ("M0 0;L5 5", "unexpected ';L5 5' at character 4"),
        "comma_only": ("M,", "command 'M' has no numbers"),
        "close_then_number": ("M0 0z1", "unexpected '1'"),
        "curve_missing_end": ("M0 0Q1 1", "command 'Q' expected a number"),
        "smooth_half": ("M0 0S1 1 2", "command 'S' expected a number"),
        "horizontal_word": ("M0 0H one", "command 'H' has no numbers"),
        "vertical_nan": ("M0 0Vnan", "command 'V' has no numbers"),
        "unicode_space": ("M0\u20030L5 5", "command 'M' expected a number"),
    }
    for name, (data, expect) in cases.items():
        c.add(
            f"svg/path_{name}.svg", tiny(f'<path id="bad" d="{_attr(data)}"/>'), f"#bad: malformed path data: {expect}"
        )


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def svg_generated(c: Corpus) -> None:
    """Every numeric attribute, transform and style property, with every kind of bad number."""
    bad_lengths = {
        "nan": ("nan", "not a number with a unit"),
        "inf": ("inf", "not a number with a unit"),
        "overflow": ("1e309", "'1e309' is not a finite number"),
        "negative_overflow": ("-1e309", "'-1e309' is not a finite number"),
        "huge": ("2e6", "'2e6' is beyond"),
        "word": ("wide", "not a number with a unit"),
        "empty": ("", "not a number with a unit"),
        "two_numbers": ("1 2", "not a number with a unit"),
    }
    elements = {
        "x": "rect", "y": "rect", "width": "rect", "height": "rect", "rx": "rect", "ry": "ellipse",
        "cx": "circle", "cy": "circle", "r": "circle", "x1": "line", "y1": "line", "x2": "line", "y2": "line",
    }  # fmt: skip
    for attr, element in elements.items():
        for label, (value, detail) in bad_lengths.items():
            c.add(
                f"svg/attr_{attr}_{label}.svg",
                tiny(f'<{element} id="bad" {attr}="{value}"/>'),
                f"#bad: {attr}: {value!r} is not a finite length ({detail}",
            )
    transforms = {
        "matrix": "matrix({} 0 0 1 0 0)", "translate": "translate({} 1)", "scale": "scale({})",
        "rotate": "rotate({} 5 5)", "skewX": "skewX({})", "skewY": "skewY({})",
    }  # fmt: skip
    for function, pattern in transforms.items():
        for label, value, expect in (
            ("nan", "nan", "'nan' is not a number"),
            ("overflow", "1e309", "'1e309' is not a finite number"),
            ("huge", "1e9", "'1e9' is beyond"),
        ):
            c.add(
                f"svg/transform_{function}_{label}.svg",
                tiny(f'<g id="bad" transform="{pattern.format(value)}"/>'),
                f"#bad: transform: {function}(): {expect}",
            )
    properties = (
        "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "font-size",
        "opacity", "fill-opacity", "stroke-opacity", "stop-opacity", "offset", "letter-spacing",
    )  # fmt: skip
    for prop in properties:
        for label, value, expect in (
            ("overflow", "1e309", "'1e309' is not a finite number"),
            ("nan", "NaN", "'NaN' is not a finite number"),
        ):
            c.add(
                f"svg/prop_{prop}_{label}.svg",
                tiny(f'<path id="bad" {prop}="{value}" d="M0 0L1 1"/>'),
                f"#bad: {prop}: {expect}",
            )
        c.add(
            f"svg/style_{prop}_overflow.svg",
            tiny(f'<path id="bad" style="fill:none;{prop}: 1e309" d="M0 0L1 1"/>'),
            f"#bad: {prop}: '1e309' is not a finite number",
        )


def toml_hand_made(c: Corpus) -> None:
    c.add("toml/syntax_unclosed_table.toml", '[[zone]]\nid = "cheek"\n[[zone\n', ":3: syntax:")
    c.add("toml/syntax_unclosed_string.toml", '[[zone]]\nid = "cheek\nangle = 5\n', ":2: syntax:")
    c.add("toml/syntax_duplicate_key.toml", '[[zone]]\nid = "cheek"\nangle = 5\nangle = 6\n', ":4: syntax:")
    c.add("toml/syntax_bad_escape.toml", '[[zone]]\nid = "che\\qek"\n', ":2: syntax:")
    c.add("toml/syntax_missing_value.toml", "[[zone]]\nid =\n", ":2: syntax:")
    c.add("toml/syntax_column.toml", '[[zone]]\nid = "cheek"\nangle = 5 6\n', "(column 11)")
    c.add("toml/syntax_nul.toml", '[[zone]]\nid = "che\x00ek"\n', ":2: syntax: Illegal character")
    c.add("toml/syntax_bare_cr.toml", '[[zone]]\rid = "cheek"\r', "syntax")
    c.add("toml/syntax_surrogate_escape.toml", '[[zone]]\nid = "\\ud800"\n', ":2: syntax:")
    c.add("toml/syntax_date_out_of_range.toml", "[[zone]]\nid = 2024-13-45\n", ":2: syntax:")
    c.add("toml/syntax_json.toml", '{"zone": [{"id": "cheek"}]}', ":1: syntax:")
    c.add("toml/syntax_yaml.toml", "zone:\n  - id: cheek\n", ":1: syntax:")
    c.add("toml/syntax_array_table_clash.toml", '[zone]\nid = "a"\n[[zone]]\nid = "b"\n', ":3: syntax:")
    c.add("toml/syntax_inline_reopen.toml", 'zone = [{id = "a"}]\n[[zone]]\nid = "b"\n', ":2: syntax:")
    c.add(
        "toml/encoding_latin1.toml",
        '[[zone]]\nid = "cheek"\nname = { en = "Joue caf\xe9" }\n'.encode("latin-1"),
        ":3: encoding: not UTF-8 (byte 0xe9)",
    )
    c.add("toml/encoding_utf16.toml", '[[zone]]\nid = "cheek"\n'.encode("utf-16"), "the file is UTF-16")
    c.add("toml/encoding_utf16_be.toml", b"\xfe\xff" + "[[zone]]\n".encode("utf-16-be"), "the file is UTF-16")
    c.add("toml/encoding_binary.toml", bytes(range(128, 256)), "not UTF-8")
    c.add("toml/encoding_overlong_utf8.toml", b'id = "\xc0\xaf"\n', "not UTF-8")
    c.add("toml/empty.toml", b"", "the file is empty")
    c.add("toml/empty_whitespace.toml", b"\n \t\n\r\n", "the file is empty")
    c.add("toml/empty_bom_only.toml", b"\xef\xbb\xbf", "the file is empty")
    c.add("toml/nesting_arrays_10k.toml", "x = " + "[" * 10_000 + "]" * 10_000 + "\n", "nested too deeply")
    c.add("toml/nesting_arrays_2000.toml", "x = " + "[" * 2000 + "]" * 2000 + "\n", "nested too deeply")
    c.add("toml/nesting_inline_tables.toml", "x = " + "{a=" * 5000 + "1" + "}" * 5000 + "\n", "nested too deeply")
    c.add("toml/nesting_dotted_key_20k.toml", "a" + ".a" * 20_000 + " = 1\n", ":1: syntax: a dotted key with more")
    c.add("toml/nesting_dotted_header.toml", "x = 1\n[" + ".".join(["t"] * 40) + "]\n", ":2: syntax: a dotted key")
    c.add(
        "toml/many_dotted_headers.toml",
        "".join(f"[k{i}.a.a.a.a.a.a.a]\n" for i in range(2_000)),
        "1,995 more unknown top-level keys",
    )
    c.add(
        "toml/many_unknown_keys.toml",
        '[[zone]]\nid = "cheek"\n' + "".join(f"extra{i} = 1\n" for i in range(3_000)),
        "zone[cheek]: 2,995 more unknown keys",
    )
    c.add("toml/nesting_dotted_quoted.toml", '"a"' + '."a"' * 20 + " = 1\n", "a dotted key with more than 8 parts")
    c.add("toml/nesting_dotted_inline.toml", "x = { " + "k." * 30 + "k = 1 }\n", "a dotted key with more than 8")
    c.add(
        "toml/number_5000_digits.toml", '[[zone]]\nid = "cheek"\nangle = ' + "9" * 5000 + "\n", "a value cannot be read"
    )
    c.add(
        "toml/number_huge_float.toml",
        '[[point]]\ncode = "ST2"\nat = [1e999, 0.5]\n',
        "point[ST2].at: inf is not a face",
    )
    c.add("toml/number_nan.toml", '[[point]]\ncode = "ST2"\nat = [nan, 0.5]\n', "point[ST2].at: nan is not a face")
    c.add(
        "toml/number_inf_angle.toml",
        '[[zone]]\nid = "cheek"\nangle = inf\n',
        "zone[cheek].angle: expected an integer, found a number",
    )
    c.add(
        "toml/number_huge_int.toml", '[[zone]]\nid = "cheek"\nangle = 9223372036854775807\n', "is out of range 0..10000"
    )
    c.add("toml/number_negative.toml", '[[zone]]\nid = "cheek"\nangle = -5\n', "zone[cheek].angle: -5 is out of range")

    c.add(
        "toml/top_unknown_key.toml", '[[zonez]]\nid = "cheek"\n', "zonez: unknown top-level key (did you mean 'zone'?)"
    )
    c.add("toml/top_unknown_scalar.toml", 'colour = "red"\n', "colour: unknown top-level key")
    c.add("toml/top_zone_table.toml", '[zone]\nid = "cheek"\n', "zone: expected tables written as [[zone]]")
    c.add("toml/top_zone_number.toml", "zone = 5\n", "zone: expected tables written as [[zone]]")
    c.add("toml/top_zone_array_of_numbers.toml", "zone = [1, 2]\n", "expected tables written as [[zone]]")
    c.add("toml/top_disclaimer_number.toml", "disclaimer = 5\n", "disclaimer: expected a table [disclaimer]")
    c.add("toml/top_languages_string.toml", 'languages = "en"\n', 'expected a list of language codes like ["en", "zh"]')
    c.add("toml/top_languages_no_english.toml", 'languages = ["zh"]\n', "English ('en') is required")
    c.add("toml/top_languages_bad_code.toml", 'languages = ["EN", "zh"]\n', "expected a list of language codes")
    c.add("toml/top_languages_extra.toml", 'languages = ["en", "zh", "fr"]\n', "missing translation: fr")
    c.add(
        "toml/top_many_records.toml",
        "".join(f'[[concern]]\nid = "c{i}"\n' for i in range(1001)),
        "entries (limit 1,000)",
    )
    c.add(
        "toml/top_many_records_total.toml",
        "".join(f'[[concern]]\nid = "c{i}"\n' for i in range(995)),
        "over 1,000 concern records",
    )

    c.add("toml/id_missing.toml", "[[zone]]\nangle = 5\n", "zone[1].id: missing or not a string")
    c.add("toml/id_number.toml", "[[zone]]\nid = 5\n", "zone[1].id: missing or not a string")
    c.add("toml/id_empty.toml", '[[zone]]\nid = "  "\n', "zone[1].id: missing or not a string")
    c.add("toml/id_upper_case.toml", _new_zone("Glabella"), "'Glabella' is not a lower-case id")
    c.add("toml/id_too_long.toml", _new_zone("g" * 41), "is not a lower-case id")
    c.add(
        "toml/id_duplicate.toml",
        '[[zone]]\nid = "cheek"\nangle = 5\n\n[[zone]]\nid = "cheek"\nangle = 6\n',
        "zone[cheek]: duplicate id, first defined at",
    )
    c.add("toml/point_code_lower.toml", '[[point]]\ncode = "st2"\n' + _POINT_BODY, "'st2' is not a point code")
    c.add("toml/point_code_missing.toml", '[[point]]\npinyin = "Sìbái"\n', "point[1].code: missing or not a string")

    c.add(
        "toml/field_unknown.toml",
        '[[zone]]\nid = "cheek"\ncautoins = { en = "x", zh = "y" }\n',
        "zone[cheek].cautoins: unknown key (did you mean 'cautions'?)",
    )
    c.add(
        "toml/field_unknown_point.toml",
        '[[point]]\ncode = "ST2"\nlocaton = { en = "x", zh = "y" }\n',
        "point[ST2].locaton: unknown key (did you mean 'location'?)",
    )
    c.add(
        "toml/text_plain_string.toml",
        '[[zone]]\nid = "cheek"\nname = "Cheek"\n',
        "zone[cheek].name: expected a table of translations { en = …, zh = … }",
    )
    c.add(
        "toml/text_missing_zh.toml",
        '[[zone]]\nid = "cheek"\ncautions = { en = "Mine." }\n',
        "zone[cheek].cautions: missing translation: zh",
    )
    c.add(
        "toml/text_unknown_language.toml",
        '[[zone]]\nid = "cheek"\nname = { en = "a", zh = "b", fr = "c" }\n',
        "unknown language 'fr'",
    )
    c.add(
        "toml/text_language_typo.toml",
        '[[zone]]\nid = "cheek"\nname = { en = "a", hz = "b" }\n',
        "unknown language 'hz'",
    )
    c.add(
        "toml/text_empty.toml",
        '[[zone]]\nid = "cheek"\nname = { en = "", zh = "b" }\n',
        "zone[cheek].name: en: must not be empty",
    )
    c.add(
        "toml/text_number.toml",
        '[[zone]]\nid = "cheek"\nname = { en = 5, zh = "b" }\n',
        "expected a string, found an integer",
    )
    c.add(
        "toml/text_date.toml",
        '[[zone]]\nid = "cheek"\nname = 2024-01-01\n',
        "expected a table of translations, found date",
    )
    c.add(
        "toml/ref_pressure.toml",
        '[[zone]]\nid = "cheek"\npressure = "lite"\n',
        "zone[cheek].pressure: unknown pressure 'lite' (did you mean 'light'?)",
    )
    c.add(
        "toml/ref_concern.toml",
        '[[zone]]\nid = "cheek"\nconcerns = ["acnee"]\n',
        "unknown concern 'acnee' (did you mean 'acne'?)",
    )
    c.add(
        "toml/ref_nearby.toml",
        '[[zone]]\nid = "cheek"\nnearby = ["ST99"]\n',
        "zone[cheek].nearby: unknown point 'ST99'",
    )
    c.add(
        "toml/ref_point_zone.toml",
        '[[point]]\ncode = "ST2"\nzone = "undereye"\n',
        "point[ST2].zone: unknown zone 'undereye'",
    )
    c.add(
        "toml/ref_point_channel.toml",
        '[[point]]\ncode = "ST2"\nchannel = "XX"\n',
        "point[ST2].channel: unknown channel 'XX'",
    )
    c.add(
        "toml/ref_channel_course.toml",
        '[[channel]]\ncode = "ST"\ncourses = [["ST1", "ST99"]]\n',
        "channel[ST].courses: unknown point 'ST99'",
    )
    c.add(
        "toml/ref_channel_single.toml",
        '[[channel]]\ncode = "ST"\ncourses = [["ST1"]]\n',
        "a course needs at least two points",
    )
    c.add(
        "toml/ref_channel_token.toml",
        '[[channel]]\ncode = "ST"\ncourses = [["ST1", "stomach"]]\n',
        "'stomach' is not a point code",
    )
    c.add(
        "toml/ref_channel_opposite_midline.toml",
        '[[channel]]\ncode = "ST"\ncourses = [["ST1", "GV26*"]]\n',
        "GV26* needs a bilateral point",
    )
    c.add("toml/geo_point_outside.toml", '[[point]]\ncode = "ST2"\nat = [2.5, 2.5]\n', "lies")
    c.add(
        "toml/geo_point_midline_bilateral.toml",
        '[[point]]\ncode = "ST2"\nat = [0.0, 0.5]\n',
        "a bilateral point needs x >= 0.05",
    )
    c.add(
        "toml/geo_point_midline_off.toml",
        '[[point]]\ncode = "GV26"\nat = [0.3, 0.8]\n',
        "point[GV26].at: a midline point needs x = 0",
    )
    c.add("toml/geo_point_one_number.toml", '[[point]]\ncode = "ST2"\nat = [0.5]\n', "point[ST2].at: expected [x, y]")
    c.add("toml/geo_point_beyond.toml", '[[point]]\ncode = "ST2"\nat = [4.0, 0.5]\n', "4.0 is not a face coordinate")
    c.add(
        "toml/geo_stroke_outside.toml",
        '[[zone]]\nid = "cheek"\nstroke_lines = [[[0.3, 0.66], [2.9, 2.9]]]\n',
        "zone[cheek].stroke_lines: a stroke strays",
    )
    c.add(
        "toml/geo_stroke_nine_lines.toml",
        '[[zone]]\nid = "cheek"\nstroke_lines = [' + ", ".join(["[[0.3, 0.6], [0.4, 0.6]]"] * 9) + "]\n",
        "expected 1 to 8 lines",
    )
    c.add(
        "toml/geo_stroke_long_line.toml",
        '[[zone]]\nid = "cheek"\nstroke_lines = [[' + ", ".join(["[0.3, 0.6]"] * 65) + "]]\n",
        "each line needs 2 to 64 [x, y] points",
    )
    c.add("toml/geo_stroke_flat.toml", '[[zone]]\nid = "cheek"\nstroke_lines = [0.3, 0.6]\n', "each line needs 2 to 64")
    c.add(
        "toml/range_reversed.toml",
        '[[zone]]\nid = "cheek"\nstrokes = [10, 5]\n',
        "[10, 5] is not a range from min to max",
    )
    c.add("toml/range_zero.toml", '[[zone]]\nid = "cheek"\nhold_seconds = [0, 0]\n', "[0, 0] is not a range")
    c.add(
        "toml/range_three.toml",
        '[[zone]]\nid = "cheek"\nstrokes = [1, 2, 3]\n',
        "zone[cheek].strokes: expected [min, max]",
    )
    c.add(
        "toml/angle_steep.toml", '[[zone]]\nid = "cheek"\nangle = 120\n', "an angle to the skin is at most 90 degrees"
    )
    c.add("toml/order_clash.toml", '[[zone]]\nid = "cheek"\norder = 1\n', "same order as zone")
    c.add(
        "toml/view_typo.toml",
        '[[point]]\ncode = "ST2"\nview = "frontal"\n',
        "'frontal' is not one of front, side (did you mean 'front'?)",
    )
    c.add(
        "toml/bool_string.toml",
        '[[point]]\ncode = "ST2"\nbilateral = "yes"\n',
        "point[ST2].bilateral: expected true or false, found a string",
    )
    c.add(
        "toml/bool_number.toml",
        '[[point]]\ncode = "ST2"\ninternal = 1\n',
        "point[ST2].internal: expected true or false, found an integer",
    )
    c.add(
        "toml/new_zone_fields_missing.toml",
        '[[zone]]\nid = "glabella"\norder = 40\n',
        "zone[glabella].name: required field is missing",
    )
    c.add("toml/new_zone_without_outline.toml", _new_zone("glabella"), "#glabella_r: zone 'glabella' has no outline")
    c.add(
        "toml/new_concern_orphan.toml",
        '[[concern]]\nid = "freckles"\nname = { en = "Freckles", zh = "雀斑" }\n'
        'description = { en = "Small spots.", zh = "小斑点。" }\n',
        "concern[freckles]: no zone lists this concern",
    )
    c.add(
        "toml/concern_caution_string.toml",
        '[[concern]]\nid = "acne"\ncaution = "Careful"\n',
        "concern[acne].caution: expected a table of translations",
    )
    c.add(
        "toml/pressure_level_word.toml",
        '[[pressure]]\nid = "light"\nlevel = "two"\n',
        "pressure[light].level: expected an integer, found a string",
    )
    c.add("toml/source_number.toml", "[[source]]\ntext = 5\n", "source[1].text: missing or not a string")
    c.add(
        "toml/disclaimer_unknown_key.toml",
        '[disclaimer]\nlong = { en = "a", zh = "b" }\n',
        "disclaimer.long: unknown key",
    )
    c.add(
        "toml/disclaimer_partial.toml",
        '[disclaimer]\nshort = { en = "Mine only" }\n',
        "disclaimer.short: missing translation: zh",
    )


_POINT_BODY = (
    'pinyin = "Sìbái"\nhanzi = "四白"\nenglish = "Four Whites"\nchannel = "ST"\nbilateral = true\n'
    'at = [0.45, 0.56]\nview = "front"\nzone = "cheek"\nlocation = { en = "x", zh = "y" }\n'
    'cautions = { en = "x", zh = "y" }\n'
)


def _new_zone(ident: str) -> str:
    return (
        f'[[zone]]\nid = "{ident}"\norder = 40\nname = {{ en = "Glabella", zh = "眉间" }}\n'
        'area = { en = "Between the brows", zh = "两眉之间" }\n'
        'direction = { en = "Upward.", zh = "向上。" }\npressure = "feather"\nstrokes = [3, 5]\nangle = 15\n'
        'edge = { en = "Curve.", zh = "弧边。" }\nconcerns = ["wrinkles"]\n'
        'cautions = { en = "Gently.", zh = "轻柔。" }\ntradition = { en = "Yintang.", zh = "印堂。" }\n'
        "stroke_lines = [[[0.0, 0.35], [0.0, 0.25]]]\n"
    )


def toml_generated(c: Corpus) -> None:
    """Every field of every kind, given a value of the wrong type."""
    wrong = {
        "string": ('"text"', "a string"),
        "integer": ("7", "an integer"),
        "float": ("0.5", "a number"),
        "boolean": ("true", "a boolean"),
        "array": ("[1, 2, 3]", "an array"),
        "table": ("{ a = 1 }", "a table"),
        "datetime": ("1979-05-27T07:32:00Z", "datetime"),
    }
    kinds = {
        "zone": ('id = "cheek"', {
            "order": "integer", "name": "text", "area": "text", "direction": "text", "pressure": "string",
            "pressure_note": "text", "strokes": "range", "angle": "integer", "hold_seconds": "range", "edge": "text",
            "nearby": "strings", "concerns": "strings", "cautions": "text", "tradition": "text",
            "stroke_lines": "lines",
        }),
        "point": ('code = "ST2"', {
            "pinyin": "string", "hanzi": "string", "english": "string", "channel": "string", "bilateral": "boolean",
            "at": "vec", "view": "string", "zone": "string", "internal": "boolean", "location": "text",
            "cautions": "text", "notes": "text",
        }),
        "concern": ('id = "acne"', {"name": "text", "description": "text", "caution": "text", "tradition": "text"}),
        "channel": ('code = "ST"', {"name": "text", "yang_ming": "boolean", "courses": "courses"}),
        "pressure": ('id = "light"', {"level": "integer", "name": "text", "feel": "text"}),
    }  # fmt: skip
    # Values of these types pass the type check (and fail later, or not at all).
    accepted = {
        "integer": {"integer"}, "text": {"table"}, "string": {"string"}, "range": set(), "vec": set(),
        "strings": {"array"}, "lines": {"array"}, "courses": {"array"}, "boolean": {"boolean"},
    }  # fmt: skip
    messages = {
        "integer": "expected an integer, found {found}",
        "text": "expected a table of translations",
        "string": "expected a string, found {found}",
        "range": "expected [min, max]",
        "strings": "expected an array of strings, found {found}",
        "lines": "expected 1 to 8 lines",
        "boolean": "expected true or false, found {found}",
        "vec": "expected [x, y]",
        "courses": "expected a list of courses",
    }
    for kind, (ident, fields) in kinds.items():
        key = ident.split('"')[1]
        for name, check in fields.items():
            for label, (value, found) in wrong.items():
                if label in accepted[check]:
                    continue
                c.add(
                    f"toml/type_{kind}_{name}_{label}.toml",
                    f"[[{kind}]]\n{ident}\n{name} = {value}\n",
                    f"{kind}[{key}].{name}: {messages[check].format(found=found)}",
                )


def json_cases(c: Corpus) -> None:
    c.add("json/empty.json", b"", "is not valid JSON")
    c.add("json/whitespace.json", b"   \n", "is not valid JSON")
    c.add("json/truncated.json", b'{"version": 1, "data": {"geometry": "01d9', "is not valid JSON")
    c.add("json/trailing_garbage.json", b'{"version": 1, "data": {}} x', "is not valid JSON (Extra data")
    c.add("json/top_list.json", b'[{"version": 1}]', "does not hold a JSON object")
    c.add("json/top_null.json", b"null", "does not hold a JSON object")
    c.add("json/top_string.json", b'"settings"', "does not hold a JSON object")
    c.add("json/top_number.json", b"42", "does not hold a JSON object")
    c.add("json/data_list.json", b'{"version": 1, "data": [1, 2]}', "does not hold its data as a JSON object")
    c.add("json/data_string.json", b'{"version": 1, "data": "x"}', "does not hold its data as a JSON object")
    c.add("json/version_string.json", b'{"version": "1", "data": {}}', "has an invalid version '1'")
    c.add("json/version_bool.json", b'{"version": true, "data": {}}', "has an invalid version 'True'")
    c.add("json/version_negative.json", b'{"version": -1, "data": {}}', "has an invalid version '-1'")
    c.add("json/version_float.json", b'{"version": 1.5, "data": {}}', "has an invalid version '1.5'")
    c.add("json/version_null.json", b'{"version": null, "data": {}}', "has an invalid version 'None'")
    c.add("json/version_newer.json", b'{"version": 99, "data": {}}', "comes from a newer version of the app")
    c.add("json/nan.json", b'{"version": 1, "data": {"zoom": NaN}}', "NaN is not a JSON number")
    c.add("json/infinity.json", b'{"version": 1, "data": {"zoom": -Infinity}}', "-Infinity is not a JSON number")
    c.add(
        "json/nesting_10k.json",
        b'{"version": 1, "data": {"x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}}",
        "nested too deeply",
    )
    c.add("json/number_5000_digits.json", b'{"version": 1, "data": {"x": ' + b"9" * 5000 + b"}}", "is not valid JSON")
    c.add("json/latin1.json", '{"version": 1, "data": {"note": "café"}}'.encode("latin-1"), "is not UTF-8 text")
    c.add("json/utf16.json", '{"version": 1, "data": {}}'.encode("utf-16"), "is not UTF-8 text")
    c.add("json/binary.json", bytes(range(256)), "is not UTF-8 text")
    c.add("json/nul_bytes.json", b'{"version": 1,\x00 "data": {}}', "is not valid JSON")
    c.add("json/single_quotes.json", b"{'version': 1, 'data': {}}", "is not valid JSON")
    c.add("json/comments.json", b'// settings\n{"version": 1, "data": {}}', "is not valid JSON")
    c.add("json/toml_instead.json", b"version = 1\n[data]\n", "is not valid JSON")


def build() -> Corpus:
    corpus = Corpus()
    svg_hand_made(corpus)
    path_cases(corpus)
    svg_generated(corpus)
    toml_hand_made(corpus)
    toml_generated(corpus)
    json_cases(corpus)
    return corpus


def manifest_text(corpus: Corpus) -> str:
    return json.dumps(dict(sorted(corpus.expect.items())), ensure_ascii=False, indent=1) + "\n"


def differences(corpus: Corpus, folder: Path) -> list[str]:
    """Files that are missing, stale or left over compared with what `build` makes."""
    wanted = {**corpus.files, MANIFEST: manifest_text(corpus).encode("utf-8")}
    found = {str(p.relative_to(folder)): p for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else {}
    stale = [name for name, data in wanted.items() if name not in found or found[name].read_bytes() != data]
    return sorted(stale + [name for name in found if name not in wanted])


def write(corpus: Corpus, folder: Path) -> None:
    for name in differences(corpus, folder):
        target = folder / name
        if name == MANIFEST:
            continue
        if name in corpus.files:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(corpus.files[name])
        else:
            target.unlink()
    (folder / MANIFEST).write_text(manifest_text(corpus), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only report whether the corpus on disk is current")
    args = parser.parse_args(argv)
    corpus = build()
    if args.check:
        stale = differences(corpus, OUT)
        for name in stale:
            print(f"stale: {name}")
        return 1 if stale else 0
    write(corpus, OUT)
    print(f"{len(corpus.files)} inputs in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
