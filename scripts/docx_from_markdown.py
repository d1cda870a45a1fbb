"""Build a real Word draft (.docx, with python-docx) from a Markdown-ish draft such as
examples/draft-2022-child-protection.txt: the tests' fixture builder and the generator of
examples/draft-2022-child-protection.docx (scripts/make_example_docx.py).

Each block of the Markdown becomes a Word paragraph: `*x*` an italic run, `**x**` a bold run,
`#` lines Heading styles, `---` a page break, `<sup>n</sup>` / `\\*` markers real footnote
references whose `<sup>n</sup> ...` / `\\* ...` bodies become real footnotes. Options make the
variants the tests need: operative numbers as Word automatic numbering, italic leads through a
character style and the chapeau through an italic paragraph style, a table, a header and a
footer, and a tracked change already in the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
_NOTE_BODY = re.compile(r"^(?:<sup>(\w+)</sup>|\\(\*)|\[\^([^\]\s]+)\]:)\s*(.*)$", re.DOTALL)
_OPERATIVE = re.compile(r"^(\d{1,3})\.\s+(.*)$", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.DOTALL)
_INLINE = re.compile(r"\*\*(?P<b>[^*]+)\*\*|\*(?P<i>[^*\s][^*]*)\*|<sup>(?P<sup>\w+)</sup>|\\(?P<star>\*)"
                     r"|\[\^(?P<md>[^\]\s]+)\](?!:)")


@dataclass(frozen=True)
class Options:
    numbering: bool = False  # operative numbers as automatic numbering, not text
    styled_leads: bool = False  # italic leads through a character style, the chapeau through a paragraph style
    table: bool = False  # a table (with text that would give findings) after the title
    header_footer: bool = False  # a running head and footer with text that would give findings
    tracked: bool = False  # a tracked insertion and deletion whose accepted text is the Markdown's


def blocks(markdown: str) -> list[str]:
    """The Markdown's paragraphs: blank-line separated, numbered lines apart, hard breaks kept as \\n."""
    out: list[str] = []
    markdown = markdown.replace("\r\n", "\n").replace("\f", "\n\n---\n\n")
    for block in re.split(r"\n[ \t]*\n", markdown.strip("\n")):
        lines: list[str] = []
        for line in block.split("\n"):
            if lines and (_OPERATIVE.match(line) or _NOTE_BODY.match(line)):
                out.append("\n".join(lines))
                lines = []
            lines.append(line)
        joined = ""
        for i, line in enumerate(lines):  # "Distr.: Limited  \n20 April 2022": a line break in one paragraph
            joined += line.rstrip() + ("\n" if line.endswith("  ") else " ") if i + 1 < len(lines) else line
        if joined.strip():
            out.append(joined.strip())
    return out


