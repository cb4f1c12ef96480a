"""Sample credentials minted by the reference server read and verify through the kiosk's
own pipeline: the demo path from an image file to a verdict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import pytest

from kiosk.ecert.scanning.decode import decode
from kiosk.ecert.verify import Checker, Outcome, TrustList
from kiosk.sync.api_client import CentralClient
from tests.helpers.central_server import running_central

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("args", "outcome"),
    [
        (["--type", "eid"], Outcome.VERIFIED_OFFLINE),
        (["--type", "driving", "--abnormal"], Outcome.VERIFIED_OFFLINE),
        (["--type", "business"], Outcome.VERIFIED_OFFLINE),
        (["--type", "social-security", "--revoked"], Outcome.REVOKED),
        (["--type", "eid", "--expired"], Outcome.EXPIRED),
    ],
)
def test_minted_codes_decode_and_verify_against_the_served_trust_list(tmp_path, args, outcome):
    png = tmp_path / "code.png"
    out = subprocess.run([sys.executable, "-m", "central", "mint", *args, "--out", str(png)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    text = out.stdout.strip()
    assert decode(cv2.imread(str(png))).texts == (text,)
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        body = CentralClient(url, "test-token").get("/v1/trust-list").body
    result = Checker(lambda: TrustList.from_wire(body)).check(text)
    assert result.outcome is outcome
    if "--abnormal" in args:
        assert result.certificate.status == "abnormal"
