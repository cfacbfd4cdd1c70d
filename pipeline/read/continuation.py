"""Rows that only continue the item above (docs/contract.md §3.2): a tracker whose text ran
on into the next row ("…and the Ministry of" | "Water"), or lists a second party under the
first. Such a row has no activity, id, deadline, status or progress of its own, only the
rest of the item's texts; it belongs to the item right above it: its texts are joined to
the item's (on a new line), and it is not an item of its own, nor an error."""

from __future__ import annotations

from pipeline.model.values import read_text

# A row with any of these is an item of its own (one without its activity is flagged).
OWN = ("id", "actividad", "plazo", "estado", "avance")


def join_continuations(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """`records` with each row that continues the one above joined to it."""
    joined: list[dict[str, object]] = []
    for record in records:
        above = joined[-1] if joined else None
        if above is not None and _continues(record, above):
            _join(above, record)
        else:
            joined.append(record)
    for record in joined:
        record.pop("_hasta", None)
    return joined


def _continues(record: dict[str, object], above: dict[str, object]) -> bool:
    if record.get("_fila") != _last_row(above) + 1:
        return False
    if any(_says(record.get(key)) for key in OWN if key in record):
        return False
    extras, kept = _extras(record), _extras(above)
    return any(_new_text(value, above.get(key)) for key, value in _texts(record)) or any(
        _new_text(value, kept.get(title)) for title, value in extras.items())


def _join(above: dict[str, object], record: dict[str, object]) -> None:
    for key, value in _texts(record):
        if _new_text(value, above.get(key)):
            before = read_text(above.get(key))
            above[key] = f"{before}\n{read_text(value)}" if before else value
    kept = above.setdefault("_extra", {})
    if isinstance(kept, dict):
        for title, value in _extras(record).items():
            if _new_text(value, kept.get(title)):
                before = read_text(kept.get(title))
                kept[title] = f"{before}\n{read_text(value)}" if before else value
    above["_hasta"] = record.get("_fila")


def _texts(record: dict[str, object]) -> list[tuple[str, object]]:
    """The record's own columns' values (not its extras)."""
    return [(k, v) for k, v in record.items() if not k.startswith("_") and read_text(v)]


def _extras(record: dict[str, object]) -> dict[str, object]:
    extras = record.get("_extra")
    return extras if isinstance(extras, dict) else {}


def _says(value: object) -> bool:
    """Whether `read_text(value)` is not blank: at once for a text beginning with a letter
    or a digit (cleaning a text never removes one), most rows' id or activity."""
    if value.__class__ is str and value[:1].isalnum():
        return True
    return bool(read_text(value))


def _new_text(value: object, before: object) -> bool:
    """Whether `value` says something the item does not (a merged cell repeats it)."""
    text = read_text(value)
    return bool(text) and text != read_text(before)


def _last_row(record: dict[str, object]) -> int:
    last = record.get("_hasta", record.get("_fila"))
    return last if isinstance(last, int) else -2
