"""`seguimiento init`: a new workspace (carpeta de seguimiento) with a commented
configuration in Spanish and English, the network's profile (red.toml, a copy of a shipped
one or of the user's, checked first), a description of its layout, and its folders."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.model.errors import InsideWorkspace, NotAFolder, UnknownNetwork
from pipeline.model.workspace import CONFIG_NAME, CONTACTS_NAME, Workspace
from pipeline.reference.network import DEFAULT, PROFILE_NAME, PROFILES, profile_source

if TYPE_CHECKING:  # (the reference's modules are loaded when a workspace is made)
    from pipeline.reference.data import Reference

FOLDERS = ("recibidos", "resultados", "plantillas", "recordatorios", "informes", "registro",
           "correo")


def create_workspace(folder: Path, lang: str = "es",
                     red: str | None = None) -> tuple[Workspace, bool]:
    """Make `folder` a workspace, and whether it was one already: an existing one keeps its
    configuration, profile, contacts and history (as `git init` does), only what is
    missing is made. `red` names the network's profile (crm, mecanismo or a file; crm
    when not given); a workspace made before profiles reads the shipped default."""
    if folder.exists() and not folder.is_dir():
        raise NotAFolder(str(folder))
    profile, chosen = _profile(red or DEFAULT)
    workspace = Workspace(folder.resolve())
    existed = workspace.config.exists()
    outer = next((p for p in workspace.root.parents if (p / CONFIG_NAME).is_file()), None)
    if outer is not None and not existed:  # a workspace inside another hides the outer one
        raise InsideWorkspace(str(outer))
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / PROFILE_NAME).exists() and not existed:
        (folder / PROFILE_NAME).write_text(profile, encoding="utf-8")
    for name in FOLDERS:
        (folder / name).mkdir(exist_ok=True)
    if not workspace.contacts.exists():  # of the workspace's network (its own if it has one)
        _contacts(workspace, lang, _own_reference(workspace) if existed else chosen)
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


def keeps_other_network(workspace: Workspace, red: str) -> bool:
    """Whether an existing workspace's profile is not the one `red` names (init keeps it)."""
    own = workspace.root / PROFILE_NAME
    return own.is_file() and own.read_text("utf-8") != _profile(red)[0]


def _profile(red: str) -> tuple[str, Reference]:
    """The text of the profile `red` names and its reference, read and checked whole
    before anything is made (a wrong one is a ConfigError that says where and what)."""
    from pipeline.reference.load import load_reference

    source = profile_source(red)
    if source is None:
        raise UnknownNetwork((f"{red} (crm, mecanismo, …/red.toml)",
                              f"{red} ({', '.join(PROFILES)}, …/profile.toml)"))
    return source.read_text("utf-8-sig"), load_reference(None, source)


def _own_reference(workspace: Workspace) -> Reference:
    """An existing workspace's reference: its configuration and profile."""
    from pipeline.reference.load import load_reference

    return load_reference(workspace.config)


def _contacts(workspace: Workspace, lang: str, ref: Reference) -> None:
    """The contacts workbook of the network of `ref`, empty under its titles (written
    aside, then renamed)."""
    from pipeline.template.contacts import write_contacts_book

    temporary = workspace.root / f".{CONTACTS_NAME}.nuevo"
    write_contacts_book(temporary, ref, lang, dt.date.today())
    temporary.replace(workspace.contacts)
