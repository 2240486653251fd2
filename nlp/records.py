"""`Indicator`: the one record type every output (JSONL, CSV, table, DataFrame, stores) shares."""
from __future__ import annotations

from dataclasses import dataclass, field, fields

QUALIFIERS = ("exact", "more_than", "at_least", "approx", "less_than", "at_most")
KINDS = ("count", "money", "percent", "duration", "measure")


@dataclass
class Indicator:
    doc: str  # the input path as given
    id: str  # "<doc_id>-<n>", unique across an archive (doc_id is a content hash)
    value: float | int
    value_max: float | int | None  # upper bound of a range ("10–15"), else None
    qualifier: str  # one of QUALIFIERS
    unit: str | None  # lemma of the counted noun (nominative singular; plural-only nouns plural)
    unit_text: str | None  # the counted noun as written
    kind: str  # one of KINDS
    currency: str | None  # ISO 4217 code for money
    indicator: str  # canonical category (resources/indicators.json)
    parent: str | None  # id of the total this mention breaks down
    start: int  # offsets into the report's clean text: text[start:end] is the mention
    end: int
    text: str
    sentence: str
    section: str | None  # e.g. "results", "budget"
    # The organisation, place and date/period the outcome belongs to: dicts with label, text,
    # canonical, id, start, end, source ("sentence", "line" or "report" for the fallback).
    entities: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        # Shallow: dataclasses.asdict deep-copies every entity dict (3 s per 300 reports).
        return {name: getattr(self, name) for name in self.field_names()}

    @classmethod
    def field_names(cls) -> list[str]:
        return FIELD_NAMES


FIELD_NAMES = [f.name for f in fields(Indicator)]


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of one `Indicator` record, as every sink writes it."""
    number = {"type": "number"}
    optional = lambda schema: {"anyOf": [schema, {"type": "null"}]}  # noqa: E731
    string = {"type": "string"}
    properties = {
        "doc": {**string, "description": "the input path as given"},
        "id": {**string, "pattern": "^[0-9a-f]{16}-[0-9]{3,}$", "description": "<doc content hash>-<n>"},
        "value": number,
        "value_max": optional(number),
        "qualifier": {"enum": list(QUALIFIERS)},
        "unit": optional(string),
        "unit_text": optional(string),
        "kind": {"enum": list(KINDS)},
        "currency": optional({"type": "string", "pattern": "^[A-Z]{3}$"}),
        "indicator": string,
        "parent": optional(string),
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 1},
        "text": string,
        "sentence": string,
        "section": optional(string),
        "entities": {"type": "array", "items": {
            "type": "object",
            "properties": {
                "label": {"enum": ["ORG", "LOC", "PER", "DATE", "MONEY", "EVENT", "PRODUCT"]},
                "text": string, "canonical": string, "id": string,
                "start": optional({"type": "integer"}), "end": optional({"type": "integer"}),
                "source": {"enum": ["sentence", "line", "report"]},
                "date_start": optional(string), "date_end": optional(string), "granularity": string,
            },
            "required": ["label", "text", "canonical", "id", "start", "end", "source"],
        }},
    }
    assert list(properties) == Indicator.field_names(), "schema and dataclass must list the same fields"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "lvmine Indicator",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
