from kiosk.search.deferred import DeferredIndex


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


def test_spelling_cache_gives_the_same_index_without_pypinyin(demo_catalogue, tmp_path):
    import subprocess
    import sys

    cache = tmp_path / "spellings.json"
    first = DeferredIndex(demo_catalogue.matters, cache)
    expected = {q: [h.matter.code for h in first.search(q, 10)]
                for q in ("sbk", "sfz", "shebaoka", "身份证", "passport", "hz", "gjj")}
    assert cache.exists()
    again = DeferredIndex(demo_catalogue.matters, cache)
    assert {q: [h.matter.code for h in again.search(q, 10)] for q in expected} == expected
    assert again.warm().spelt_new == 0
    # in a fresh process, the cached build does not even import pypinyin
    code = (
        "import sys; from pathlib import Path; from kiosk.rules.catalogue import load_catalogue;"
        "from kiosk.search.deferred import DeferredIndex;"
        f"i = DeferredIndex(load_catalogue().matters, Path({str(cache)!r}));"
        "assert i.search('sbk'); print('pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_broken_or_stale_cache_is_rebuilt(demo_catalogue, tmp_path):
    import json

    cache = tmp_path / "spellings.json"
    cache.write_text("{not json", encoding="utf-8")
    index = DeferredIndex(demo_catalogue.matters, cache)
    assert index.search("sbk")
    assert json.loads(cache.read_text(encoding="utf-8"))["spellings"]
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["stamp"]["format"] = -1
    data["spellings"] = {"社会保障卡补换": ["x", "x", "x", [], [], [], []]}
    cache.write_text(json.dumps(data), encoding="utf-8")
    rebuilt = DeferredIndex(demo_catalogue.matters, cache)
    assert rebuilt.warm().spelt_new > 0
    assert rebuilt.search("sbk")


def test_unwritable_cache_is_not_fatal(demo_catalogue, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    index = DeferredIndex(demo_catalogue.matters, blocker / "sub" / "spellings.json")
    assert index.search("sbk")
