"""The parsed report: metadata, sections and the clean text every offset refers to."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class Section:
    name: str  # canonical field name ("results", "budget", ...) or the label as written
    label: str  # the label as written in the document ("" for plain text)
    start: int  # character offsets into Report.text
    end: int


@dataclass
class BudgetRow:
    year: int | None
    amount: float | None
    currency: str | None
    kind: str | None  # "planned", "actual" or None when the form does not say
    text: str  # the row as written (clean)


@dataclass
class Report:
    doc: str  # the input path as given
    doc_id: str  # content hash of the file's bytes
    format: str  # "form", "text" or "html"
    encoding: str
    text: str  # clean text; every record's start/end point into it
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    task: str | None = None
    performer: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    goals: list[str] = field(default_factory=list)
    results: str = ""
    budget: list[BudgetRow] = field(default_factory=list)
    irregular_spending: str | None = None
    unrecovered_amount: str | None = None
    other_info: str | None = None
    extra_fields: dict[str, str] = field(default_factory=dict)
    missing_fields: list[str] = field(default_factory=list)  # required form fields absent or empty
    warnings: list[str] = field(default_factory=list)

    def section_at(self, offset: int) -> Section | None:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None

    def section_text(self, name: str) -> str:
        return "\n".join(self.text[s.start : s.end] for s in self.sections if s.name == name)

    def metadata(self) -> dict:
        """JSON-ready metadata (everything but the clean text)."""
        data = asdict(self)
        data.pop("text")
        for key in ("period_start", "period_end"):
            data[key] = data[key].isoformat() if data[key] else None
        return data
