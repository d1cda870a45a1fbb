"""Word drafts (.docx): reading them as termlint text, annotating them with comments, fixing them
with tracked changes.

`sniff` (format detection) and `document` (the DocxDocument that findings are placed in) import
nothing heavy; `read`, `annotate` and `revise` import python-docx and lxml, and are imported only
when a .docx file is actually read or written, so the plain CLI starts as fast as before.
"""
