"""Text out of office documents: .docx (python-docx) and text PDFs (pdfplumber).

Word tables become label<TAB>value lines, which is how the report form reads
when it is a table rather than tab-separated text."""
from __future__ import annotations

import io

from ..errors import InputError


def docx_text(data: bytes, path: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(path, f"cannot read DOCX ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # zipfile.BadZipFile and friends from a corrupt package
        raise InputError(path, f"cannot read DOCX ({type(exc).__name__})") from None
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    text = "\n".join(p.text for p in cell.paragraphs).strip()
                    if not cells or text != cells[-1]:  # merged cells repeat their text
                        cells.append(text)
                # A multi-line cell value continues on lines that start with a tab.
                first, *rest = "\t".join(cells).split("\n")
                lines.append(first)
                lines.extend("\t" + line for line in rest)
    return "\n".join(lines)


def pdf_text(data: bytes, path: str) -> str:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except PDFSyntaxError as exc:
        raise InputError(path, f"corrupt PDF ({exc})") from None
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise InputError(path, f"cannot read PDF ({type(exc).__name__}: {exc})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(path, "PDF has no text layer (scanned image?)")
    return text
