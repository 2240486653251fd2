"""Read a report file (the delegated-task form, plain text or HTML) into a `Report`."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from .documents import docx_text, pdf_text
from .encoding import decode_bytes
from .form import count_known_labels, parse_form
from .html_text import clean_lines, looks_like_html
from .report import BudgetRow, Report, Section

MAX_BYTES = 20 * 1024 * 1024
# A file is read as the form when at least this many row labels are recognised.
MIN_FORM_LABELS = 2

__all__ = ["BudgetRow", "Report", "Section", "content_id", "read_bytes", "read_report", "read_text",
           "report_from_bytes", "report_from_text"]


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "file not found")
    if p.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(str(path), f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MB limit")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from None


def read_report(path: str | Path, *, strict: bool = True) -> Report:
    """Parse one report file. With strict=True a form missing a required field is an error;
    otherwise the gap is listed in `Report.warnings`."""
    return report_from_bytes(read_bytes(path), str(path), strict=strict)


def content_id(data: bytes) -> str:
    """The document key: a hash of its bytes, the same wherever the file lies."""
    return hashlib.sha1(data).hexdigest()[:16]


def report_from_bytes(data: bytes, doc: str, *, strict: bool = True) -> Report:
    suffix = Path(doc).suffix.lower()
    if not data.strip():
        raise InputError(doc, "file is empty")
    if suffix == ".docx":
        text, encoding = docx_text(data, doc), "docx"
    elif suffix == ".pdf":
        text, encoding = pdf_text(data, doc), "pdf"
    else:
        text, encoding = decode_bytes(data, doc)
    is_html = suffix in (".html", ".htm")
    if (is_html or looks_like_html(text)) and text.rfind("<") > text.rfind(">"):
        raise InputError(doc, "truncated HTML: the file ends inside a tag")
    return report_from_text(text, doc=doc, doc_id=content_id(data), encoding=encoding, strict=strict,
                            is_html=is_html)


def read_text(text: str, doc: str = "<text>") -> Report:
    """A report from a string already in memory (notebooks, tests)."""
    return report_from_text(text, doc=doc, doc_id=content_id(text.encode()), encoding="utf-8", strict=False)


def report_from_text(text: str, *, doc: str, doc_id: str, encoding: str, strict: bool,
                     is_html: bool = False) -> Report:
    if count_known_labels(text) >= MIN_FORM_LABELS:
        report = parse_form(text, doc=doc, doc_id=doc_id, encoding=encoding)
        if report.missing_fields:
            problem = "report form is missing field(s): " + ", ".join(report.missing_fields)
            if strict:
                raise InputError(doc, problem)
            report.warnings.append(problem)
        return report
    lines = clean_lines(text)
    if not lines:
        raise InputError(doc, "no text content after removing markup")
    body = "\n".join(lines)
    fmt = "html" if is_html or looks_like_html(text) else "text"
    return Report(doc=doc, doc_id=doc_id, format=fmt, encoding=encoding, text=body,
                  sections=[Section("results", "", 0, len(body))], results=body)
