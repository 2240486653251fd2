"""Reading .docx (the form as a Word table) and text PDFs."""
import docx

import nlp


def write_form_docx(path):
    document = docx.Document()
    document.add_paragraph("Kopsavilkums par valsts pārvaldes uzdevuma izpildi")
    rows = [
        ("Valsts pārvaldes uzdevums", "Jauniešu līdzdalības veicināšana"),
        ("Valsts pārvaldes uzdevuma veicējs", "Biedrība “Jaunatnes forums”"),
        ("Valsts pārvaldes uzdevuma deleģēšanas periods", "01.02.2021. – 31.12.2021."),
        ("Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem",
         "1) Notika 4 semināri.\n2) Piedalījās vairāk nekā 120 jaunieši."),
        ("Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem", "2021.gads 5 000 euro"),
    ]
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.save(path)


def test_docx_form(tmp_path):
    path = tmp_path / "report.docx"
    write_form_docx(path)
    report = nlp.read_report(path)
    assert report.format == "form" and report.performer == "Biedrība “Jaunatnes forums”"
    assert report.results.split("\n")[-2:] == ["1) Notika 4 semināri.", "2) Piedalījās vairāk nekā 120 jaunieši."]
    got = [(r.value, r.unit, r.qualifier, r.section) for r in nlp.extract(report)]
    assert got == [(4, "seminārs", "exact", "results"), (120, "jaunietis", "more_than", "results"),
                   (5000, "eiro", "exact", "budget")]


def minimal_pdf(lines):
    """A one-page PDF with Helvetica text lines (enough for pdfplumber to read)."""
    stream = "BT /F1 12 Tf 50 750 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_text_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(minimal_pdf(["Gada laika notika 12 seminari.", "Izmaksas 3 500 EUR."]))
    report = nlp.read_report(path)
    assert "notika 12 seminari." in report.text
    got = [(r.value, r.kind) for r in nlp.extract(report)]
    assert got == [(12, "count"), (3500, "money")]
