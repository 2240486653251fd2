"""Turn a document's bytes into text: UTF-8 (with or without BOM), UTF-16, and the
Baltic 8-bit encodings older Latvian files use (Windows-1257, ISO-8859-13)."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

BALTIC_ENCODINGS = ["cp1257", "iso8859_13", "utf_16"]
# Share of control characters above which a decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name). Raises InputError for empty or binary input."""
    if not data.strip():
        raise InputError(path, "file is empty")
    text, encoding = _decode(data, path)
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise InputError(path, f"looks like binary data, not text ({controls} control characters)")
    if not text.strip():
        raise InputError(path, "file holds only whitespace")
    return text, encoding


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    if b"\x00" in data[:4000]:
        # UTF-16 without BOM: every ASCII character has a zero byte beside it.
        zeros_odd = data[1:4000:2].count(0)
        zeros_even = data[0:4000:2].count(0)
        if max(zeros_odd, zeros_even) > 0.3 * min(len(data), 4000) / 2:
            name = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
        raise InputError(path, "looks like binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=BALTIC_ENCODINGS).best()
    name = best.encoding if best is not None else "cp1257"
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(path, f"cannot decode text ({exc})") from None
