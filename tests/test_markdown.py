"""Markdown outputs render every cell as the text it is: no live HTML, link, image or
emphasis from a file (issue 11). Checked with a real CommonMark renderer."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pipeline.cli import cli
from pipeline.write.markdown import md_text
from tests.conftest import AS_OF, MakeWorkbook

RENDER = MarkdownIt("commonmark", {"html": True}).enable("table")
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
           "[x](javascript:alert(1))", "![i](http://evil.example/x.png)",
           "**negrita** _cursiva_ `código`", "- lista", "1. uno", "# título", "a | b",
           "AT&T &lt;ok&gt; &copy;", "<https://x.example>", "\\*escapado\\*"]


def shown(rendered: str) -> str:
    """The text a reader sees in rendered HTML."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
               max_size=40) | st.sampled_from(HOSTILE))
def test_any_text_renders_as_itself(text: str) -> None:
    expected = " ".join(text.split())
    cell = RENDER.render(f"| h |\n|---|\n| {md_text(text)} |")
    item = RENDER.render(f"- {md_text(text)}")
    for rendered in (cell, item):
        assert "<script" not in rendered and "<img" not in rendered and "href" not in rendered
        assert "<em>" not in rendered and "<strong>" not in rendered and "<code>" not in rendered
        assert "<h1>" not in rendered and rendered.count("<li>") <= 1
    assert shown(item) == expected
    assert shown(cell).removeprefix("h ").strip() == expected or (not expected)


def test_overdue_lists_and_the_report_in_markdown_hold_no_markup(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    make_workbook("Honduras.xlsx", [
        ["1", "Retorno", text, "i", "OIM", dt.date(2026, 6, 30), "pendiente"]
        for text in HOSTILE], folder=inbox)
    out = tmp_path / "listas"
    runner = CliRunner()
    result = runner.invoke(cli, ["overdue", str(inbox), "--as-of", AS_OF.isoformat(), "--out",
                                 str(out), "--format", "md"])
    assert result.exit_code == 1, result.output
    history = tmp_path / "h.sqlite"
    result = runner.invoke(cli, ["consolidate", str(inbox), "--out", str(tmp_path / "r"),
                                 "--as-of", AS_OF.isoformat(), "--history", str(history)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["report", "--year", "2026", "--out", str(tmp_path / "inf"),
                                 "--history", str(history)])
    assert result.exit_code == 0, result.output
    files = [*out.glob("*.md"), *(tmp_path / "inf").glob("*.md")]
    assert len(files) >= 3
    for path in files:
        rendered = RENDER.render(path.read_text("utf-8"))
        for markup in ("<script", "<img", "javascript:alert(1)</a>", "href=\"javascript",
                       "<em>negrita", "<strong>negrita", "<code>código"):
            assert markup not in rendered, (markup, path.name)
    oim = RENDER.render((out / "OIM.md").read_text("utf-8"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in oim  # shown as the text it is


def test_a_cells_lines_do_not_run_together() -> None:
    """An item's indicators, a line each, in one cell of a Markdown table: set apart."""
    from pipeline.write.markdown import md_text

    assert md_text("Personas: 600 — En camino\nTalleres: 3 — Atrasado") == (
        "Personas: 600 — En camino; Talleres: 3 — Atrasado")
    assert md_text("Una frase.\n\nOtra") == "Una frase. Otra"
