"""packaging/deb/repo.sh: the hall's own apt repository, signed with its own key.

A throwaway key is made for the test; the repository is served over HTTP on loopback;
apt, with a sources entry that trusts that key for that repository only (signed-by=),
updates from it and downloads the package, and refuses the repository once its Release
is changed after signing, when it is signed by another key, and when it is not signed.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

REPO_SH = ROOT / "packaging" / "deb" / "repo.sh"
PROBE = "kiosk-repo-probe"


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)


def probe_deb(folder: Path, version: str) -> Path:
    """A tiny package standing in for the kiosk's (the repository does not care which)."""
    root = folder / f"probe-{version}"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "usr/share/doc" / PROBE).mkdir(parents=True)
    (root / "usr/share/doc" / PROBE / "README").write_text("probe\n")
    arch = run(["dpkg", "--print-architecture"]).stdout.strip()
    (root / "DEBIAN/control").write_text(
        f"Package: {PROBE}\nVersion: {version}\nArchitecture: {arch}\n"
        "Maintainer: Test <test@example.org>\nDescription: repository probe\n probe\n")
    deb = folder / f"{PROBE}_{version}_{arch}.deb"
    assert run(["dpkg-deb", "--root-owner-group", "--build", root, deb]).returncode == 0
    return deb


def make_key(home: Path, name: str) -> str:
    home.mkdir(mode=0o700)
    result = run(["gpg", "--homedir", home, "--batch", "--passphrase", "", "--quick-gen-key",
                  f"{name} <{name}@hall.example>", "ed25519", "sign", "never"])
    assert result.returncode == 0, result.stderr
    listing = run(["gpg", "--homedir", home, "--batch", "--with-colons", "--list-keys"]).stdout
    return next(line.split(":")[4] for line in listing.splitlines() if line.startswith("pub"))


def publish(repo: Path, gnupg: Path, key: str, *debs: Path) -> None:
    result = run(["sh", REPO_SH, repo, key, *debs], env={"GNUPGHOME": str(gnupg),
                                                           "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr + result.stdout


class Apt:
    """apt-get with its own sources, lists and cache, in a folder: the machine's untouched."""

    def __init__(self, folder: Path, url: str, keyring: Path):
        self.folder = folder
        for sub in ("lists/partial", "cache/archives/partial", "parts", "prefs"):
            (folder / sub).mkdir(parents=True)
        self.sources = folder / "sources.list"
        # the entry a kiosk gets (packaging/deb/service-hall-kiosk.sources, one-line form)
        self.sources.write_text(f"deb [signed-by={keyring}] {url} stable main\n")

    def __call__(self, *args: str) -> subprocess.CompletedProcess:
        f = self.folder
        options = [
            f"Dir::Etc::SourceList={self.sources}", f"Dir::Etc::SourceParts={f / 'parts'}",
            f"Dir::Etc::PreferencesParts={f / 'prefs'}", f"Dir::State::Lists={f / 'lists'}",
            f"Dir::Cache={f / 'cache'}", "Dir::State::status=/var/lib/dpkg/status",
            "APT::Sandbox::User=root", "Debug::NoLocking=1", "Acquire::Languages=none",
        ]
        return run(["apt-get", *(x for o in options for x in ("-o", o)), *args], cwd=f)

    def lists(self) -> list[str]:
        return sorted(p.name for p in (self.folder / "lists").glob("*Packages*"))


@pytest.fixture
def served(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(repo))

    class Quiet(handler.func):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(repo)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield repo, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def hall(tmp_path, served, debian_tools):
    """The hall's key and repository with the probe package, and a kiosk's apt."""
    repo, url = served
    gnupg = tmp_path / "hall-gnupg"
    key = make_key(gnupg, "hall")
    publish(repo, gnupg, key, probe_deb(tmp_path, "1.0"))
    keyring = tmp_path / "service-hall-kiosk.gpg"  # what the hall's IT copies to each kiosk
    shutil.copyfile(repo / "service-hall-kiosk.gpg", keyring)
    return repo, gnupg, key, Apt(tmp_path / "apt", url, keyring)


def test_the_repository_has_the_layout_apt_expects(hall):
    repo, *_ = hall
    stable = repo / "dists" / "stable"
    release = (stable / "Release").read_text()
    for field in ("Origin: Service Hall Kiosk", "Suite: stable", "Components: main", "SHA256:"):
        assert field in release
    assert "main/binary-" in release and "/Packages.gz" in release
    assert (stable / "InRelease").read_text().startswith("-----BEGIN PGP SIGNED MESSAGE-----")
    assert (stable / "Release.gpg").read_text().startswith("-----BEGIN PGP SIGNATURE-----")
    assert list((repo / "pool" / "main").glob(f"{PROBE}_1.0_*.deb"))


def test_apt_updates_from_the_signed_repository_and_fetches_the_package(hall):
    _repo, _gnupg, _key, apt = hall
    update = apt("update")
    assert update.returncode == 0, update.stdout + update.stderr
    assert "GPG error" not in update.stdout + update.stderr
    assert apt.lists()
    download = apt("download", PROBE)
    assert download.returncode == 0, download.stdout + download.stderr
    assert list(apt.folder.glob(f"{PROBE}_1.0_*.deb"))


def test_apt_refuses_a_release_changed_after_signing(hall):
    repo, _gnupg, _key, apt = hall
    inrelease = repo / "dists" / "stable" / "InRelease"
    # what an attacker on the way would do: point the index at other Packages files
    text = inrelease.read_text()
    tampered = text.replace("Suite: stable", "Suite: stable\nValid-Until: Sat, 01 Jan 2100 00:00:00 UTC")
    assert tampered != text
    inrelease.write_text(tampered)
    (repo / "dists" / "stable" / "Release.gpg").unlink()
    update = apt("update")
    out = update.stdout + update.stderr
    assert update.returncode != 0, out
    assert "BADSIG" in out
    assert apt.lists() == []  # nothing of it was taken


def test_apt_refuses_a_repository_signed_by_another_key(hall, tmp_path):
    repo, _gnupg, _key, apt = hall
    other = tmp_path / "other-gnupg"
    publish(repo, other, make_key(other, "intruder"), probe_deb(tmp_path, "2.0"))
    update = apt("update")
    out = update.stdout + update.stderr
    assert update.returncode != 0, out
    assert "NO_PUBKEY" in out or "not signed" in out
    assert apt.lists() == []


def test_apt_refuses_an_unsigned_repository(hall):
    repo, _gnupg, _key, apt = hall
    (repo / "dists" / "stable" / "InRelease").unlink()
    (repo / "dists" / "stable" / "Release.gpg").unlink()
    update = apt("update")
    out = update.stdout + update.stderr
    assert update.returncode != 0, out
    assert "not signed" in out
    assert apt.lists() == []
