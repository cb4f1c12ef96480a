"""THIRD-PARTY-NOTICES for a built bundle: what it ships from others, under which licence.

    python packaging/notices.py [BUNDLE] [-o FILE]     # default: dist/service-hall-kiosk

Read from the bundle itself, not from a list kept by hand:

* **Python distributions**: the top-level modules frozen into the executable's PYZ archive
  and the packages and extension modules beside it in ``_internal/``, mapped to the
  distributions of the build environment that provide them
  (``importlib.metadata.packages_distributions``). For each: name, version, the licence
  from its metadata (``License-Expression``, else ``License``, else the classifiers) and
  the full text of every licence file it installed.
* **Shared libraries and data from the build machine's packages** (Linux: the libraries
  PyInstaller copied from ``/usr/lib``, the Zinnia handwriting library and model): found by
  name and size on the build machine and asked of ``dpkg`` which package they came from;
  for each, the package, its version and the licences named in its
  ``/usr/share/doc/<package>/copyright``.
* Libraries that came inside a wheel (Qt, FFmpeg in ``PySide6-Addons``) are listed under
  that wheel.

The (L)GPL parts get a written offer of their source (the LGPL's section 6 / GPL's
section 3(b)) and the texts of the GPL and LGPL (``packaging/licenses/``): Qt (PySide6,
LGPL-3.0), FFmpeg as Qt ships it, zbar (LGPL-2.1: pyzbar loads it; on Linux the
system's ``libzbar0``, on Windows the DLLs in pyzbar's wheel) and the system libraries.
Every Qt and FFmpeg library is a separate shared library in the one-folder bundle, so a
user can replace it with a build of their own (the LGPL's relinking condition).

Used by ``packaging/build.py`` (the notices go into every bundle, and into the .deb's
``/usr/share/doc/service-hall-kiosk/``) and by ``packaging/sbom.py`` (the same list of
components).
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENSES = ROOT / "packaging" / "licenses"
OWN = "service-hall-kiosk"
#: our own top-level packages in the bundle (they are this project, not a third party)
OWN_MODULES = {"kiosk", "ui", "resources", "translations"}
#: where PyInstaller finds the system libraries it copies (Debian/Ubuntu layouts)
SYSTEM_DIRS = ("/usr/lib/{multiarch}", "/lib/{multiarch}", "/usr/lib/{multiarch}/pulseaudio",
               "/usr/lib", "/lib", "/usr/share/tegaki/models/zinnia")
#: written offers are due for these licences
COPYLEFT = re.compile(r"\b(?:L?GPL|LGPL)", re.IGNORECASE)
SOURCE_OFFER_YEARS = 3

QT_SOURCE = "https://download.qt.io/official_releases/qt/{minor}/{version}/submodules/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/pyside6/"


@dataclass
class Distribution:
    name: str
    version: str
    licence: str
    licence_files: list[tuple[str, str]] = field(default_factory=list)  # (name, text)
    modules: list[str] = field(default_factory=list)
    summary: str = ""
    homepage: str = ""


@dataclass
class SystemPackage:
    name: str
    version: str
    licences: list[str]
    files: list[str]
    source: str = ""  # the source package
    source_version: str = ""


def data_root(bundle: Path) -> Path:
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def executable(bundle: Path) -> Path | None:
    for name in (OWN, OWN + ".exe"):
        if (bundle / name).is_file():
            return bundle / name
    return None


def frozen_modules(bundle: Path) -> set[str]:
    """Top-level names of the modules in the executable's PYZ archive (empty when the
    archive cannot be read: then only the files beside it count)."""
    exe = executable(bundle)
    if exe is None:
        return set()
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:  # not a build environment
        return set()
    archive = CArchiveReader(str(exe))
    pyz = next((n for n in archive.toc if n.endswith(".pyz")), None)
    if pyz is None:
        return set()
    return {name.split(".")[0] for name in archive.open_embedded_archive(pyz).toc}


def collected_modules(bundle: Path) -> set[str]:
    """Top-level packages and extension modules in the bundle's data folder."""
    names = set()
    for path in data_root(bundle).iterdir():
        if path.is_dir() and not path.name.endswith((".dist-info", ".egg-info")):
            names.add(path.name)
        elif path.suffix in (".so", ".pyd") and not path.name.startswith("lib"):
            names.add(path.name.split(".")[0])
    return names


