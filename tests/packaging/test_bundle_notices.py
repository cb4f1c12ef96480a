"""The built bundle's THIRD-PARTY-NOTICES, its SBOM and the lock it was built from.

Needs dist/service-hall-kiosk and dist/service-hall-kiosk.cdx.json (``python
packaging/build.py``); .ci/run builds them from packaging/requirements-bundle.lock first
(scripts/deb-check.sh). The generators themselves are tested in tests/unit/test_notices.py.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import ROOT
from tests.packaging.conftest import need

BUNDLE = ROOT / "dist" / "service-hall-kiosk"
SBOM = ROOT / "dist" / "service-hall-kiosk.cdx.json"
LOCK = ROOT / "packaging" / "requirements-bundle.lock"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, list[tuple[str, str]]]:
    """{name: [(version, marker)]} of the lock's pins."""
    pins: dict[str, list[tuple[str, str]]] = {}
    for line in LOCK.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$", line)
        if match:
            pins.setdefault(canonical(match[1]), []).append((match[2], match[3] or ""))
    return pins


@pytest.fixture(scope="module")
def built():
    need(BUNDLE.is_dir() and SBOM.is_file(), "no built bundle: python packaging/build.py")
    return json.loads(SBOM.read_text(encoding="utf-8"))


def pypi_components(sbom: dict) -> dict[str, str]:
    return {canonical(c["name"]): c["version"] for c in sbom["components"]
            if c["purl"].startswith("pkg:pypi/")}


def test_the_sbom_beside_the_build_is_valid_cyclonedx(built):
    pytest.importorskip("cyclonedx.validation.json", reason="the [build] extra validates SBOMs")
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    assert JsonStrictValidator(SchemaVersion.V1_5).validate_str(SBOM.read_text()) is None
    assert {"pyside6-essentials", "shiboken6", "keyring", "zxing-cpp"} <= set(pypi_components(built))
    assert any(c["purl"].startswith("pkg:deb/") for c in built["components"])


def test_the_notices_in_the_bundle_name_every_component_of_the_sbom(built):
    text = (BUNDLE / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for component in built["components"]:  # (the SBOM says cpython, the notices CPython)
        entry = f"{component['name']} {component['version']}".lower()
        assert entry in text.lower(), component["name"]
    assert "could not tell" not in text  # every bundled library's origin is known
    assert "Qt for Python (PySide6" in text and "zbar (LGPL-2.1-or-later)" in text


def test_every_bundled_distribution_is_pinned_in_the_lock_at_its_version(built):
    pins = locked()
    for name, version in pypi_components(built).items():
        assert name in pins, f"{name} is in the bundle but not in {LOCK.name}"
        assert version in [v for v, _ in pins[name]], f"{name} {version}: the lock says {pins[name]}"


def test_the_lock_keeps_pyside6_below_6_12_on_python_3_11():
    for name in ("pyside6-essentials", "pyside6-addons"):
        pins = locked()[name]
        assert pins, name
        for version, marker in pins:
            assert tuple(int(x) for x in version.split(".")[:2]) < (6, 12)
            assert marker.replace("'", '"') == 'python_version == "3.11"'
