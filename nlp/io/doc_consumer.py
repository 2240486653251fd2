"""Doc (+ its Report) -> `Indicator` records."""
from __future__ import annotations

from spacy.tokens import Doc

from ..annotate.attach import DocEntities
from ..extract.quantities import SPAN_KEY
from ..reader import Report
from ..records import Indicator
from ..resources import load_resource


def indicators_from_doc(doc: Doc, report: Report) -> list[Indicator]:
    skip = set(load_resource("quantity_rules")["skip_sections"])
    records: list[Indicator] = []
    index_to_id: dict[int, str] = {}
    context = DocEntities(doc)
    for k, span in enumerate(doc.spans.get(SPAN_KEY, [])):
        quantity = span._.quantity
        section = report.section_at(quantity.start)
        section_name = section.name if section else None
        if section_name in skip:
            continue
        record_id = f"{report.doc_id}-{len(records) + 1:03d}"
        index_to_id[k] = record_id
        records.append(
            Indicator(
                doc=report.doc,
                id=record_id,
                value=quantity.value,
                value_max=quantity.value_max,
                qualifier=quantity.qualifier,
                unit=quantity.unit,
                unit_text=quantity.unit_text,
                kind=quantity.kind,
                currency=quantity.currency,
                indicator=quantity.indicator or "other",
                parent=index_to_id.get(quantity.parent) if quantity.parent is not None else None,
                start=quantity.start,
                end=quantity.end,
                text=report.text[quantity.start : quantity.end],
                sentence=report.text[slice(*context.sentence(quantity.start))].strip(),
                section=section_name,
                entities=context.attach(quantity.start, quantity.end, report),
            )
        )
    return records
