"""Every word of an output is in the run's language (what the users typed excepted): an
English run of the sample round, walked output by output, holds no Spanish word of ours,
and a Spanish run no English one (issue 12)."""

from __future__ import annotations

import csv
import re
import string
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.words.catalogue import CATALOGUE
from tests.conftest import AS_OF, ROOT
from validation.catalogue import CATALOGUE as ISSUES
from validation.catalogue import SEVERITY_LABELS

SAMPLE = ROOT / "input_workbooks"
OTHER = {"es": "en", "en": "es"}


def words_only_in(lang: str) -> tuple[set[str], set[str]]:
    """(whole texts, long fragments) of the catalogue found in `lang` and not in the other."""
    index = 0 if lang == "es" else 1
    whole: set[str] = set()
    fragments: set[str] = set()
    issues = [(e.es, e.en) for e in ISSUES.values()]
    severities = [(SEVERITY_LABELS["es"][k], SEVERITY_LABELS["en"][k])
                  for k in SEVERITY_LABELS["es"]]
    for entry in [*CATALOGUE.values(), *issues, *severities]:
        mine, theirs = entry[index], entry[1 - index]
        mine_forms = mine if isinstance(mine, tuple) else (mine,)
        their_forms = set(theirs if isinstance(theirs, tuple) else (theirs,))
        for form in mine_forms:
            if form in their_forms:
                continue  # the same in both languages (ID, Total, No)
            pieces = [literal for literal, *_ in string.Formatter().parse(form)]
            if len(pieces) == 1 and "{" not in form:
                whole.add(form.strip())
            fragments.update(p.strip(" .,;:()") for p in pieces if len(p.strip()) >= 14)
    return whole, fragments


@pytest.fixture(scope="module", params=["en", "es"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> tuple[str, Path]:
    lang = request.param
    base = tmp_path_factory.mktemp(f"run-{lang}")
    runner = CliRunner()
    history = base / "historial.sqlite"
    for args in (["consolidate", str(SAMPLE), "--out", str(base / "ronda"), "--public",
                  "--history", str(history)],
                 ["overdue", str(SAMPLE), "--out", str(base / "listas"), "--format", "xlsx"],
                 ["overdue", str(SAMPLE), "--out", str(base / "listas"), "--format", "md"],
                 ["report", "--year", "2026", "--out", str(base / "informe"), "--history",
                  str(history)],
                 ["template", "--reporter", "Guatemala", "--round", "2027-T1", "--out",
                  str(base / "plantillas"), "--history", str(history)]):
        result = runner.invoke(cli, [*args, "--lang", lang, *(
            ["--as-of", AS_OF.isoformat()] if args[0] in {"consolidate", "overdue"} else [])])
        assert result.exit_code in (0, 1), (args, result.output)
        if args[0] == "consolidate":
            (base / "linea.txt").write_text(result.output, encoding="utf-8")
    return lang, base


def our_texts(lang: str, base: Path) -> list[tuple[str, str]]:
    """(where, text) of every place of the outputs where the words are ours."""
    found: list[tuple[str, str]] = [("end-of-run line", (base / "linea.txt").read_text())]
    books = [base / "ronda" / "consolidado.xlsx", base / "ronda" / "consolidado_publico.xlsx",
             *(base / "listas").glob("*.xlsx"), *(base / "informe").glob("*.xlsx"),
             *(base / "plantillas").glob("*.xlsx")]
    feedback = base / "ronda" / "retroalimentacion"  # each in its reporter's language
    english = {"Belice", "Canadá", "Estados Unidos"}
    books += [p for p in feedback.glob("*.xlsx") if (p.stem in english) == (lang == "en")]
    for path in books:
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            found.append((f"{path.name} sheet name", sheet.title))
            rows = list(sheet.iter_rows(max_row=60, values_only=True))
            header = next((r for r in rows if sum(isinstance(v, str) for v in r) >= 3), ())
            found += [(f"{path.name} › {sheet.title} header", str(v)) for v in header if v]
            found += [(f"{path.name} › {sheet.title} A", str(r[0])) for r in rows
                      if r and isinstance(r[0], str) and not re.match(r"[A-Z]+-[0-9A-F]+", r[0])]
    for name, columns in (("problemas.csv", ("severidad", "mensaje")),
                          ("envios.csv", ("estado", "motivo"))):
        with (base / "ronda" / name).open(encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                found += [(f"{name} {c}", row[c]) for c in columns if row[c]]
    for path in [*(base / "listas").glob("*.md"), *(base / "informe").glob("*.md")]:
        lines = path.read_text(encoding="utf-8").splitlines()
        found += [(path.name, line) for line in lines if not line.startswith(("|", "- "))]
    return found


def test_no_word_of_the_other_language(run: tuple[str, Path]) -> None:
    lang, base = run
    whole, fragments = words_only_in(OTHER[lang])
    wrong = []
    for where, text in our_texts(lang, base):
        text = text.strip()
        if text in whole or any(f in text for f in fragments):
            wrong.append(f"{where}: {text[:120]}")
    assert not wrong, "\n".join(sorted(set(wrong))[:40])


def test_the_walk_finds_what_it_looks_for(run: tuple[str, Path]) -> None:
    """The walk sees our words: the same run's own language is everywhere in it."""
    lang, base = run
    whole, fragments = words_only_in(lang)
    texts = [t.strip() for _, t in our_texts(lang, base)]
    assert sum(t in whole for t in texts) > 50
    assert any(any(f in t for f in fragments) for t in texts)
