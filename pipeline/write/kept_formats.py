"""A feedback workbook's formats and its styles part, made once per process and given
again to each of a round's 2,000 workbooks that asks for the same.

Formats. xlsxwriter makes each format by setting every property through its method and
then its key, about 14 µs, and a feedback workbook makes about fifteen. Here a format is
made once per process for each set of properties (up to `KEPT_FORMATS`) and copied into
each workbook that asks for it: the copy is the workbook's own, in its list and numbered
in it as `add_format`'s would be. A property set on a copy afterwards (`set_bold()`...)
forgets what it was copied from, and its key is made again when it is first numbered.

The styles part (`xl/styles.xml`: fonts, fills, borders, number formats, each cell
style) is, in a workbook assembled in memory, a function of the formats it numbered, in
the order it numbered them, and of whether it has comments (their font): when each of
them is a copy still as it was made, the properties they were made from, in that order,
name the part. xlsxwriter prepared each format's fonts, fills and borders and assembled
the part again for every workbook, about 0.24 ms; here it is assembled the first time
and given again (up to `KEPT_STYLES` parts per process). `tests/test_package.py` holds
such parts, and `tests/test_skeleton.py` a round's feedback workbooks, byte for byte
xlsxwriter's own."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.packager import Packager

from pipeline.write import notes

KEPT_FORMATS = 256  # per process: formats made once, copied into each workbook
KEPT_STYLES = 64  # per process: styles parts, each of one sequence of formats
_FORMATS: dict[tuple[object, ...], Format] = {}
_STYLES: dict[Hashable, str] = {}
# What xlsxwriter sets on a format as it numbers it in a workbook: no property of its key.
_NOT_IN_KEY = frozenset({"_format_key", "xf_index", "dxf_index", "xf_format_indices",
                         "dxf_format_indices", "font_index", "has_font", "has_dxf_font",
                         "num_format_index", "border_index", "has_border", "has_dxf_border",
                         "fill_index", "has_fill", "has_dxf_fill"})


class Workbook(notes.Workbook):
    """xlsxwriter's workbook (its comments written as `notes` writes them), its formats
    copied from ones made once per process and, assembled in memory, its styles part
    given again when its formats are the same."""

    styles_key: Hashable | None = None  # (set as the workbook is assembled)

    def add_format(self, properties: dict[str, Any] | None = None) -> Format:
        """xlsxwriter's `add_format`, the format copied from one made before with the same
        properties (the module's note)."""
        try:
            key = (tuple((properties or {}).items()),
                   tuple(self.default_format_properties.items()))
            made = _FORMATS.get(key)
        except TypeError:  # (a property's value that cannot be a key: made as usual)
            return super().add_format(properties)
        if made is None:
            if len(_FORMATS) >= KEPT_FORMATS:
                return super().add_format(properties)
            made = _FORMATS[key] = Format({**self.default_format_properties,
                                           **(properties or {})})
            made._get_format_key()  # (kept with it)
        copied = _Copied.__new__(_Copied)
        copied.__dict__.update(made.__dict__)
        copied.__dict__["made_from"] = key
        copied.xf_format_indices = self.xf_format_indices
        copied.dxf_format_indices = self.dxf_format_indices
        self.formats.append(copied)
        return copied

    def _prepare_format_properties(self) -> None:
        """xlsxwriter's, which orders the formats the workbook numbered and prepares their
        fonts, fills and borders for the styles part: only the ordering when that part is
        kept (nothing else reads what the rest prepares)."""
        self._prepare_formats()
        self.styles_key = self._styles_key()
        if self.styles_key is None or self.styles_key not in _STYLES:
            super()._prepare_format_properties()

    def _styles_key(self) -> Hashable | None:
        """What names the styles part: the properties each numbered format was made
        from, in order, and whether there are comments; None when a format is not a copy
        as it was made, or the workbook is not assembled in memory."""
        if not self.in_memory or self.palette or self.custom_colors:
            return None
        made = []
        for formats in (self.xf_formats, self.dxf_formats):
            keys = tuple(getattr(f, "made_from", None) for f in formats)
            if None in keys:
                return None
            made.append(keys)
        return made[0], made[1], self.has_comments

    def _get_packager(self) -> Packager:
        return _Packager()


class _Packager(notes.NotesPackager):
    """The packager, its styles part given again when kept under the workbook's key."""

    workbook: Workbook

    def _write_styles_file(self) -> None:
        key = self.workbook.styles_key
        if key is None:
            super()._write_styles_file()
            return
        kept = _STYLES.get(key)
        if kept is not None:
            self._filename("xl/styles.xml").write(kept)
            return
        super()._write_styles_file()
        if len(_STYLES) < KEPT_STYLES:
            _STYLES[key] = self.filenames[-1][0].getvalue()  # (its text, in memory)


class _Copied(Format):
    """A format copied as it was made (`Workbook.add_format`): a property set on it
    afterwards (`set_bold()`...) forgets its key, made again when the format is first
    numbered, as xlsxwriter's own format's would be then, and what it was made from."""

    def __setattr__(self, name: str, value: object) -> None:
        if name not in _NOT_IN_KEY:
            self.__dict__["_format_key"] = None
            self.__dict__["made_from"] = None
        self.__dict__[name] = value
