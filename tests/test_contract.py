"""The project's contract (docs/contract.md) is in the repository, and every section the
code, the tests and the documents cite exists there (issue 21: 35 modules cited a file
that was not in the repository)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

CONTRACT = ROOT / "docs" / "contract.md"
# "docs/contract.md §6", "docs/contract.md §3.2, §5": every number of the list
CITATION = re.compile(r"docs/contract\.md (§\s?\d+(?:\.\d+)?(?:,\s*§\s?\d+(?:\.\d+)?)*)")
NUMBER = re.compile(r"§\s?(\d+(?:\.\d+)?)")
PLACES = ("pipeline", "validation", "tests", "docs", "scripts", "benchmarks")
SUFFIXES = {".py", ".md", ".toml", ".html", ".css", ".js", ".txt"}


def sections() -> set[str]:
    """The numbers of the contract's headings: "## 5. …" is 5, "### 3.2 …" is 3.2."""
    found = re.findall(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", CONTRACT.read_text("utf-8"), re.M)
    return set(found)


def sources() -> list[Path]:
    files = [ROOT / "README.md"]
    for place in PLACES:
        files += [p for p in (ROOT / place).rglob("*") if p.suffix in SUFFIXES
                  and p.is_file() and "golden" not in p.parts and "corpus" not in p.parts]
    return files


def test_the_contract_has_its_sections() -> None:
    assert {"1", "2", "3", "3.1", "3.2", "3.3", "4", "5", "6", "7", "8", "9", "10",
            "11"} <= sections()


def test_every_cited_section_exists() -> None:
    known = sections()
    cited = {(path.relative_to(ROOT).as_posix(), n) for path in sources()
             for listed in CITATION.findall(path.read_text("utf-8", errors="replace"))
             for n in NUMBER.findall(listed)}
    assert cited  # the code does cite it
    assert not {c for c in cited if c[1] not in known}, sorted(
        c for c in cited if c[1] not in known)


def test_no_citation_points_outside_the_repository() -> None:
    """The modules cited a specification page by section that is not in the repository."""
    absent = re.compile(r"\bSPEC\b ?§")
    citing = sorted(path.relative_to(ROOT).as_posix() for path in sources()
                    if absent.search(path.read_text("utf-8", errors="replace")))
    assert not citing, citing
