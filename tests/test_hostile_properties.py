"""Property tests: whatever bytes or values arrive, loading ends in content or in problems.

Never an exception, never a hang: random bytes, valid files with random
damage, and any TOML value in any field. Examples are derandomized so that a
run is reproducible; the number of examples per property is in SETTINGS.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import svgelements as se
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meridian_map.core.assets import CONTENT_DIR, FACE_FILE, content_files, shipped_assets
from meridian_map.core.load.build import assemble
from meridian_map.core.load.schema import SCHEMA, ContentMerger
from meridian_map.core.load.svg import load_face
from meridian_map.core.load.svgsafety import path_command_count
from meridian_map.core.load.toml import LineIndex, TomlFile, read_toml
from meridian_map.core.model import Content, Face
from meridian_map.core.problems import Problems
from meridian_map.core.store.jsonstore import JsonStore

from .conftest import REPO
from .test_hostile_corpus import generator

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MINI_FACE = generator().face().encode()
SHIPPED_FACE = (REPO / "assets" / "face.svg").read_bytes()
PACK = """[[zone]]
id = "cheek"
cautions = { en = "Go gently.", zh = "轻柔。" }
angle = 20

[[point]]
code = "ST2"
notes = { en = "A note.", zh = "笔记。" }
at = [0.45, 0.56]

[[concern]]
id = "acne"
caution = { en = "Not on broken skin.", zh = "破损处勿用。" }
""".encode()


class Shipped:
    """The shipped layer, read once for the whole module."""

    tomls: tuple[TomlFile, ...] = ()
    face: Face | None = None
    content: Content | None = None

    @classmethod
    def get(cls) -> tuple[tuple[TomlFile, ...], Face, Content]:
        if cls.face is None:
            problems = Problems()
            assets = shipped_assets()
            cls.tomls = tuple(
                toml
                for file in content_files(assets.joinpath(CONTENT_DIR))
                if (toml := read_toml(file.read_bytes(), file.name, problems)) is not None
            )
            cls.face = load_face(assets.joinpath(FACE_FILE).read_bytes(), FACE_FILE, problems)
            merger = ContentMerger(problems)
            merger.add_layer(cls.tomls)
            cls.content = merger.build()
        assert cls.face is not None and cls.content is not None
        return cls.tomls, cls.face, cls.content


def load_pack_file(data: bytes) -> Problems:
    """One TOML file layered over the shipped content, then cross-checked."""
    tomls, face, _content = Shipped.get()
    problems = Problems()
    merger = ContentMerger(problems)
    merger.add_layer(tomls)
    toml = read_toml(data, "pack.toml", problems)
    if toml is None:  # nothing of the file reaches the content: assembling would check the shipped one again
        return problems
    merger.add_layer([toml])
    content = merger.build()
    if content is not None:
        assemble(face, content, problems)
    return problems


def load_pack_face(data: bytes) -> tuple[Face | None, Problems]:
    _tomls, _face, content = Shipped.get()
    problems = Problems()
    face = load_face(data, "face.svg", problems)
    if face is not None:
        assemble(face, content, problems)
    return face, problems


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """A valid file with a few random edits: deletions, insertions, replacements, copies."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = min(len(data), start + draw(st.integers(0, 40)))
        edit = draw(st.sampled_from(("delete", "insert", "replace", "copy")))
        if edit == "delete":
            del data[start:end]
        elif edit == "insert":
            data[start:start] = draw(st.binary(min_size=1, max_size=20))
        elif edit == "replace":
            data[start:end] = draw(st.binary(max_size=end - start + 2))
        else:
            data[start:start] = data[start:end] * draw(st.integers(2, 50))
    return bytes(data)


TOML_TEXT = st.text(alphabet="[]{}=\"'.,#\n\t -_azAZ09+:", max_size=300).map(str.encode)
XML_TEXT = st.text(alphabet="<>/=\"'&;!?[]- \nsvgpathdidM0123456789.,eEuxlink#", max_size=400).map(str.encode)
PATH_TEXT = st.text(alphabet="MmLlHhVvCcSsQqTtAaZz0123456789.-+eE ,", max_size=60)
ARITY = {"m": 2, "z": 0, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7}


@st.composite
def path_data(draw: st.DrawFn) -> str:
    """Path data from the grammar, with numbers written every way SVG allows."""
    separators = st.sampled_from([" ", ",", ", ", "\n", "  "])
    number = st.one_of(
        st.integers(-999, 999).map(str),
        st.floats(-1e3, 1e3, allow_nan=False).map(lambda v: f"{v:.3g}"),
        st.floats(-1e3, 1e3, allow_nan=False).map(lambda v: f"{v:.2e}"),
        st.sampled_from([".5", "-.5", "0.", "1e2", "-0"]),
    )
    out = ["M", draw(number), draw(separators), draw(number)]
    for _ in range(draw(st.integers(0, 6))):
        command = draw(st.sampled_from(sorted(ARITY)))
        command = command.upper() if draw(st.booleans()) else command
        out.append(command)
        for repeat in range(draw(st.integers(1, 2)) if ARITY[command.lower()] else 0):
            for index in range(ARITY[command.lower()]):
                if index or repeat:
                    out.append(draw(separators))
                flag = command in "Aa" and index in (3, 4)
                out.append(draw(st.sampled_from(["0", "1"])) if flag else draw(number))
    return "".join(out)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_as_a_pack_file(data: bytes) -> None:
    load_pack_file(data)


