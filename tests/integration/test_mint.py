"""Sample credentials minted by the reference server read and verify through the kiosk's
own pipeline: the demo path from an image file to a verdict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("cv2", reason="the [opencv] extra is not installed (read_image)")

from kiosk.ecert.scanning.decode import decode  # noqa: E402
from kiosk.ecert.scanning.opencv import read_image  # noqa: E402
from kiosk.ecert.verify import Checker, Outcome, TrustList  # noqa: E402
from kiosk.sync.api_client import CentralClient  # noqa: E402
from tests.helpers.central_server import running_central  # noqa: E402

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
    assert decode(read_image(png)).texts == (text,)
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        body = CentralClient(url, "test-token").get("/v1/trust-list").body
    result = Checker(lambda: TrustList.from_wire(body)).check(text)
    assert result.outcome is outcome
    if "--abnormal" in args:
        assert result.certificate.status == "abnormal"