def bundled_distributions(bundle: Path) -> list[Distribution]:
    """The distributions of this environment whose modules are in ``bundle``, by name."""
    provided = md.packages_distributions()
    by_dist: dict[str, set[str]] = {}
    for module in (frozen_modules(bundle) | collected_modules(bundle)) - OWN_MODULES:
        for dist_name in provided.get(module, ()):
            by_dist.setdefault(dist_name, set()).add(module)
    found = {}
    for dist_name, modules in by_dist.items():
        dist = md.distribution(dist_name)
        name = dist.metadata["Name"]
        if canonical(name) == OWN:
            continue
        found[canonical(name)] = describe(dist, sorted(modules))
    return [found[k] for k in sorted(found)]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(meta: md.PackageMetadata) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    return text.splitlines()[0][:120] if text else "UNKNOWN"


def licence_files(dist: md.Distribution) -> list[tuple[str, str]]:
    """(name, text) of the licence files a distribution installed."""
    out = []
    for entry in dist.files or ():
        parts = entry.parts
        in_meta = parts and parts[0].endswith(".dist-info")
        name = parts[-1].upper()
        if in_meta and (
            "licenses" in parts or name.startswith(("LICEN", "COPYING", "NOTICE", "AUTHORS"))
        ):
            try:
                text = Path(str(entry.locate())).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            out.append(("/".join(parts[1:]), text))
    return sorted(out)


def describe(dist: md.Distribution, modules: list[str]) -> Distribution:
    meta = dist.metadata
    urls = meta.get_all("Project-URL") or []
    homepage = meta.get("Home-page") or next(
        (u.split(",", 1)[1].strip() for u in urls if "," in u), "")
    return Distribution(
        name=meta["Name"],
        version=dist.version,
        licence=licence_of(meta),
        licence_files=licence_files(dist),
        modules=modules,
        summary=meta.get("Summary") or "",
        homepage=homepage,
    )


# --- libraries and data from the build machine's packages (Linux) -------------------------


def multiarch() -> str:
    try:
        return subprocess.run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{os.uname().machine}-linux-gnu"


def wheel_files(dists: list[Distribution]) -> set[str]:
    """Base names of every file the bundled distributions installed (Qt's libraries …)."""
    names = set()
    for d in dists:
        for entry in md.distribution(d.name).files or ():
            names.add(entry.name)
    return names


def system_files(bundle: Path, dists: list[Distribution]) -> tuple[dict[str, str], list[str]]:
    """({bundled file: the build machine's file it is a copy of}, [bundled libraries of no
    known origin]). Libraries from a wheel are left out: their wheel lists them."""
    root = data_root(bundle)
    candidates = [p for p in sorted(root.iterdir()) if p.is_file() and ".so" in p.name
                  and p.name.startswith("lib")]
    zinnia = root / "zinnia"
    if zinnia.is_dir():
        candidates += sorted(p for p in zinnia.iterdir() if p.is_file())
    from_wheels = wheel_files(dists)
    arch = multiarch()
    dirs = [Path(d.format(multiarch=arch)) for d in SYSTEM_DIRS]
    found, unknown = {}, []
    for path in candidates:
        match = next((d / path.name for d in dirs if (d / path.name).is_file()
                      and (d / path.name).stat().st_size == path.stat().st_size), None)
        rel = path.relative_to(bundle).as_posix()
        if path.name.startswith("libpython"):
            continue  # the interpreter: listed as CPython (python_notice)
        if match is not None:
            found[rel] = str(match)
        elif path.name not in from_wheels:
            unknown.append(rel)
    return found, unknown


