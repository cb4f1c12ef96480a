"""The reference data the screens read: pulled copies over the bundled ones, each parsed
once and read again only when the sync engine says a new copy came (kiosk.sync.reference)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from kiosk.rules import calendar as calendar_module
from kiosk.rules.catalogue import DEMO_CATALOGUE, load_catalogue
from kiosk.search.deferred import DeferredIndex
from kiosk.sync.pulled import PulledCache
from kiosk.sync.reference import ReferenceData
from kiosk.sync.store import LocalStore

NOW = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


@pytest.fixture
def pulled(tmp_path):
    store = LocalStore(tmp_path / "kiosk.db")
    yield PulledCache(store)
    store.close()


def renamed_catalogue(name_en: str) -> dict:
    doc = json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8"))
    doc["matters"][0]["name"]["en"] = name_en
    return doc


def made(pulled=None):
    catalogue = load_catalogue()
    index = DeferredIndex(catalogue.matters)
    data = ReferenceData(catalogue, index, index.for_catalogue)
    if pulled is not None:
        data.use_pulled(pulled)
    return data


def test_the_bundled_calendar_file_is_read_once(monkeypatch):
    reads = []
    real = calendar_module.load_calendars
    monkeypatch.setattr(calendar_module, "load_calendars",
                        lambda *a, **kw: reads.append(1) or real(*a, **kw))
    data = made()
    for _ in range(5):
        assert data.hall_calendar("city_centre") is not None
    assert data.hall_calendar("nowhere") is None
    assert len(reads) == 1


def test_a_new_catalogue_is_used_once_it_is_pulled_with_a_new_index(pulled):
    data = made(pulled)
    before, index_before = data.catalogue, data.index
    code = before.matters[0].code
    pulled.replace("catalogue", "v2", renamed_catalogue("A matter renamed by the platform"), NOW)
    assert data.catalogue is before  # nothing read until the engine says so
    data.replaced("catalogue")
    assert data.catalogue.find_matter(code).name.en == "A matter renamed by the platform"
    assert data.index is not index_before
    assert [h.matter.code for h in data.index.search("renamed by the platform")][:1] == [code]


def test_the_same_catalogue_pulled_again_keeps_the_index(pulled):
    data = made(pulled)
    index = data.index
    pulled.replace("catalogue", "v1", json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8")), NOW)
    data.replaced("catalogue")
    assert data.index is index  # no rebuild of the pinyin index for an unchanged catalogue


def test_a_pulled_catalogue_that_does_not_parse_leaves_the_one_in_use(pulled, caplog):
    data = made(pulled)
    pulled.replace("catalogue", "v2", renamed_catalogue("Renamed"), NOW)
    data.replaced("catalogue")
    good = data.catalogue
    pulled.replace("catalogue", "v3", {"matters": "not a list"}, NOW)
    data.replaced("catalogue")
    assert data.catalogue is good
    assert "the pulled catalogue is not used" in caplog.text


def test_pulled_calendars_replace_the_cached_ones_when_told(pulled, monkeypatch):
    data = made(pulled)
    bundled = data.hall_calendar("city_centre")
    wire = {"halls": [{
        "code": "city_centre", "name": {"zh": "市民中心", "en": "Civic Centre"},
        "timezone": "Asia/Shanghai",
        "opening_hours": [{"weekday": d, "opens": "10:00", "closes": "12:00"} for d in range(5)],
        "calendar": {"closed": [], "extra_open": []},
        "booking": {},
    }]}
    pulled.replace("halls", "h2", wire, NOW)
    assert data.hall_calendar("city_centre") is bundled  # cached until the engine says so
    data.replaced("halls")
    fresh = data.hall_calendar("city_centre")
    assert fresh is not None and fresh is not bundled
    assert data.hall_calendar("dongcheng") is None  # the pulled copy holds only the halls it names


def test_no_trust_list_yet_is_asked_again(pulled):
    data = made(pulled)
    assert data.trust_list() is None
    issuers = json.loads((DEMO_CATALOGUE.parent / "issuers.json").read_text(encoding="utf-8"))
    pulled.replace("trust_list", "t1", {"issued_at": issuers["issued_at"],
                                        "issuers": issuers["issuers"]}, NOW)
    assert data.trust_list() is not None  # the first pull arrived: no signal needed
