"""The shape of the code (STYLE, issue 12): folders that are the pipeline, imports that
only run down, no cycles, modules small enough to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("pipeline", "validation")
BASE = {"model", "words", "reference"}  # below every stage: the run's data, words, facts
STAGES = {"read", "normalize", "analyse", "store", "write", "report", "template", "web",
          "mail"}
MAX_LINES = 320
# The stages in the order a round goes through them; a stage calls only those before it
# (normalize comes first: reading a file already turns its values into the product's).
ORDER = ("normalize", "read", "analyse", "store", "write", "web", "report", "template",
         "mail")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules a module imports, at its top or inside its functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(path, name, known) for name, path in found.items()}


def folder(name: str) -> str:
    parts = name.split(".")
    return parts[1] if parts[0] == "pipeline" and len(parts) > 2 else parts[-1]


def test_no_import_cycle() -> None:
    edges = graph()
    cycles = []

    def visit(node: str, path: list[str], on_path: set[str], done: set[str]) -> None:
        for target in sorted(edges.get(node, ())):
            if target.startswith(node + ".") or node.startswith(target + "."):
                continue  # a package and its own modules
            if target in on_path:
                cycles.append(path[path.index(target):] + [target])
            elif target not in done:
                visit(target, [*path, target], on_path | {target}, done)
        done.add(node)

    done: set[str] = set()
    for start in sorted(edges):
        if start not in done:
            visit(start, [start], {start}, done)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles[:5])


def test_imports_only_run_down() -> None:
    wrong = []
    for name, targets in graph().items():
        here = folder(name)
        for target in targets:
            there = folder(target)
            if name.startswith("validation") and target.startswith("pipeline"):
                wrong.append(f"{name} -> {target} (validation never imports pipeline)")
            if here in STAGES | BASE and there in {"jobs", "cli"}:
                wrong.append(f"{name} -> {target} (a stage never imports a command)")
            if here == "jobs" and there == "cli":
                wrong.append(f"{name} -> {target}")
            if here in BASE and there in STAGES:
                wrong.append(f"{name} -> {target} (the base of every stage imports none)")
    assert not wrong, "\n".join(sorted(wrong))


def test_a_stage_calls_only_the_stages_before_it() -> None:
    """The stage that computes (analyse) writes nothing and shows no word of its own; the
    workbooks' stage (write) does not write the page: the job hands the page's writer in."""
    assert set(ORDER) == STAGES
    wrong = []
    for name, targets in graph().items():
        here = folder(name)
        for target in targets:
            there = folder(target)
            if here in ORDER and there in ORDER and ORDER.index(there) > ORDER.index(here):
                wrong.append(f"{name} -> {target} ({there} comes after {here})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_label_is_made_where_the_round_is_computed() -> None:
    """The words a table shows (a status as the network calls it, a column's heading) are
    made in pipeline.model.labels, not in the stage that computes."""
    found = [f"{name}.{node.name}" for name, path in modules().items()
             if folder(name) == "analyse"
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.FunctionDef)
             and (node.name in {"title", "status_labels"} or node.name.endswith("_labels"))]
    assert not found, found


def test_the_folders_are_the_pipeline() -> None:
    top = {p.name for p in (ROOT / "pipeline").iterdir() if not p.name.startswith("__")}
    folders = {p for p in top if (ROOT / "pipeline" / p).is_dir()}
    assert folders >= {"model", "words", "reference", "read", "normalize", "analyse", "store",
                       "write", "report", "template", "jobs", "cli"}
    assert top == folders  # every module in a folder that says what it is
    for package in folders:
        init = ROOT / "pipeline" / package / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 80, f"pipeline/{package}/__init__.py says what lives there"


def test_modules_are_small_enough_to_read_in_one_sitting() -> None:
    long = {str(p.relative_to(ROOT)): n for p in modules().values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_every_file_the_code_reads_from_its_package_is_installed() -> None:
    """A file beside the code (a template, the reference data) is in the installed
    package only if pyproject.toml's package-data names it: the tests read the source
    tree and would not notice (an install once had no page templates and every
    consolidation ended in an internal error)."""
    import fnmatch
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]
    missing = []
    for path in (ROOT / "pipeline").rglob("*"):
        if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(ROOT)
        owner = ".".join(relative.parts[:-1])
        while owner and owner not in patterns:
            owner = owner.rpartition(".")[0]
        inside = str(path.relative_to(ROOT.joinpath(*owner.split(".")))) if owner else ""
        if not owner or not any(fnmatch.fnmatch(inside, p) for p in patterns[owner]):
            missing.append(str(relative))
    assert not missing, missing
