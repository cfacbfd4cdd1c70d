"""`seguimiento init`: a new workspace (carpeta de seguimiento) with a commented
configuration in Spanish and English, a description of its layout, and its folders."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from pipeline.model.errors import InsideWorkspace, NotAFolder
from pipeline.model.workspace import CONFIG_NAME, CONTACTS_NAME, Workspace

FOLDERS = ("recibidos", "resultados", "plantillas", "recordatorios", "informes", "registro",
           "correo")


def create_workspace(folder: Path, lang: str = "es") -> tuple[Workspace, bool]:
    """Make `folder` a workspace, and whether it was one already: an existing one keeps its
    configuration, contacts and history (as `git init` does), only what is missing is
    made."""
    if folder.exists() and not folder.is_dir():
        raise NotAFolder(str(folder))
    workspace = Workspace(folder.resolve())
    existed = workspace.config.exists()
    outer = next((p for p in workspace.root.parents if (p / CONFIG_NAME).is_file()), None)
    if outer is not None and not existed:  # a workspace inside another hides the outer one
        raise InsideWorkspace(str(outer))
    folder.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        (folder / name).mkdir(exist_ok=True)
    if not workspace.contacts.exists():
        _contacts(workspace, lang)
    if existed:
        return workspace, True
    package = resources.files("pipeline.reference")
    readme = folder / "LEEME.md"
    if not readme.exists():
        readme.write_text(package.joinpath("LEEME.md").read_text("utf-8"), encoding="utf-8")
    text = package.joinpath("configuracion.toml").read_text("utf-8")
    temporary = folder / f".{CONFIG_NAME}.nuevo"
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(workspace.config)  # last: a half-made workspace is not one
    return workspace, False


def _contacts(workspace: Workspace, lang: str) -> None:
    """The contacts workbook, empty under its titles (written aside, then renamed)."""
    from pipeline.reference.load import load_reference
    from pipeline.template.contacts import write_contacts_book

    config = workspace.config if workspace.config.exists() else None
    temporary = workspace.root / f".{CONTACTS_NAME}.nuevo"
    write_contacts_book(temporary, load_reference(config), lang, dt.date.today())
    temporary.replace(workspace.contacts)
