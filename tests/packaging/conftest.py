"""Gate for the packaging tests: they need root, dpkg and apt, and they change the machine
(install and remove the .deb, create the kiosk account). They run when KIOSK_TEST_DEB=1
(.ci/run sets it) and skip otherwise; with KIOSK_TEST_DEB=1 a missing tool or .deb fails
them instead of skipping."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

REQUIRED = os.environ.get("KIOSK_TEST_DEB") == "1"


def need(condition: bool, reason: str) -> None:
    """Skip (fail under KIOSK_TEST_DEB=1) unless ``condition``."""
    if condition:
        return
    if REQUIRED:
        pytest.fail(f"KIOSK_TEST_DEB=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def debian_tools():
    need(REQUIRED, "changes the machine: set KIOSK_TEST_DEB=1 to run")
    need(sys.platform.startswith("linux") and os.geteuid() == 0, "needs root on Linux")
    for tool in ("dpkg", "dpkg-deb", "apt-get", "apt-ftparchive", "gpg"):
        need(shutil.which(tool) is not None, f"needs {tool}")
