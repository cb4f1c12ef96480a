"""The .deb of the kiosk, from the bundle in dist/ (``python packaging/build.py --deb``).

    python packaging/deb/build_deb.py [--bundle DIR] [--out DIR] [--no-lintian]

What goes where (see packaging/README.md, "The .deb"):

    /opt/service-hall-kiosk/                          the PyInstaller bundle, owned by root
    /usr/lib/systemd/user/service-hall-kiosk.service  the user service (Type=notify, WatchdogSec)
    /usr/libexec/service-hall-kiosk/kiosk-session     the X session script
    /usr/share/xsessions/kiosk-session.desktop        the session the display manager offers
    /etc/service-hall-kiosk/kiosk.toml                the settings (a conffile)
    /usr/share/doc/service-hall-kiosk/                copyright, changelog, THIRD-PARTY-NOTICES,
                                                      the SBOM
    DEBIAN/postinst, prerm, postrm                    the kiosk account; data kept on remove

``Depends`` is worked out from the bundle: every library one of its ELF files links that is
not in the bundle itself, mapped to the package of the build machine that has it
(``dpkg-query -S``), plus what is loaded by name at run time (zbar, the CJK font) and what
the maintainer scripts use (adduser). Build on the release you install on: PyInstaller
copies the build machine's libraries, and ``libc6 (>= the build's glibc)`` says so.

Built with ``dpkg-deb --root-owner-group`` (no fakeroot), file times clamped to
``SOURCE_DATE_EPOCH`` (the last commit's time when unset), then checked with ``lintian``
when it is installed: an error or warning that is not overridden (and explained in
packaging/README.md) fails the build.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "packaging" / "deb"
LINUX = ROOT / "packaging" / "linux"
PACKAGE = "service-hall-kiosk"
BUNDLE = ROOT / "dist" / PACKAGE
STAGE = ROOT / "build" / "deb"
SESSION_BIN = f"/usr/libexec/{PACKAGE}/kiosk-session"
DOC = f"usr/share/doc/{PACKAGE}"
MAINTAINER = os.environ.get("DEB_MAINTAINER", "Service Hall Kiosk maintainers <kiosk@example.org>")

#: loaded by name at run time, so no ELF file links them
RUNTIME_DEPENDS = [
    "adduser",  # postinst makes the kiosk account
    "libzbar0",  # pyzbar: the fallback QR decoder (ctypes)
    "fonts-noto-cjk",  # Chinese text; Qt finds fonts through fontconfig
]
RECOMMENDS = [
    "xserver-xorg", "x11-xserver-utils", "lightdm | gdm3", "dbus-user-session",
    "gnome-keyring", "libpam-gnome-keyring", "speech-dispatcher",
]
DESCRIPTION = """\
Touchscreen kiosk for government service halls
 Service Hall Kiosk guides residents through what a service hall does: what
 to bring for a matter, electronic certificates shown by QR code, and
 appointments, with a large-type elderly mode, read-aloud and an assisted
 mode for staff. It keeps working offline and syncs with the central
 platform when it can.
 .
 This package installs the self-contained build under /opt/service-hall-kiosk,
 a "kiosk" system account, an X session that runs nothing but the kiosk, and
 a systemd user service that restarts it after a crash or when its user
 interface stops answering (watchdog)."""


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def source_date_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                            text=True)
    return int(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() \
        else int(time.time())


# --- the tree -------------------------------------------------------------------------------


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def install(src: Path, dest: Path, mode: int, text: str | None = None) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        shutil.copyfile(src, dest)
    else:
        dest.write_text(text, encoding="utf-8")
    dest.chmod(mode)


def gzipped(src_text: bytes, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                                 mtime=0, filename="") as out:
        out.write(src_text)
    dest.chmod(0o644)


def stage(bundle: Path, root: Path, notices: Path | None, sbom: Path | None) -> None:
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    for path in opt.rglob("*"):  # owned by root, readable by all, writable by none else
        if path.is_symlink():
            continue
        if path.is_dir() or path == opt / PACKAGE:
            path.chmod(0o755)
        else:
            path.chmod(0o644)
    install(LINUX / "service-hall-kiosk.service",
            root / "usr/lib/systemd/user/service-hall-kiosk.service", 0o644)
    install(LINUX / "kiosk-session", root / SESSION_BIN.lstrip("/"), 0o755,
            (LINUX / "kiosk-session").read_text(encoding="utf-8")
            .replace("Install as /usr/local/bin/kiosk-session.",
                     f"Installed as {SESSION_BIN} by the .deb."))
    desktop = (LINUX / "kiosk-session.desktop").read_text(encoding="utf-8")
    install(LINUX / "kiosk-session.desktop", root / "usr/share/xsessions/kiosk-session.desktop",
            0o644, desktop.replace("/usr/local/bin/kiosk-session", SESSION_BIN))
    install(HERE / "kiosk.toml", root / "etc" / PACKAGE / "kiosk.toml", 0o644)
    doc = root / DOC
    install(HERE / "copyright", doc / "copyright", 0o644)
    gzipped(changelog().encode(), doc / "changelog.gz")
    if notices is not None:
        gzipped(notices.read_bytes(), doc / "THIRD-PARTY-NOTICES.gz")
    if sbom is not None:
        gzipped(sbom.read_bytes(), doc / "sbom.cdx.json.gz")
    install(HERE / "lintian-overrides", root / "usr/share/lintian/overrides" / PACKAGE, 0o644)
    for folder in [p for p in root.rglob("*") if p.is_dir()]:
        folder.chmod(0o755)


def changelog() -> str:
    """A native package's changelog: the version, pointing at the project's CHANGELOG.md."""
    stamp = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(source_date_epoch()))
    return (f"{PACKAGE} ({version()}) stable; urgency=medium\n\n"
            f"  * Release {version()}: see CHANGELOG.md in the project's repository.\n\n"
            f" -- {MAINTAINER}  {stamp}\n")


# --- control --------------------------------------------------------------------------------


def linked_libraries(opt: Path) -> tuple[set[str], set[str]]:
    """(paths outside the bundle that its ELF files link, sonames that ldd did not find)."""
    bundled = {p.name for p in opt.rglob("*") if p.is_file() or p.is_symlink()}
    outside, missing = set(), set()
    for path in sorted(p for p in opt.rglob("*") if p.is_file() and not p.is_symlink()):
        if not is_elf(path):
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True)
        for line in result.stdout.splitlines():
            match = re.match(r"\s*(\S+)\s+=>\s+(\S+)", line)
            if not match:
                continue
            soname, target = match.groups()
            if soname in bundled:
                continue  # the bootloader puts _internal/ first on the library path
            if target == "not":
                missing.add(soname)
            elif not target.startswith(str(opt)):
                outside.add(target)
    return outside, missing


def owners(paths: set[str]) -> set[str]:
    found = set()
    for path in sorted(paths):
        candidates = [path, os.path.realpath(path)]
        if path.startswith("/lib"):
            candidates.append("/usr" + path)
        elif path.startswith("/usr/lib"):
            candidates.append(path.removeprefix("/usr"))
        for candidate in candidates:
            result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True,
                                    text=True)
            if result.returncode == 0:
                found.add(result.stdout.split(":")[0].split(",")[0].strip())
                break
        else:
            raise SystemExit(f"build_deb: the bundle links {path}, which no package provides")
    return found


def glibc_version() -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libc6"], capture_output=True,
                         text=True).stdout
    return out.split("-")[0]


def depends(opt: Path) -> list[str]:
    outside, missing = linked_libraries(opt)
    for soname in sorted(missing):
        print(f"build_deb: warning: a bundled binary links {soname}, found nowhere "
              "(an optional plugin's library?)", file=sys.stderr)
    packages = owners(outside) | set(RUNTIME_DEPENDS)
    packages.discard("libc6")
    return [f"libc6 (>= {glibc_version()})", *sorted(packages)]


def installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_relative_to(root / "DEBIAN"):
            continue
        total += (path.lstat().st_size + 1023) // 1024 if not path.is_dir() else 1
    return total


def control(root: Path, deps: list[str]) -> str:
    fields = {
        "Package": PACKAGE,
        "Version": version(),
        "Architecture": architecture(),
        "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_size_kib(root)),
        "Depends": ", ".join(deps),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{k}: {v}\n" for k, v in fields.items())


def write_debian(root: Path, deps: list[str]) -> None:
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    for script in ("postinst", "prerm", "postrm"):
        install(HERE / script, debian / script, 0o755)
    install(HERE / "conffiles", debian / "conffiles", 0o644,
            f"/etc/{PACKAGE}/kiosk.toml\n")
    sums = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()
                       and not p.is_relative_to(debian)):
        digest = hashlib.md5(path.read_bytes()).hexdigest()  # noqa: S324 - dpkg's format
        sums.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    install(debian / "md5sums", debian / "md5sums", 0o644, "".join(sums))
    install(debian / "control", debian / "control", 0o644, control(root, deps))


def build(bundle: Path = BUNDLE, out_dir: Path = ROOT / "dist", lintian: bool = True,
          notices: Path | None = None, sbom: Path | None = None) -> Path:
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"build_deb: no bundle at {bundle}: run python packaging/build.py")
    notices = notices or (bundle / "THIRD-PARTY-NOTICES.txt")
    sbom = sbom or bundle.parent / f"{bundle.name}.cdx.json"
    root = STAGE / "root"
    started = time.monotonic()
    stage(bundle, root, notices if notices.is_file() else None, sbom if sbom.is_file() else None)
    deps = depends(root / "opt" / PACKAGE)
    write_debian(root, deps)
    deb = out_dir / f"{PACKAGE}_{version()}_{architecture()}.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch()))
    print(f"+ dpkg-deb --build {root.relative_to(ROOT)} {deb.relative_to(ROOT)}", flush=True)
    # gzip: 23 s for the 252 MiB bundle here (107 MiB .deb) against 320 s for xz -6 (78 MiB)
    # on two busy cores; zstd (11 s) is what lintian calls a malformed archive (Debian's
    # archive takes gz and xz only). DEB_COMPRESS=xz for the smallest file.
    compress = os.environ.get("DEB_COMPRESS", "gzip")
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compress}", "--build", str(root),
                    str(deb)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"deb: {deb.relative_to(ROOT)}  {deb.stat().st_size / 2**20:.1f} MiB, "
          f"built in {time.monotonic() - started:.0f} s")
    print("deb: Depends: " + ", ".join(deps))
    if lintian:
        check_lintian(deb)
    return deb


def check_lintian(deb: Path) -> None:
    if shutil.which("lintian") is None:
        print("deb: lintian is not installed: not checked (apt-get install lintian)")
        return
    started = time.monotonic()
    # not --show-overrides: lintian 2.116 then fails on the overridden tags it shows
    result = subprocess.run(["lintian", "--fail-on", "error,warning", str(deb)],
                            capture_output=True, text=True)
    print(result.stdout.rstrip() or "lintian: no errors or warnings beyond the overridden "
          "ones (packaging/deb/lintian-overrides)")
    print(f"lintian: {'passed' if result.returncode == 0 else 'FAILED'} in "
          f"{time.monotonic() - started:.0f} s")
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit("build_deb: lintian reports errors or warnings that are not overridden")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--no-lintian", action="store_true")
    args = parser.parse_args(argv)
    build(args.bundle, args.out, lintian=not args.no_lintian)
    return 0


if __name__ == "__main__":
    sys.exit(main())
