"""packaging/notices.py and packaging/sbom.py on a bundle laid out like PyInstaller's, made
in a temporary folder from distributions of this environment (the real bundle is checked
by tests/packaging/test_bundle_notices.py after a build)."""

from __future__ import annotations

import importlib.metadata as md
import importlib.util
import json
import sys

import pytest

from tests.conftest import ROOT


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"kiosk_{name}", ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


notices = load("notices")
sbom = load("sbom")

#: top-level modules a bundle collects as folders, and the distributions they come from
COLLECTED = {"PySide6": {"PySide6_Essentials", "PySide6_Addons"}, "keyring": {"keyring"},
             "certifi": {"certifi"}, "kiosk": set(), "ui": set()}


@pytest.fixture
def bundle(tmp_path):
    root = tmp_path / "service-hall-kiosk"
    for module in COLLECTED:
        (root / "_internal" / module).mkdir(parents=True)
    (root / "_internal" / "keyring-25.7.0.dist-info").mkdir()  # metadata folders are not modules
    return root


def test_the_bundled_distributions_are_found_from_the_bundle(bundle):
    found = {d.name for d in notices.bundled_distributions(bundle)}
    expected = set().union(*COLLECTED.values())
    assert {notices.canonical(n) for n in found} == {notices.canonical(n) for n in expected}


def test_the_notices_name_each_distribution_its_version_licence_and_texts(bundle):
    dists = notices.bundled_distributions(bundle)
    text = notices.render(dists, [], [], "9.9")
    assert text.startswith("THIRD-PARTY NOTICES for service-hall-kiosk 9.9")
    for dist in dists:
        assert f"{dist.name} {dist.version}  —  {dist.licence}" in text
        assert dist.licence != "UNKNOWN"
        for name, body in dist.licence_files:
            assert f"----- {dist.name} {dist.version}: {name} -----" in text
            assert body.strip()[:200] in text
    keyring = next(d for d in dists if d.name == "keyring")
    assert keyring.licence == md.metadata("keyring")["License-Expression"]
    assert keyring.licence_files  # keyring's LICENSE, word for word


def test_the_notices_carry_the_lgpl_source_offers_and_texts(bundle):
    text = notices.render(notices.bundled_distributions(bundle), [], [], "9.9")
    qt = md.version("PySide6_Essentials")
    assert f"Qt {qt} and Qt for Python (PySide6 {qt}" in text
    assert f"official_releases/qt/{'.'.join(qt.split('.')[:2])}/{qt}/" in text
    assert "zbar (LGPL-2.1-or-later)" in text
    assert "complete machine-readable copy" in text  # the written offer
    for licence in ("GNU LESSER GENERAL PUBLIC LICENSE", "GNU GENERAL PUBLIC LICENSE"):
        assert licence in text
    assert f"CPython {'.'.join(map(str, sys.version_info[:3]))}" in text


def test_system_packages_get_the_written_offer_with_their_source_versions():
    package = notices.SystemPackage("libfoo1", "1.0-1+b1", ["LGPL-2.1+"], ["_internal/libfoo.so.1"],
                                    "foo", "1.0-1")
    text = notices.render([], [package], ["_internal/libmystery.so"], "9.9")
    assert "foo 1.0-1" in text.split("Python distributions")[0]
    assert "libfoo1 1.0-1+b1 (source package foo)  —  LGPL-2.1+" in text
    assert "could not tell" in text and "_internal/libmystery.so" in text


@pytest.mark.parametrize(("words", "expected"), [
    ("MIT", [{"license": {"id": "MIT"}}]),
    ("MIT License", [{"license": {"id": "MIT"}}]),
    ("Apache-2.0 OR BSD-3-Clause", [{"expression": "Apache-2.0 OR BSD-3-Clause"}]),
    ("Mozilla Public License 2.0 (MPL 2.0)", [{"license": {"name": "Mozilla Public License 2.0 (MPL 2.0)"}}]),
    ("UNKNOWN", []),
])
def test_sbom_licences_are_spdx_only_where_they_are_spdx(words, expected):
    assert sbom.licences(words) == expected


def test_the_sbom_is_valid_cyclonedx_and_lists_every_bundled_distribution(bundle):
    pytest.importorskip("cyclonedx.validation.json", reason="the [build] extra validates SBOMs")
    body = sbom.document(bundle)
    assert sbom.validate(json.dumps(body)) is None
    assert body["bomFormat"] == "CycloneDX" and body["specVersion"] == "1.5"
    assert body["serialNumber"].startswith("urn:uuid:")
    assert body["metadata"]["component"]["name"] == "service-hall-kiosk"
    purls = {c["purl"] for c in body["components"]}
    for dist in notices.bundled_distributions(bundle):
        assert f"pkg:pypi/{notices.canonical(dist.name)}@{dist.version}" in purls
    for component in body["components"]:
        assert component["name"] and component["version"] and component["bom-ref"]
    # the kiosk depends on every component
    top = next(d for d in body["dependencies"] if d["ref"] == body["metadata"]["component"]["bom-ref"])
    assert set(top["dependsOn"]) == {c["bom-ref"] for c in body["components"]}


def test_an_invalid_sbom_is_caught_by_the_validation(bundle):
    pytest.importorskip("cyclonedx.validation.json", reason="the [build] extra validates SBOMs")
    body = sbom.document(bundle)
    body["components"][0]["type"] = "gadget"
    assert sbom.validate(json.dumps(body)) is not None


def test_the_sbom_is_the_same_for_the_same_bundle(bundle, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796600000")
    assert sbom.document(bundle) == sbom.document(bundle)
    assert sbom.document(bundle)["metadata"]["timestamp"] == "2026-12-06T23:33:20Z"
