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
    context = DocEntities(doc)
    kept = []
    for k, span in enumerate(doc.spans.get(SPAN_KEY, [])):
        section = report.section_at(span._.quantity.start)
        section_name = section.name if section else None
        if section_name not in skip:
            kept.append((k, span._.quantity, section_name))
    # ids first: a part may come before its whole ("18 no 22 dalībniekiem")
    index_to_id = {k: f"{report.doc_id}-{n:03d}" for n, (k, _, _) in enumerate(kept, start=1)}
    for k, quantity, section_name in kept:
        record_id = index_to_id[k]
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
                parent=index_to_id.get(quantity.parent),
                start=quantity.start,
                end=quantity.end,
                text=report.text[quantity.start : quantity.end],
                sentence=report.text[slice(*context.sentence(quantity.start))].strip(),
                section=section_name,
                entities=context.attach(quantity.start, quantity.end, report),
            )
        )
    return records