def system_packages(files: dict[str, str]) -> list[SystemPackage]:
    """The Debian packages the files came from (empty where there is no dpkg)."""
    if not files or shutil.which("dpkg-query") is None:
        return []
    owners: dict[str, list[str]] = {}
    result = subprocess.run(["dpkg-query", "-S", *sorted(set(files.values()))],
                            capture_output=True, text=True)
    by_path = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        by_path[path.strip()] = package.split(":")[0]
    for bundled, source in sorted(files.items()):
        real = os.path.realpath(source)
        package = by_path.get(source) or by_path.get(real)
        if package is None:  # /lib → /usr/lib (merged /usr): ask for the other spelling
            alt = source.removeprefix("/usr") if source.startswith("/usr/") else "/usr" + source
            package = by_path.get(alt) or _owner(alt) or _owner(real)
        owners.setdefault(package or "", []).append(bundled)
    out = []
    for package, bundled in sorted(owners.items()):
        if not package:
            continue
        version, source = _query(package, "${Version}"), _query(package, "${source:Package}")
        out.append(SystemPackage(package, version, debian_licences(package), bundled, source,
                                 _query(package, "${source:Version}")))
    return out


def _owner(path: str) -> str | None:
    result = subprocess.run(["dpkg-query", "-S", path], capture_output=True, text=True)
    if result.returncode != 0 or not result.stdout:
        return None
    return result.stdout.split(":")[0]


def _query(package: str, fmt: str) -> str:
    return subprocess.run(["dpkg-query", "-W", "-f", fmt, package], capture_output=True,
                          text=True).stdout.strip()


def debian_licences(package: str) -> list[str]:
    """The ``License:`` names in the package's machine-readable copyright file."""
    path = Path("/usr/share/doc") / package / "copyright"
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    names = {m.group(1).strip() for m in re.finditer(r"^License:[ \t]*(\S[^\n]*)$", text, re.M)}
    return sorted(names) or ["see " + str(path)]


# --- the text --------------------------------------------------------------------------------


def qt_offer(dists: list[Distribution]) -> str:
    qt = next((d for d in dists if canonical(d.name).startswith("pyside6")), None)
    if qt is None:
        return ""
    version = qt.version
    minor = ".".join(version.split(".")[:2])
    return (
        f"Qt {version} and Qt for Python (PySide6 {version}, shiboken6) are used under the GNU\n"
        "Lesser General Public License v3 (texts below). Their corresponding source code:\n"
        f"  Qt:          {QT_SOURCE.format(minor=minor, version=version)}\n"
        f"  Qt for Python: {PYSIDE_SOURCE}  (pyside-setup-everywhere-src-{version})\n"
        "The FFmpeg libraries (libavcodec, libavformat, libavutil, libswresample, libswscale)\n"
        "come inside PySide6-Addons as Qt builds them (LGPL-2.1-or-later); their source is\n"
        "https://ffmpeg.org/releases/ at the version the library reports.\n"
        "Every Qt and FFmpeg library is a separate shared library in this bundle: you may\n"
        "replace it with your own build of the same version (the LGPL's relinking condition).\n"
    )


ZBAR_OFFER = (
    "zbar (LGPL-2.1-or-later) decodes QR codes as the fallback reader, loaded by pyzbar at\n"
    "run time: on Linux the system's libzbar0 package (a dependency of the .deb, not in the\n"
    "bundle), on Windows the zbar DLLs that come inside pyzbar's wheel. Source:\n"
    "https://github.com/mchehab/zbar (and `apt-get source zbar` on Debian/Ubuntu).\n"
)


