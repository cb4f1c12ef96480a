from kiosk.deferred_index import DeferredIndex


def test_builds_once_on_first_search(demo_catalogue):
    index = DeferredIndex(demo_catalogue.matters)
    assert not index.built
    first = index.search("sfz", limit=3)
    assert index.built and index.builds == 1
    assert [h.matter.code for h in index.search("sfz", limit=3)] == [h.matter.code for h in first]
    assert index.builds == 1


def test_warm_builds_ahead(demo_catalogue):
    index = DeferredIndex(demo_catalogue.matters)
    index.warm()
    index.warm()
    assert index.builds == 1 and index.search("passport")
