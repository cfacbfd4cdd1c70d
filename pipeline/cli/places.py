"""Where each command reads and writes when the user does not say: in the workspace
(pipeline.model.workspace), found the same way from any current folder. Without one, a
command says so and how to make one, unless everything it needs was given explicitly; it
never starts a history, nor reads a folder, behind the user's back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pipeline.model.errors import InputFolderMissing, NotAWorkspace, NoWorkspace, RoundFolderMissing
from pipeline.model.rounds import ROUND, checked_round, quarter_of
from pipeline.model.workspace import HISTORY_NAME, Workspace, find_workspace, named_workspace


def workspace(given: Path | None, needed: bool) -> Workspace | None:
    """The workspace, if any; NoWorkspace when `needed` and there is none, NotAWorkspace
    when the folder named is not one."""
    found = find_workspace(given)
    named = named_workspace(given)
    if found is None and named is not None:
        raise NotAWorkspace(str(named))
    if found is None and needed:
        raise NoWorkspace(str(Path.cwd()))
    return found


def config(given: Path | None, ws: Workspace | None) -> Path | None:
    return given or (ws.config if ws else None)


def round_name(given: str | None, config_path: Path | None = None) -> str | None:
    """The round typed, checked against the pattern (2027-T1) or the rounds the
    configuration names in [cierres]: "2027 T1" is told, with a suggestion, not taken as a
    new round. None when none was typed."""
    if not given:
        return None
    known: tuple[str, ...] = ()
    if not ROUND.match(given.strip()):
        from pipeline.reference.load import load_reference

        known = tuple(load_reference(config_path).cierres)
    return checked_round(given.strip(), known)


@dataclass(frozen=True)
class ConsolidatePlaces:
    input_dir: Path
    out_dir: Path | None
    results: Path | None
    history: Path | None
    config: Path | None
    ronda: str | None


def for_consolidate(ws_given: Path | None, input_dir: Path | None, out_dir: Path | None,
                    history: Path | None, config_given: Path | None, ronda: str | None,
                    as_of: dt.date) -> ConsolidatePlaces:
    """The returned files: the folder given, else the workspace's recibidos/<round>. The
    outputs: --out, else the workspace's resultados/<round>. The history: --history, else
    the workspace's, else the one in --out. A folder given that does not exist is told
    first: it is the likelier mistake."""
    if input_dir is not None and not input_dir.is_dir():
        raise InputFolderMissing(str(input_dir))
    ws = workspace(ws_given, needed=input_dir is None or out_dir is None)
    config_path = config(config_given, ws)
    ronda = round_name(ronda, config_path)
    if input_dir is None:
        assert ws is not None
        input_dir = ws.received(ronda or quarter_of(as_of))
        if not input_dir.is_dir():
            raise RoundFolderMissing(str(input_dir))
    if history is None:
        history = ws.history if ws else (out_dir / HISTORY_NAME if out_dir else None)
    return ConsolidatePlaces(input_dir, out_dir, ws.results_root if ws else None, history,
                             config_path, ronda)


def needs(ws: Workspace | None, given: Path | None, place: Path | None) -> Path:
    """A place the user gave, else the workspace's; NoWorkspace when neither is known."""
    if given is not None:
        return given
    if ws is None or place is None:
        raise NoWorkspace()
    return place
