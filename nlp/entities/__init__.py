"""Named entities for lvmine: date/period normalisation (``dates``), NER evaluation
(``evaluate_ner``) and entity-name canonicalisation / linking (``linking``)."""
