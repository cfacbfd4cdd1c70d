"""A workbook as it prints: converted to PDF by LibreOffice (headless), each page read
back: its words and where they are (poppler's pdftotext), the type size of its text as
drawn (pypdf: the font size times the text and page matrices' scale), and the sheet it
belongs to (the page footer names it). Used by the printing tests (issue 14)."""

from __future__ import annotations

import html
import math
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_printing = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                    reason="LibreOffice or poppler-utils is not installed")


def has_carlito() -> bool:
    """Whether fontconfig knows Carlito, the font LibreOffice prints Calibri with."""
    if shutil.which("fc-list") is None:
        return False
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    return "carlito" in fonts.casefold()


# Type sizes and page breaks are measured as LibreOffice lays Calibri out, with Carlito's
# metrics; another font lays the same sheet out otherwise.
needs_carlito = pytest.mark.skipif(
    SOFFICE is not None and not has_carlito(),
    reason="the Carlito font is not installed (fc-list | grep -i carlito): LibreOffice "
           "lays the sheets out with another font's metrics")
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")


def to_pdf(path: Path, out: Path) -> Path:
    """`path` printed to PDF by LibreOffice, into `out`."""
    assert SOFFICE is not None
    profile = out / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=240)
    pdf = out / (path.stem + ".pdf")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    return pdf


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]  # the body: neither the page header nor its footer
    bands: tuple[Word, ...]  # the page header and footer
    sizes: tuple[float, ...]  # the type size, in points, of each character drawn

    @property
    def sheet(self) -> str:
        """The sheet the page prints (the footer's left part names it)."""
        footer = [w for w in self.bands if w.y0 > self.height / 2 and w.x0 < self.width / 2]
        return " ".join(w.text for w in sorted(footer, key=lambda w: w.x0))

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def median_points(self) -> float:
        """The type size most of the page's text is printed in."""
        return statistics.median(self.sizes) if self.sizes else 0.0


def printed(xlsx: Path, out: Path) -> list[Page]:
    """The pages of `xlsx` as LibreOffice prints it."""
    pdf = to_pdf(xlsx, out)
    assert PDFTOTEXT is not None
    bbox = out / (pdf.stem + ".html")
    subprocess.run([PDFTOTEXT, "-bbox", str(pdf), str(bbox)], check=True,
                   capture_output=True, timeout=120)
    sizes = _type_sizes(pdf)
    pages = []
    for number, (width, height, body) in enumerate(
            _PAGE.findall(bbox.read_text("utf-8")), start=1):
        words = [Word(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in _WORD.findall(body)]
        top, bottom = 40.0, float(height) - 40.0  # the bands sit in the margins
        pages.append(Page(number, float(width), float(height),
                          tuple(w for w in words if top < w.y0 < bottom),
                          tuple(w for w in words if not top < w.y0 < bottom),
                          tuple(sizes[number - 1])))
    return pages


def _type_sizes(pdf: Path) -> list[list[float]]:
    """Each page's characters' type sizes in points, as drawn."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(pdf).pages:
        found: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object,
                  size: float, found: list[float] = found) -> None:
            drawn = len(text.strip())
            if drawn:
                scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                found.extend([size * scale] * drawn)

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def by_sheet(pages: list[Page]) -> dict[str, list[Page]]:
    found: dict[str, list[Page]] = {}
    for page in pages:
        found.setdefault(page.sheet, []).append(page)
    return found
