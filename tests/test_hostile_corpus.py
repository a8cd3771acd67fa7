"""Every broken or hostile input in tests/data/hostile ends in the error its manifest names.

The SVG and TOML inputs go through the same steps as a user pack: a face is
read and then checked against the shipped content, a TOML file is layered
over the shipped content and cross-checked against the shipped face. Each is
timed and the slowest are printed at the end (a report, not an assertion:
machines differ); benchmarks/bench_hostile.py also traces memory.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from meridian_map.core.assets import CONTENT_DIR, FACE_FILE, content_files, shipped_assets
from meridian_map.core.load.build import assemble
from meridian_map.core.load.schema import ContentMerger
from meridian_map.core.load.svg import load_face
from meridian_map.core.load.toml import TomlFile, read_toml
from meridian_map.core.model import Content, Face
from meridian_map.core.problems import Problems
from meridian_map.core.store.jsonstore import JsonStore, StoreRefusedError

from .conftest import DATA, REPO

CORPUS = DATA / "hostile"
MANIFEST: dict[str, str] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
CONTENT_INPUTS = sorted(name for name in MANIFEST if not name.startswith("json/"))
STORE_INPUTS = sorted(name for name in MANIFEST if name.startswith("json/"))
MEASURED: dict[str, float] = {}  # name → seconds


@dataclass(frozen=True)
class Shipped:
    tomls: tuple[TomlFile, ...]
    face: Face
    content: Content


@pytest.fixture(scope="module")
def shipped() -> Shipped:
    """The shipped layer, read once: each input then costs only its own loading."""
    problems = Problems()
    assets = shipped_assets()
    tomls = tuple(
        toml
        for file in content_files(assets.joinpath(CONTENT_DIR))
        if (toml := read_toml(file.read_bytes(), file.name, problems)) is not None
    )
    face = load_face(assets.joinpath(FACE_FILE).read_bytes(), FACE_FILE, problems)
    merger = ContentMerger(problems)
    merger.add_layer(tomls)
    content = merger.build()
    assert face is not None and content is not None and not problems, [str(p) for p in problems]
    return Shipped(tomls, face, content)


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_hostile_corpus", REPO / "tools" / "make_hostile_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def content_problems(name: str, data: bytes, shipped: Shipped) -> list[str]:
    """What a user pack holding this one file reports, as load_catalog would."""
    problems = Problems()
    if name.startswith("svg/"):
        face = load_face(data, name, problems)
        if face is not None:
            assemble(face, shipped.content, problems)
    else:
        merger = ContentMerger(problems)
        merger.add_layer(shipped.tomls)
        toml = read_toml(data, name, problems)
        merger.add_layer([toml] if toml is not None else [])
        content = merger.build()
        if content is not None:
            assemble(shipped.face, content, problems)
    return [str(p) for p in problems]


@pytest.fixture
def measure(request: pytest.FixtureRequest) -> Iterator[None]:
    started = time.perf_counter()
    yield
    MEASURED[request.node.callspec.params["name"]] = time.perf_counter() - started


def test_the_corpus_is_large_and_current() -> None:
    module = generator()
    assert len(MANIFEST) >= 200
    assert module.differences(module.build(), CORPUS) == [], "run tools/make_hostile_corpus.py"


def test_the_unbroken_face_has_none_of_the_expected_errors(shipped: Shipped) -> None:
    """The inputs are one change away from this face, so their errors come from that change."""
    module = generator()
    control = content_problems("svg/control.svg", module.face().encode(), shipped)
    assert control, "the small face lacks most zones: the catalog must say so"
    expectations = {MANIFEST[name] for name in CONTENT_INPUTS if name.startswith("svg/")}
    assert [e for e in expectations if any(e in p for p in control)] == []


def test_an_empty_pack_layer_has_no_problems(shipped: Shipped) -> None:
    problems = Problems()
    merger = ContentMerger(problems)
    merger.add_layer(shipped.tomls)
    merger.add_layer([])
    content = merger.build()
    assert content is not None
    assemble(shipped.face, content, problems)
    assert [str(p) for p in problems] == []


@pytest.mark.usefixtures("measure")
@pytest.mark.parametrize("name", CONTENT_INPUTS)
def test_content_input_ends_in_its_error(name: str, shipped: Shipped) -> None:
    found = content_problems(name, (CORPUS / name).read_bytes(), shipped)
    assert any(MANIFEST[name] in problem for problem in found), found[:12]


@pytest.mark.usefixtures("measure")
@pytest.mark.parametrize("name", STORE_INPUTS)
def test_store_input_is_kept_and_reported(name: str, tmp_path: Path) -> None:
    data = (CORPUS / name).read_bytes()
    path = tmp_path / "settings.json"
    path.write_bytes(data)
    store = JsonStore(path, version=1)
    result = store.load()
    assert result.data == {}
    assert result.warning is not None and MANIFEST[name] in result.warning
    kept = result.set_aside or path
    assert kept.read_bytes() == data
    try:
        store.save({"saved": True})
    except StoreRefusedError:
        assert path.read_bytes() == data
    else:
        assert result.set_aside is not None
        assert JsonStore(path, version=1).load().data == {"saved": True}


def test_report_the_slowest_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    """Printed, not asserted: each input should end well within a second."""
    if not MEASURED:
        pytest.skip("no corpus input ran")
    slowest = sorted(MEASURED.items(), key=lambda item: item[1], reverse=True)[:5]
    with capsys.disabled():
        print(f"\nhostile corpus: {len(MEASURED)} inputs in {sum(MEASURED.values()):.2f} s; slowest:")
        for name, seconds in slowest:
            print(f"  {seconds * 1000:7.1f} ms  {name}")
