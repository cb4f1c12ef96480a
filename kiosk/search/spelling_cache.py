"""A file of pinyin spellings, so that a kiosk restarting on the same catalogue
builds its search index without loading pypinyin (≈ 0.5 s and ≈ 45 MB).

The file maps each normalised Chinese text to its spelling. It is only a cache:
it is checked against the format version and the pypinyin version that made it,
written atomically, and a missing, stale or broken file is simply rebuilt.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import astuple, fields
from importlib import metadata
from pathlib import Path

from kiosk.search.spelling import Spelling

log = logging.getLogger(__name__)

#: bump when spell changes what it produces
FORMAT = 1
_FIELDS = [f.name for f in fields(Spelling)]


def _stamp() -> dict[str, object]:
    try:
        version = metadata.version("pypinyin")
    except metadata.PackageNotFoundError:  # frozen builds may carry no metadata
        version = "unknown"
    return {"format": FORMAT, "pypinyin": version, "fields": _FIELDS}


def load(path: Path) -> dict[str, Spelling]:
    """The spellings in the file, or {} if it is absent, stale or unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("spelling cache %s unreadable (%s); rebuilding it", path, exc)
        return {}
    if not isinstance(raw, dict) or raw.get("stamp") != _stamp():
        return {}
    out: dict[str, Spelling] = {}
    try:
        for text, values in raw["spellings"].items():
            p, i, marked, p_in, i_in, alt_p, alt_i = values
            out[text] = Spelling(str(p), str(i), str(marked), tuple(p_in), tuple(i_in),
                                  tuple(alt_p), tuple(alt_i))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        log.warning("spelling cache %s malformed (%s); rebuilding it", path, exc)
        return {}
    return out


def save(path: Path, spellings: dict[str, Spelling]) -> None:
    """Write the file atomically; a failure is logged, never raised (it is a cache)."""
    data = {"stamp": _stamp(),
            "spellings": {text: list(astuple(s)) for text, s in spellings.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".spelling-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("could not write spelling cache %s: %s", path, exc)
