"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, ...).

One <testsuite> per file checked; each finding is a failing <testcase> (named by code and
position, so the report reads like a list of findings), a clean file is one passing
<testcase>, and a file that could not be checked is an <error>. ElementTree escapes the
markup; characters XML 1.0 cannot hold at all (control characters) are dropped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

import regex

from termlint.core.model import Diagnostic
from termlint.formats.report import Report

_NOT_XML = regex.compile(r"[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def render(report: Report) -> str:
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for path in report.sources:
        by_file.setdefault(path, [])  # a clean file is a passing test case
    for d in report.diagnostics:
        by_file[d.path].append(d)
    errors = dict(report.errors)
    root = ET.Element("testsuites", name="termlint", tests="0", failures="0", errors="0")
    total = failures = error_count = 0
    for path in sorted(set(by_file) | set(errors)):
        found = by_file.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=clean(path or "termlint configuration"))
        cases = 0
        for d in found:
            case = ET.SubElement(suite, "testcase", name=clean(f"{d.code} at {d.line}:{d.column}"),
                                 classname=clean(path), file=clean(path), line=str(d.line))
            failure = ET.SubElement(case, "failure", message=clean(d.message), type=d.code)
            failure.text = clean(f"{path}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}")
            cases += 1
        if path in errors:
            case = ET.SubElement(suite, "testcase", name="termlint", classname=clean(path), file=clean(path))
            ET.SubElement(case, "error", message=clean(errors[path]), type="error").text = clean(errors[path])
            cases += 1
        elif not found:
            ET.SubElement(suite, "testcase", name="termlint", classname=clean(path), file=clean(path))
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(found)))
        suite.set("errors", "1" if path in errors else "0")
        total, failures, error_count = total + cases, failures + len(found), error_count + (path in errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(error_count))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