def written_offer(packages: list[SystemPackage]) -> str:
    copyleft = [p for p in packages if any(COPYLEFT.search(x) for x in p.licences)]
    lines = [
        f"For at least {SOURCE_OFFER_YEARS} years from the date you received this software,",
        "the supplier of this kiosk gives anyone who asks a complete machine-readable copy of",
        "the source code of every (L)GPL component listed here, for no more than the cost of",
        "making the copy. The system libraries are copies of the Debian/Ubuntu packages named",
        "below, at the versions named; their source is in the distribution's archive",
        "(`apt-get source PACKAGE=VERSION`, or https://snapshot.debian.org/).",
    ]
    if copyleft:
        sources = sorted({f"{p.source or p.name} {p.source_version or p.version}"
                          for p in copyleft})
        lines.append("(L)GPL system packages in this bundle (source package and version): "
                     + ", ".join(sources))
    return "\n".join(lines) + "\n"


def python_notice() -> tuple[str, str]:
    """The interpreter the bundle carries (libpython, the standard library): its version
    and licence text (the PSF licence, from the build's Python)."""
    version = ".".join(str(v) for v in sys.version_info[:3])
    for folder in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
                   Path(sys.base_prefix)):
        licence = folder / "LICENSE.txt"
        if licence.is_file():
            return version, licence.read_text(encoding="utf-8", errors="replace")
    return version, "PSF-2.0: https://docs.python.org/3/license.html"


def render(dists: list[Distribution], packages: list[SystemPackage], unknown: list[str],
           project_version: str) -> str:
    out = [
        f"THIRD-PARTY NOTICES for {OWN} {project_version}",
        "",
        f"{OWN} itself is licensed under the Apache License 2.0. This bundle also contains",
        "the software listed below, under the licences named. Generated by",
        "packaging/notices.py from the built bundle; do not edit by hand.",
        "",
        "=" * 78,
        "Source code offers (LGPL / GPL)",
        "=" * 78,
        qt_offer(dists),
        ZBAR_OFFER,
        written_offer(packages),
        "=" * 78,
        f"Python distributions ({len(dists)})",
        "=" * 78,
        f"CPython {python_notice()[0]}  —  PSF-2.0 (the interpreter and its standard library)",
    ]
    for d in dists:
        out.append(f"{d.name} {d.version}  —  {d.licence}")
        if d.homepage:
            out.append(f"    {d.homepage}")
    out += ["", "=" * 78, f"Libraries and data from the build machine's packages ({len(packages)})",
            "=" * 78]
    for p in packages:
        source = f" (source package {p.source})" if p.source and p.source != p.name else ""
        out.append(f"{p.name} {p.version}{source}  —  {', '.join(p.licences)}")
        out.append("    " + ", ".join(Path(f).name for f in p.files))
    if unknown:
        out += ["", "Bundled libraries whose origin this script could not tell:"]
        out += [f"    {name}" for name in unknown]
    out += ["", "=" * 78, "Licence texts", "=" * 78]
    for d in dists:
        for name, text in d.licence_files:
            out += ["", f"----- {d.name} {d.version}: {name} -----", text.rstrip()]
    version, text = python_notice()
    out += ["", f"----- CPython {version}: LICENSE.txt -----", text.rstrip()]
    for text_file in sorted(LICENSES.glob("*.txt")):
        out += ["", f"----- {text_file.stem} (Qt, FFmpeg, zbar, system libraries) -----",
                text_file.read_text(encoding="utf-8").rstrip()]
    return "\n".join(out) + "\n"


def project_version() -> str:
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def collect(bundle: Path) -> tuple[list[Distribution], list[SystemPackage], list[str]]:
    dists = bundled_distributions(bundle)
    if sys.platform.startswith("linux"):
        files, unknown = system_files(bundle, dists)
        return dists, system_packages(files), unknown
    return dists, [], []


def write(bundle: Path, out: Path) -> tuple[list[Distribution], list[SystemPackage]]:
    dists, packages, unknown = collect(bundle)
    out.write_text(render(dists, packages, unknown, project_version()), encoding="utf-8")
    return dists, packages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / OWN)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    out = args.output or args.bundle / "THIRD-PARTY-NOTICES.txt"
    dists, packages = write(args.bundle, out)
    print(f"notices: {out} ({len(dists)} distributions, {len(packages)} system packages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
