"""Errors shown to users: one line naming the file and the problem."""
from __future__ import annotations


class LvmineError(Exception):
    """Base class for errors reported to the user without a traceback."""


class InputError(LvmineError):
    """A document cannot be read: missing, empty, binary, not decodable, malformed."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
