"""``kiosk --demo``'s own central server: a child process that can be stopped and restarted."""

from __future__ import annotations

import pytest

from kiosk.api_client import CentralClient, Unreachable
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
