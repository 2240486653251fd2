"""lvmine: mine outcome indicators from Latvian public-administration and NGO reports.

    import nlp
    report = nlp.read_report("report.txt")
    records = nlp.extract(report)          # list[nlp.Indicator]
    frame = nlp.extract_dataframe(["a.txt", "b.html"])
"""
from .api import extract, extract_dataframe, extract_many, to_dataframe
from .errors import InputError, LvmineError
from .io import read_store
from .mine import mine, mine_to_store
from .pipeline import load
from .reader import Report, read_report, read_text
from .records import Indicator

__all__ = [
    "Indicator",
    "InputError",
    "LvmineError",
    "Report",
    "extract",
    "extract_dataframe",
    "extract_many",
    "load",
    "mine",
    "mine_to_store",
    "read_report",
    "read_store",
    "read_text",
    "to_dataframe",
]
