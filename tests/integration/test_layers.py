"""The package's imports point down its layers, with no circle (scripts/check_layers.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_no_import_circle_and_no_upward_import() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_layers.py")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_the_checker_sees_an_upward_import_and_a_circle(tmp_path: Path, monkeypatch) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_layers
    finally:
        sys.path.pop(0)
    package = tmp_path / "termlint"
    for folder, source in {"core": "from termlint.engine import lint\n", "engine": "", "text": ""}.items():
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
        (package / folder / "a.py").write_text(source)
    (package / "engine" / "lint.py").write_text("from termlint.text import b\n")
    (package / "text" / "b.py").write_text("def f():\n    from termlint.text import c\n")
    (package / "text" / "c.py").write_text("from termlint.text.b import f\n")
    (package / "__init__.py").write_text("")
    monkeypatch.setattr(check_layers, "PACKAGE", package)
    found = check_layers.problems()
    assert "termlint.core.a imports termlint.engine.lint: from layer core up to engine" in found
    assert any(p.startswith("import circle:") and "termlint.text.b" in p and "termlint.text.c" in p for p in found)
