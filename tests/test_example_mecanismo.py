"""The example workspace of another network (issue 22, docs/contract.md §2):
examples/mecanismo/, with the `mecanismo` profile and a round of six files in different
shapes made by its script, runs the whole loop (templates, consolidate, page, e-mail
drafts, report) and no output names the CRM or its things (its acronyms, its bodies, the
pillars it has and the Mecanismo has not)."""

from __future__ import annotations

import email
import email.policy
import importlib.util
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.reference.network import profile_path
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "mecanismo"
ROUND, AS_OF = "2024-T2", "2024-06-30"
CRM_WORDS = re.compile(r"\b(CRM|RROCM|PPT|SE-CRM)\b|Conferencia Regional|Regional Conference"
                       r"|\bpilar|\bpillar|grupos? de trabajo|working groups?"
                       r"|solo gobiernos|governments only", re.IGNORECASE)


def _make_round(workspace: Path) -> None:
    spec = importlib.util.spec_from_file_location("hacer_ronda", EXAMPLE / "hacer_ronda.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(workspace)


def _run(*args: str) -> str:
    done = CliRunner().invoke(cli, list(args))
    assert done.exit_code in (0, 1), done.output
    return done.output


def _xlsx_texts(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    texts = list(book.sheetnames)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            texts += [str(v) for v in row if v is not None]
    return texts


def _texts(path: Path) -> list[str]:
    """What a person reads in an output: cells, text, a page's text and labels, an
    e-mail's headers, body and attachments."""
    if path.suffix == ".xlsx":
        return _xlsx_texts(path.read_bytes())
    if path.suffix == ".eml":
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        texts = [str(message["Subject"]), str(message["From"] or "")]
        for part in message.walk():
            if part.is_multipart():
                continue
            content = part.get_content()
            texts += (_xlsx_texts(content) if isinstance(content, bytes)
                      and content[:2] == b"PK" else [str(content)])
        return texts
    text = path.read_text("utf-8-sig")
    if path.suffix == ".html":  # what the page shows and says (its script's keys are code)
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.DOTALL)
        text = " ".join([re.sub(r"<[^>]+>", " ", text),
                         *re.findall(r'(?:aria-label|title|alt)="([^"]*)"', text)])
    return [text]


def test_the_mecanismo_example_runs_its_loop_without_a_word_of_the_crm(tmp_path: Path) -> None:
    ws = tmp_path / "mecanismo"
    assert (EXAMPLE / "red.toml").read_text("utf-8") == profile_path("mecanismo").read_text(
        "utf-8")  # the example is the shipped profile as init copies it
    shutil.copytree(EXAMPLE, ws, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    _make_round(ws)
    place = ("--workspace", str(ws))
    _run("template", "--all", "--round", ROUND, *place)
    summary = _run("consolidate", "--round", ROUND, "--as-of", AS_OF, *place)
    _run("mail", "overdue", "--from-history", "--as-of", AS_OF, *place)
    _run("mail", "feedback", "--round", ROUND, "--as-of", AS_OF, *place)
    _run("mail", "call", "--round", "2024-T3", "--as-of", AS_OF, *place)
    _run("report", "--year", "2024", *place)
    _run("consolidate", "--round", ROUND, "--as-of", AS_OF, "--lang", "en", "--out",
         str(ws / "resultados" / "en"), *place)

    matrix = pd.read_csv(ws / "resultados" / ROUND / "matriz.csv", dtype=str)
    assert set(matrix["informante"]) == {
        "Factores de la migración y rutas regulares",
        "Gobernanza migratoria, salvar vidas y reintegración sostenible",
        "Inclusión de las personas migrantes",
        "Datos, información y políticas basadas en evidencia",
        "Mesa de Vinculación", "Mesa Técnica"}, summary
    assert len(matrix) == 15
    # the groups' column titled as the network calls its groups, and read back under it
    import openpyxl

    template = sorted((ws / "plantillas" / ROUND).glob("*.xlsx"))[0]
    sheet = openpyxl.load_workbook(template)["Matriz"]
    heads = [c.value for row in sheet.iter_rows(max_row=12) for c in row if c.value]
    assert "Mesa" in heads and "Reservado (uso interno)" in heads, heads
    from pipeline.read.header import column_key
    assert column_key("Mesa") == "grupo_trabajo" == column_key("Round table")
    outputs = [p for p in ws.rglob("*") if p.is_file() and p.suffix in
               {".xlsx", ".csv", ".html", ".eml", ".md", ".txt"}
               and "recibidos" not in p.parts and p.name != "LEEME.md"]
    kinds = {p.suffix for p in outputs}
    assert kinds >= {".xlsx", ".csv", ".html", ".eml", ".md"}, kinds
    assert any(p.name == "tablero.html" for p in outputs)
    assert any(p.parent.name.startswith("vencidos") or "vencidos" in p.parts
               for p in outputs if p.suffix == ".eml")
    found = [f"{p.relative_to(ws)}: {m.group(0)!r} in {text[max(0, m.start() - 40):m.end() + 40]!r}"
             for p in outputs for text in _texts(p) for m in CRM_WORDS.finditer(text)]
    assert not found, "\n".join(found[:30])


def test_the_help_gives_the_public_edition_no_audience_of_one_network() -> None:
    """The public edition is what a network publishes outside itself: the help called it
    the one "for civil society", words wrong for a network of civil society."""
    import os
    import subprocess
    import sys

    for lang in ("es", "en"):
        for command in ("consolidate", "report"):
            done = subprocess.run([sys.executable, "-m", "pipeline", command, "--help"],
                                  capture_output=True, text=True, check=True, cwd=ROOT,
                                  env={**os.environ, "SEGUIMIENTO_LANG": lang})
            assert "--public" in done.stdout
            assert ("Usage" in done.stdout) == (lang == "en")
            assert not re.search(r"civil society|sociedad civil", done.stdout), (lang, command)
