"""`seguimiento init`: a new workspace (carpeta de seguimiento) with a commented
configuration in Spanish and English, a description of its layout, and its folders."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pipeline.model.errors import NotAFolder
from pipeline.model.workspace import CONFIG_NAME, Workspace

FOLDERS = ("recibidos", "resultados", "plantillas", "recordatorios", "informes", "registro")


def create_workspace(folder: Path) -> tuple[Workspace, bool]:
    """Make `folder` a workspace, and whether it was one already: an existing one keeps its
    configuration and history (as `git init` does), only missing subfolders are made."""
    if folder.exists() and not folder.is_dir():
        raise NotAFolder(str(folder))
    workspace = Workspace(folder.resolve())
    existed = workspace.config.exists()
    folder.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        (folder / name).mkdir(exist_ok=True)
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
