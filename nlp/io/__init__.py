"""Turning annotated Docs into `Indicator` rows and writing them out."""
