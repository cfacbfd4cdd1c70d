"""What each command wrote into an output folder (`.seguimiento-archivos.json`), so that a
command removes only files it wrote itself (docs/contract.md §7): a round's outputs of an earlier
run
that this run does not write again, never a file of the user's, nor one changed since.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

MANIFEST_NAME = ".seguimiento-archivos.json"  # what each command wrote here, by set
log = logging.getLogger("seguimiento")


def record_set(out_dir: Path, output_set: str, names: list[str],
               known: Mapping[str, str] | None = None) -> None:
    """Remove the set's files of the previous run that this run did not write, and record
    what this run wrote (name and content digest: a file changed since is not ours to
    remove any more). `known`: digests already taken of some of them (as they were
    written)."""
    manifest = _read_manifest(out_dir)
    previous = manifest.get(output_set, {})
    known = known or {}
    now = {name: known.get(name) or signature(out_dir / name) for name in names}
    for name, digest in sorted(previous.items()):
        if name in now or not own_name(name):
            continue
        path = out_dir / name
        if path.is_symlink() or not path.is_file() or signature(path) != digest:
            log.info("left in place (not written by Seguimiento or changed since): %s", path)
            continue
        path.unlink()
        log.info("removed (no longer part of the outputs): %s", path)
        with contextlib.suppress(OSError):  # the folder it was in, when now empty
            if path.parent != out_dir and not any(path.parent.iterdir()):
                path.parent.rmdir()
    manifest[output_set] = {name: digest for name, digest in now.items() if digest}
    temporary = out_dir / f"{MANIFEST_NAME}.{os.getpid()}"
    try:
        temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, out_dir / MANIFEST_NAME)
    except OSError as exc:  # the outputs are in place: only a later clean-up is missed
        log.warning("could not record the outputs written (%s): %s", exc, out_dir)
        temporary.unlink(missing_ok=True)


def _read_manifest(out_dir: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(n): s for n, s in v.items() if isinstance(s, str)}
            for k, v in data.items() if isinstance(v, dict)}


def own_name(name: str) -> bool:
    """A name this folder's manifest may hold: relative, inside the folder, no `..` (a
    manifest edited by hand never makes a run remove anything outside it)."""
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts and (
        not parts[0].startswith("."))


def signature(path: Path) -> str:
    """The file's content digest ("" when it cannot be read): the same bytes give the
    same manifest, so a run's outputs stay byte-identical."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()
