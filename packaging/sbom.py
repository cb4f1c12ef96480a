"""A CycloneDX 1.5 SBOM (JSON) of a built bundle, written beside it.

    python packaging/sbom.py [BUNDLE] [-o FILE]   # default: dist/service-hall-kiosk.cdx.json

The components are the ones ``packaging/notices.py`` finds in the bundle: the Python
distributions (``pkg:pypi/…``), the interpreter (``pkg:generic/cpython@…``) and, on Linux,
the Debian/Ubuntu packages whose libraries PyInstaller copied in (``pkg:deb/<distro>/…``).
The kiosk itself is ``metadata.component``, and it depends on all of them.

Written by hand from ``importlib.metadata`` (it is a small, fixed shape) and checked
against the CycloneDX 1.5 JSON schema by ``validate()`` when ``cyclonedx-python-lib`` (the
``[build]`` extra) is installed. Reproducible: no field depends on the time of the build
unless ``SOURCE_DATE_EPOCH`` is unset (then ``metadata.timestamp`` is now), and the serial
number is derived from the content.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SPEC_VERSION = "1.5"


def _notices():
    spec = importlib.util.spec_from_file_location("kiosk_notices", ROOT / "packaging" / "notices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("kiosk_notices", module)
    spec.loader.exec_module(module)
    return module


#: an SPDX licence expression: identifiers (LicenseRef-… too) joined by AND/OR/WITH, brackets
_SPDX_ID = r"[A-Za-z0-9][A-Za-z0-9.+-]*"
_EXPRESSION = re.compile(rf"^\(?{_SPDX_ID}\)?(?:\s+(?:AND|OR|WITH)\s+\(?{_SPDX_ID}\)?)*$")
#: what the metadata says (classifier words, old free-text fields) → an SPDX identifier
_KNOWN = {"MIT License": "MIT", "BSD": "BSD-3-Clause", "Apache License": "Apache-2.0",
          "Apache Software License": "Apache-2.0", "Apache License 2.0": "Apache-2.0"}


def licences(text: str) -> list[dict]:
    """CycloneDX ``licenses`` for a metadata licence string: an SPDX expression where it is
    one, else the words as a named licence (never a guess dressed up as an identifier)."""
    text = text.strip()
    if not text or text == "UNKNOWN":
        return []
    if text in _KNOWN:
        return [{"license": {"id": _KNOWN[text]}}]
    if _EXPRESSION.match(text) and " " not in text:
        return [{"license": {"id": text}}]
    if _EXPRESSION.match(text):
        return [{"expression": text}]
    return [{"license": {"name": text}}]


def distro() -> str:
    """``debian``, ``ubuntu`` … from /etc/os-release (purl's deb namespace)."""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("ID="):
                return line[3:].strip().strip('"')
    except OSError:
        pass
    return "debian"


def arch() -> str:
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)


def document(bundle: Path) -> dict:
    notices = _notices()
    dists, packages, _unknown = notices.collect(bundle)
    version = notices.project_version()
    python_version, _ = notices.python_notice()
    own_ref = f"pkg:generic/service-hall-kiosk@{version}"
    components = [{
        "type": "framework",
        "bom-ref": f"pkg:generic/cpython@{python_version}",
        "name": "cpython",
        "version": python_version,
        "purl": f"pkg:generic/cpython@{python_version}",
        "licenses": [{"license": {"id": "PSF-2.0"}}],
        "description": "the Python interpreter and standard library the bundle carries",
    }]
    for d in dists:
        purl = f"pkg:pypi/{notices.canonical(d.name)}@{quote(d.version)}"
        component = {"type": "library", "bom-ref": purl, "name": d.name, "version": d.version,
                     "purl": purl, "licenses": licences(d.licence)}
        if d.summary:
            component["description"] = d.summary
        if d.homepage:
            component["externalReferences"] = [{"type": "website", "url": d.homepage}]
        components.append(component)
    os_id = distro()
    for p in packages:
        purl = f"pkg:deb/{os_id}/{p.name}@{quote(p.version)}?arch={arch()}"
        component = {"type": "library", "bom-ref": purl, "name": p.name, "version": p.version,
                     "purl": purl, "licenses": [{"license": {"name": n}} for n in p.licences],
                     "properties": [{"name": "service-hall-kiosk:bundled-file", "value": f}
                                    for f in p.files]}
        components.append(component)
    for component in components:
        if not component.get("licenses"):
            component.pop("licenses", None)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    body = {
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "version": 1,
        "metadata": {
            "timestamp": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {"components": [{"type": "application", "name": "packaging/sbom.py",
                                      "version": version}]},
            "component": {"type": "application", "bom-ref": own_ref,
                          "name": "service-hall-kiosk", "version": version, "purl": own_ref,
                          "licenses": [{"license": {"id": "Apache-2.0"}}]},
        },
        "components": components,
        "dependencies": [
            {"ref": own_ref, "dependsOn": [c["bom-ref"] for c in components]},
            *({"ref": c["bom-ref"]} for c in components),
        ],
    }
    digest = json.dumps(body["components"], sort_keys=True) + own_ref
    body["serialNumber"] = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, digest)}"
    return body


def validate(text: str) -> str | None:
    """None when ``text`` is valid CycloneDX 1.5 JSON, else the first error; raises
    ImportError without cyclonedx-python-lib[json-validation]."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(text)
    return None if error is None else str(error)


def write(bundle: Path, out: Path) -> dict:
    body = document(bundle)
    out.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path,
                        default=ROOT / "dist" / "service-hall-kiosk")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    out = args.output or args.bundle.parent / (args.bundle.name + ".cdx.json")
    body = write(args.bundle, out)
    try:
        problem = validate(out.read_text(encoding="utf-8"))
    except ImportError:
        problem = None
        print("sbom: not validated (pip install 'cyclonedx-python-lib[json-validation]')")
    if problem:
        print(f"sbom: {out} is not valid CycloneDX {SPEC_VERSION}: {problem}", file=sys.stderr)
        return 1
    print(f"sbom: {out} ({len(body['components'])} components)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