def build(markdown: str, options: Options = Options()) -> bytes:
    """The .docx bytes of a Markdown-ish draft."""
    document = docx.Document()
    styles = document.styles
    lead_style = styles.add_style("Lead", WD_STYLE_TYPE.CHARACTER)
    lead_style.font.italic = True
    chapeau_style = styles.add_style("Chapeau", WD_STYLE_TYPE.PARAGRAPH)
    chapeau_style.base_style = styles["Normal"]
    chapeau_style.font.italic = True
    paragraphs = blocks(markdown)
    notes = {m.group(1) or m.group(2) or m.group(3): m.group(4) for p in paragraphs if (m := _NOTE_BODY.match(p))}
    body = [p for p in paragraphs if not _NOTE_BODY.match(p)]
    note_ids: dict[str, int] = {}
    numbered = _add_numbering(document) if options.numbering else None
    title_paragraph = None
    styled = 0
    for text in body:
        if text == "---":
            document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
            continue
        style = None
        heading = _HEADING.match(text)
        if heading:
            style, text = f"Heading {len(heading.group(1))}", heading.group(2)
        paragraph = document.add_paragraph(style=style)
        operative = _OPERATIVE.match(text)
        if numbered is not None and operative:
            _number(paragraph, numbered)
            text = operative.group(2)
        if options.styled_leads and text.startswith("*The General Assembly,*"):
            paragraph.style = chapeau_style
            text = text.strip("*")
        use_style = options.styled_leads and text.startswith("*Recalling*") and styled < 3
        styled += use_style
        _inline(paragraph, text, notes, note_ids, lead_style if use_style else None)
        if style == "Heading 4" and "Strengthening" in text:
            title_paragraph = paragraph
    if options.tracked:
        _track(document)
    if options.table and title_paragraph is not None:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Recognising the internet"
        table.cell(0, 1).text = "recognising , ,"
        title_paragraph._p.addnext(table._tbl)
    if options.header_footer:
        section = document.sections[0]
        section.header.paragraphs[0].text = "V.22-02345  recognising the internet , ,"
        section.footer.paragraphs[0].text = "Page 1 internet"
    if note_ids:
        _footnotes_part(document, notes, note_ids)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _inline(paragraph, text: str, notes: dict[str, str], note_ids: dict[str, int], lead_style=None) -> None:
    """Runs for one paragraph's Markdown: italics, bold, footnote references."""
    at = 0
    for m in _INLINE.finditer(text):
        if m.start() > at:
            paragraph.add_run(text[at:m.start()])
        if m.group("b"):
            paragraph.add_run(m.group("b")).bold = True
        elif m.group("i"):
            run = paragraph.add_run(m.group("i"))
            if lead_style is not None:
                run.style = lead_style
                lead_style = None
            else:
                run.italic = True
        else:
            label = m.group("sup") or m.group("star") or m.group("md")
            if label in notes and label not in note_ids:
                note_ids[label] = len(note_ids) + 1
                custom = label == "*"
                mark = 'w:customMarkFollows="1" ' if custom else ""
                mark_text = "<w:t>*</w:t>" if custom else ""
                paragraph._p.append(parse_xml(
                    f'<w:r {NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference {mark}w:id="{note_ids[label]}"/>{mark_text}</w:r>'))
            else:
                paragraph.add_run(label).font.superscript = True
        at = m.end()
    if at < len(text):
        paragraph.add_run(text[at:])
    for run in paragraph.runs:  # a hard line break inside a paragraph ("Distr.: Limited  \n20 April 2022")
        if "\n" in run.text:
            first, _, rest = run.text.partition("\n")
            run.text = first
            run.add_break()
            run.add_text(rest)


def _note_runs(label: str, text: str) -> str:
    out = [f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>' if label != "*"
           else '<w:r><w:t>*</w:t></w:r>']
    at = 0
    body = " " + text
    for m in _INLINE.finditer(body):
        out.append(_run_xml(body[at:m.start()]))
        out.append(_run_xml(m.group("i") or m.group("b") or "", italic=bool(m.group("i")), bold=bool(m.group("b"))))
        at = m.end()
    out.append(_run_xml(body[at:]))
    return "".join(out)


def _run_xml(text: str, italic: bool = False, bold: bool = False) -> str:
    if not text:
        return ""
    props = ("<w:i/>" if italic else "") + ("<w:b/>" if bold else "")
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _footnotes_part(document, notes: dict[str, str], note_ids: dict[str, int]) -> None:
    items = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for label, note_id in note_ids.items():
        items.append(f'<w:footnote w:id="{note_id}"><w:p>{_note_runs(label, notes[label])}</w:p></w:footnote>')
    xml = f'<w:footnotes {NS} xmlns:xml="http://www.w3.org/XML/1998/namespace">{"".join(items)}</w:footnotes>'
    xml = xml.replace(' xmlns:xml="http://www.w3.org/XML/1998/namespace"', "")
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _add_numbering(document) -> str:
    """A decimal list "1." (the operative paragraphs) added to numbering.xml; its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>'
        '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
    first_num = numbering.find(f"{{{W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _number(paragraph, num_id: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {NS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _track(document) -> None:
    """In the first recital, "rights" is a tracked insertion that replaced a tracked deletion."""
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.text.startswith(" that rights of the child"):
                rest = run.text[len(" that rights"):]
                run.text = " that "
                stamp = 'w:author="Delegation" w:date="2022-04-20T10:00:00Z"'
                deleted = parse_xml(f'<w:del {NS} w:id="901" {stamp}><w:r><w:delText xml:space="preserve">freedoms</w:delText></w:r></w:del>')
                inserted = parse_xml(f'<w:ins {NS} w:id="902" {stamp}><w:r><w:t>rights</w:t></w:r></w:ins>')
                tail = parse_xml(f'<w:r {NS}><w:t xml:space="preserve">{escape(rest)}</w:t></w:r>')
                run._r.addnext(deleted)
                deleted.addnext(inserted)
                inserted.addnext(tail)
                return
    raise ValueError("no first recital to put a tracked change in")