@SETTINGS
@given(TOML_TEXT)
def test_toml_like_text_as_a_pack_file(data: bytes) -> None:
    load_pack_file(data)


@SETTINGS
@given(damaged(PACK))
def test_a_damaged_pack_file_loads_or_is_reported(data: bytes) -> None:
    load_pack_file(data)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_as_a_face(data: bytes) -> None:
    face, problems = load_pack_face(data)
    assert face is not None or problems


@SETTINGS
@given(XML_TEXT)
def test_xml_like_text_as_a_face(data: bytes) -> None:
    face, problems = load_pack_face(data)
    assert face is not None or problems


@SETTINGS
@given(damaged(MINI_FACE))
def test_a_damaged_face_loads_or_is_reported(data: bytes) -> None:
    face, problems = load_pack_face(data)
    assert face is not None or problems


@settings(SETTINGS, max_examples=30)
@given(damaged(SHIPPED_FACE))
def test_the_shipped_face_damaged_loads_or_is_reported(data: bytes) -> None:
    face, problems = load_pack_face(data)
    assert face is not None or problems


SVG_ATTRIBUTES = sorted(
    {
        "fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "transform", "style", "class", "font",
        "font-family", "font-size", "points", "d", "x", "y", "width", "height", "r", "rx", "cx", "viewBox",
        "preserveAspectRatio", "href", "id", "offset", "stop-color", "marker-start", "clip-path", "visibility",
    }
)  # fmt: skip
VALUE_TEXT = st.text(alphabet="0123456789.,-+eE #%()abcfghlnrstuxyz:;/\t", max_size=300)


@SETTINGS
@given(
    st.sampled_from(["path", "polygon", "rect", "circle", "text", "g", "use", "svg", "linearGradient"]),
    st.lists(st.tuples(st.sampled_from(SVG_ATTRIBUTES), VALUE_TEXT), min_size=1, max_size=3),
)
def test_any_attribute_value_on_any_element(element: str, attributes: list[tuple[str, str]]) -> None:
    """svgelements' own regexes take minutes on some values: none may reach it unchecked."""
    written = " ".join(f'{name}="{escape(value, {chr(34): "&quot;"})}"' for name, value in dict(attributes).items())
    data = MINI_FACE.replace(b"</svg>", f"<{element} {written}/></svg>".encode())
    face, problems = load_pack_face(data)
    assert face is not None or problems


TOML_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(datetime.UTC)),
    st.times(),
    st.sampled_from(["cheek", "ST2", "light", "aging", "front", "en", "zh", "ST", "EX-HN3"]),
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(["en", "zh", "fr", "x"]), inner),
    max_leaves=20,
)


@SETTINGS
@given(
    st.sampled_from(sorted(SCHEMA)),
    st.sampled_from(["cheek", "ST2", "acne", "ST", "light", "new_id", "NEW"]),
    st.dictionaries(
        st.sampled_from(sorted({f for _i, fields in SCHEMA.values() for f in fields} | {"colour"})), TOML_VALUES
    ),
)
def test_any_value_in_any_field(kind: str, ident: str, fields: dict[str, Any]) -> None:
    tomls, face, _content = Shipped.get()
    table = {**fields, SCHEMA[kind][0]: ident}
    problems = Problems()
    merger = ContentMerger(problems)
    merger.add_layer(tomls)
    merger.add_layer([TomlFile("pack.toml", {kind: [table]}, LineIndex())])
    content = merger.build()
    if content is not None:
        assemble(face, content, problems)


@settings(SETTINGS, max_examples=300)
@given(
    st.one_of(
        PATH_TEXT, path_data(), path_data().flatmap(lambda d: damaged(d.encode()).map(lambda b: b.decode("latin-1")))
    )
)
def test_accepted_path_data_is_read_whole_by_svgelements(data: str) -> None:
    """What the check accepts, svgelements reads without dropping a command (or fails loudly)."""
    count, error = path_command_count(data)
    if error is not None:
        return
    try:
        segments = list(se.Path(data).segments())
    except ArithmeticError:  # arcs with radii like 1e-200: load_face reports these by element
        return
    assert len(segments) == count
    assert all(math.isfinite(v) for s in segments for p in (s.start, s.end) if p is not None for v in p)


@SETTINGS
@given(st.binary(max_size=2000))
def test_a_settings_file_of_random_bytes_never_raises(tmp_path_factory: Any, data: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("store") / "settings.json"
    path.write_bytes(data)
    result = JsonStore(path, version=1).load()
    assert isinstance(result.data, dict)
    assert result.warning is not None or path.exists()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=15,
)


@SETTINGS
@given(st.dictionaries(st.text(max_size=10), JSON_VALUES, max_size=6))
def test_what_is_saved_is_loaded(tmp_path_factory: Any, data: dict[str, Any]) -> None:
    path: Path = tmp_path_factory.mktemp("store") / "settings.json"
    JsonStore(path, version=1).save(data)
    assert JsonStore(path, version=1).load().data == data
