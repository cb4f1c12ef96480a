"""Shared fixtures. Qt runs offscreen; every test gets fresh settings and a fresh window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def demo_catalogue():
    from kiosk.rules.catalogue import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def demo_index(demo_catalogue):
    from kiosk.search.deferred import DeferredIndex

    index = DeferredIndex(demo_catalogue.matters)
    index.warm()
    return index


@pytest.fixture(scope="session")
def built_translations():
    """The .qm files, built from the committed .ts sources when missing or older."""
    from tests.scripts_path import release_if_stale

    return release_if_stale()
