"""The migration scripts ship with the package (pyproject package-data), so an installed
server can ``kiosk-central migrate``; and every revision is one chain from the baseline."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from alembic.script import ScriptDirectory

from central import schema

ROOT = Path(__file__).resolve().parents[2]


def test_every_migration_file_is_package_data():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tool = project["tool"]["setuptools"]
    assert any(fnmatch("central.migrations", pattern)
               for pattern in tool["packages"]["find"]["include"])
    patterns = tool["package-data"]["central.migrations"]
    folder = ROOT / "central" / "migrations"
    shipped_as_module = {"__init__.py", "env.py"}  # modules of the package itself
    files = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    assert "versions/0001_baseline.py" in files and "script.py.mako" in files
    missing = [f for f in files
               if f not in shipped_as_module and not any(fnmatch(f, p) for p in patterns)]
    assert missing == []


def test_the_revisions_form_one_line_from_the_baseline():
    scripts = ScriptDirectory.from_config(schema.alembic_config())
    assert len(scripts.get_heads()) == 1  # two heads: two releases changed the schema apart
    chain = [r.revision for r in scripts.walk_revisions()]  # head first
    assert chain[-1] == "0001" and chain[0] == schema.head()
    for revision in scripts.walk_revisions():
        text = Path(revision.path).read_text(encoding="utf-8")
        # frozen: a revision never uses the models, which change after it
        assert not re.search(r"(from|import) central\.models|central\.models\.\w", text), \
            revision.path
