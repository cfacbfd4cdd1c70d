"""Tables as text for people: the cell texts of a frame, and a Markdown table of them.
Shared by the reminder lists and the annual report (Markdown and HTML).

Text from a file is escaped for Markdown (`md_text`): raw HTML, links, images and
emphasis typed in a cell render as the characters they are, never as markup.
"""

from __future__ import annotations

import re

import pandas as pd

from pipeline.model.values import display_text


def rows_text(table: pd.DataFrame) -> list[list[str]]:
    return [[display_text(v) for v in row] for row in table.itertuples(index=False, name=None)]


# Markdown's and HTML's active characters: HTML's as entities, the rest backslashed.
_ACTIVE = re.compile(r"[\\`*_\[\]<>&|~]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# What makes a block of a text that starts a line (a list item's text): a heading, a list.
_BLOCK_START = re.compile(r"^(\s*)(#|[-+]|\d+(?=[.)]))")


def md_text(value: object) -> str:
    """A value as Markdown that renders as exactly its text, on one line, wherever it is
    put (a table cell, a list item)."""
    text = _one_line(display_text(value))
    text = _ACTIVE.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), text)
    return _BLOCK_START.sub(lambda m: m.group(1) + (
        m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text, count=1)


def _one_line(text: str) -> str:
    """A text's lines on one: after a line that ends without punctuation, a semicolon
    (lines such as an item's indicators, one under the other, would run together)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(line + ("" if n == len(lines) - 1 else " " if line[-1] in ".;:,!?" else "; ")
                   for n, line in enumerate(lines)) if len(lines) > 1 else text.strip("\r\n")


def md_table(table: pd.DataFrame, headers: list[str]) -> str:
    lines = ["| " + " | ".join(md_text(h) for h in headers) + " |",
             "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md_text(c) for c in row) + " |"
              for row in table.itertuples(index=False, name=None)]
    return "\n".join(lines)
