"""Read the delegated-task report form: title, then label<TAB>value rows.

Values may span lines (a line that starts with a TAB continues the previous
row), rows may carry trailing tabs and blank lines, and labels vary slightly:
they are matched to canonical fields with rapidfuzz and unknown labels are kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..entities.dates import find_dates
from ..parsing.money import AMOUNT, parse_money
from ..resources import load_resource
from .html_text import clean_lines
from .report import BudgetRow, Report, Section

REQUIRED_FIELDS = ("task", "performer", "period", "results")
# Order of sections in the clean text.
SECTION_ORDER = ("title", "task", "performer", "period", "goals", "results", "budget",
                 "irregular_spending", "unrecovered_amount", "other_info")
# Labels at least this long are matched by partial similarity too.
LONG_LABEL = 40
YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], float]:
    config = load_resource("form_labels")
    choices = {label.lower(): name for name, labels in config["fields"].items() for label in labels}
    return choices, config["label_min_score"]


def match_label(label: str) -> str | None:
    """Canonical field for a row label, or None when it is not a known label."""
    choices, min_score = _labels()
    found = process.extractOne(label.strip().lower(), list(choices), scorer=_label_score, score_cutoff=min_score)
    return choices[found[0]] if found else None


def _label_score(label: str, choice: str, **kwargs) -> float:
    """Similarity of two labels; long labels may also be shortened or extended versions
    of each other (the results label is often cut after "rādītājiem")."""
    score = fuzz.ratio(label, choice)
    if min(len(label), len(choice)) >= LONG_LABEL:
        score = max(score, fuzz.partial_ratio(label, choice))
    return score


def count_known_labels(text: str) -> int:
    return len({match_label(line.split("\t", 1)[0]) for line in text.splitlines() if "\t" in line} - {None})


def split_rows(text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(title lines, [(label, value lines)]) of the form."""
    title: list[str] = []
    rows: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        label, tab, value = line.partition("\t")
        if tab and label.strip():
            rows.append((label.strip(), [value]))
        elif rows:
            rows[-1][1].append(line)
        elif line.strip():
            title.append(line)
    return title, rows


def parse_form(text: str, *, doc: str, doc_id: str, encoding: str) -> Report:
    config = load_resource("form_labels")
    title_lines, rows = split_rows(text)
    fields: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for label, value_lines in rows:
        name = match_label(label) or label
        labels.setdefault(name, label)
        fields.setdefault(name, []).extend(value_lines)

    builder = _TextBuilder()
    title = re.sub(r"\s+", " ", " ".join(title_lines)).strip(" *")
    report = Report(doc=doc, doc_id=doc_id, format="form", encoding=encoding, text="", title=title or None)
    builder.add("title", "", [title] if title else [])

    empty = {v.lower() for v in config["empty_values"]}

    def single(name: str) -> str | None:
        lines = [ln for raw in fields.get(name, []) for ln in clean_lines(raw.replace("\t", " "))]
        value = " ".join(lines).strip().rstrip(",;").strip()
        builder.add(name, labels.get(name, ""), [value] if value else [])
        return value if value and value.lower() not in empty else None

    report.task = single("task")
    report.performer = single("performer")
    period_text = single("period")
    if period_text:
        # First to last date written: "20.10.2020. – 20.01.2021." (a dash may have split it).
        dates = [value for _, _, value in find_dates(period_text)]
        if dates and dates[0].start and dates[-1].end:
            report.period_start, report.period_end = dates[0].start, dates[-1].end
        elif dates:  # "kopš 2020. gada 1. oktobra": resolving dates inside it needs both ends
            report.warnings.append(f"period has an open end: {period_text!r}")
        else:
            report.warnings.append(f"period has no readable date: {period_text!r}")

    result_lines = [ln for raw in fields.get("results", []) for ln in clean_lines(raw)]
    goal_lines, result_lines = _split_goals(result_lines, config)
    report.goals = [ln for ln in goal_lines[1:]] if goal_lines else []
    builder.add("goals", labels.get("results", ""), goal_lines)
    builder.add("results", labels.get("results", ""), result_lines)

    budget_lines = [" ".join(c for c in (clean_cells(raw)) if c) for raw in fields.get("budget", [])]
    budget_lines = [ln for ln in budget_lines if ln]
    report.budget = [_budget_row(ln, config) for ln in budget_lines]
    builder.add("budget", labels.get("budget", ""), budget_lines)

    report.irregular_spending = single("irregular_spending")
    report.unrecovered_amount = single("unrecovered_amount")
    report.other_info = single("other_info")
    for name in fields:
        if name not in SECTION_ORDER:
            value = single(name)
            report.extra_fields[name] = value or ""

    report.text, report.sections = builder.build()
    report.results = report.section_text("results")
    report.missing_fields = [f for f in REQUIRED_FIELDS if not fields.get(f) or not any(x.strip() for x in fields[f])]
    return report


def clean_cells(raw: str) -> list[str]:
    return [" ".join(clean_lines(cell)) for cell in raw.split("\t")]


def _split_goals(lines: list[str], config: dict) -> tuple[list[str], list[str]]:
    """Split the results field into the goals list and the results proper by their intro lines."""
    def find(intros: list[str]) -> int | None:
        for i, line in enumerate(lines):
            low = line.lower()
            if any(intro.lower() in low for intro in intros):
                return i
        return None

    goal_at, result_at = find(config["goal_intros"]), find(config["result_intros"])
    if goal_at is None or result_at is None or goal_at >= result_at:
        return [], lines
    return lines[goal_at:result_at], lines[:goal_at] + lines[result_at:]


def _budget_row(line: str, config: dict) -> BudgetRow:
    year_match = YEAR_RE.search(line)
    amount = currency = None
    for match in re.finditer(rf"(?:(?:EUR|€)\s*)?(?:{AMOUNT})\s*(?:[^\W\d_]+|€)?", line):
        try:
            amount, currency = parse_money(match.group())
            break
        except ValueError:
            continue
    low = line.lower()
    kind = None
    if any(m in low for m in config["planned_markers"]):
        kind = "planned"
    elif any(m in low for m in config["actual_markers"]):
        kind = "actual"
    return BudgetRow(int(year_match[1]) if year_match else None, amount, currency, kind, line)


class _TextBuilder:
    """Concatenates section lines into one clean text, remembering each section's span."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, str, str]] = []

    def add(self, name: str, label: str, lines: list[str]) -> None:
        if lines:
            self.parts.append((name, label, "\n".join(lines)))

    def build(self) -> tuple[str, list[Section]]:
        text, sections = "", []
        for name, label, body in self.parts:
            if text:
                text += "\n\n"
            sections.append(Section(name, label, len(text), len(text) + len(body)))
            text += body
        return text, sections
