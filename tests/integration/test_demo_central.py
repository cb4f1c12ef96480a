"""``kiosk --demo``'s own central server: a child process that can be stopped and restarted."""

from __future__ import annotations

import pytest

from kiosk.sync.api_client import CentralClient, Unreachable
from ui.central_link import DemoCentral, enrol_demo


@pytest.mark.slow
def test_the_demo_server_stops_and_comes_back_with_its_data(tmp_path):
    central = DemoCentral(tmp_path)
    try:
        assert central.start()
        creds = enrol_demo(central.url)
        client = CentralClient(central.url, creds.token)
        etag = client.pull("/v1/catalogue", None, {"matters": list}).etag
        central.toggle()
        assert not central.running
        with pytest.raises(Unreachable):
            client.health()
        central.toggle()
        assert central.running
        # same port, same database: the device is still enrolled, the catalogue unchanged
        assert client.pull("/v1/catalogue", etag, {"matters": list}).status == 304
    finally:
        central.stop()


@pytest.mark.slow
def test_demo_staff_sign_in_with_the_accounts_the_demo_server_sends(qapp, qtbot, tmp_path):
    """``kiosk --demo``: the sync worker and staff sign-in share one in-memory credential
    store, so the staff list it pulls (signed, checked with the key the enrolment pinned,
    kept with the pepper) lets 0371 and 0001 sign in; the trust list, signed and checked
    the same way, verifies the demo's codes."""
    from central.mint import mint
    from kiosk.ecert.verify import Checker, Outcome, TrustList
    from kiosk.staff.desk import StaffDesk
    from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
    from kiosk.sync.pulled import PulledCache
    from ui.central_link import demo_worker

    keys = CredentialStore(MemoryKeyring())
    store = tmp_path / "kiosk.db"
    worker, central = demo_worker(tmp_path, store, keys)
    pulled = []
    worker.pulled.connect(pulled.append)
    worker.start()
    try:
        qtbot.waitUntil(lambda: "staff" in pulled, timeout=60_000)
        desk = StaffDesk.open(store, keys)
        assert desk.sign_in("0371", "246810").result == "signed_in"
        assert desk.sign_in("0001", "000000").result == "wrong"
        assert desk.sign_in("0001", "135790").result == "signed_in"
        assert {m.number for m in desk.roster.members()} >= {"0371", "0001"}
        # taken because it was signed with the key the demo's enrolment pinned
        assert keys.load().platform_key is not None
        # and so were the reference data: the demo's sample codes verify at the kiosk
        assert {"catalogue", "halls", "trust_list"} <= set(pulled)
        trust = TrustList.from_wire(PulledCache(desk.store).get("trust_list").body)
        assert Checker(lambda: trust).check(mint("eid")).outcome is Outcome.VERIFIED_OFFLINE
        desk.store.close()
    finally:
        worker.stop()
        central.stop()
