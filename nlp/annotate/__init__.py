"""Annotation beyond morphology: domain entity rules and their attachment to records."""
