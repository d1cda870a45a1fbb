"""Generate examples/draft-2022-child-protection.docx from the Markdown form of the example draft.

    python scripts/make_example_docx.py            # writes the .docx (committed)
    python scripts/make_example_docx.py --check    # exit 1 if the committed file is not what this script makes

The Word form is what a delegation would circulate: the same text, with the operative paragraphs
numbered by Word's automatic numbering, italic leads (three of them through a character style,
the chapeau through an italic paragraph style) and real footnotes. The zip entries get a fixed
date, so the file is the same byte for byte each time it is made.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_from_markdown import Options, build  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "examples" / "draft-2022-child-protection.txt"
TARGET = SOURCE.with_suffix(".docx")
STAMP = (2022, 4, 20, 0, 0, 0)


def fixed_dates(data: bytes) -> bytes:
    """The same package with every zip entry dated STAMP (python-docx dates them now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            entry = zipfile.ZipInfo(item.filename, STAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(entry, zin.read(item.filename))
    return out.getvalue()


def make() -> bytes:
    return fixed_dates(build(SOURCE.read_text(encoding="utf-8"), Options(numbering=True, styled_leads=True)))


def main(argv: list[str]) -> int:
    data = make()
    if "--check" in argv:
        same = TARGET.exists() and TARGET.read_bytes() == data
        print(f"{TARGET.relative_to(ROOT)}: {'up to date' if same else 'differs from what the script makes'}")
        return 0 if same else 1
    TARGET.write_bytes(data)
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
