"""Cell comments (notes) written faster, to the same bytes xlsxwriter writes.

A feedback workbook marks each cell with a problem by a comment, about twenty a workbook
and two thousand workbooks a round: xlsxwriter writes each comment's VML shape and its
comments-part entry with a dozen generic tag calls, each escaping constant attributes,
which cost a fifth of the feedback workbooks' time. Here each comment is one formatted
text, its variable parts escaped as xlsxwriter escapes them; everything else (the parts'
heads, buttons, header images, the vertices, the package) stays xlsxwriter's.
`tests/test_notes.py` holds the bytes equal to xlsxwriter's own for the version installed.
"""

from __future__ import annotations

from typing import Any

import xlsxwriter
from xlsxwriter.comments import Comments as _Comments
from xlsxwriter.comments import CommentType
from xlsxwriter.packager import Packager
from xlsxwriter.utility import _preserve_whitespace, xl_rowcol_to_cell
from xlsxwriter.vml import Vml as _Vml

# The constant parts of a comment's shape, between its start tag and its anchor.
_SHAPE_BODY = ('<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
               '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
               '<div style="text-align:left"></div></v:textbox>'
               '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>')


class Vml(_Vml):
    """xlsxwriter's VML part, a comment's shape written at once."""

    def _write_comment_shape(self, shape_id: Any, z_index: Any, comment: CommentType) -> None:
        left, top, width, height = self._pixels_to_points(comment.vertices)
        visibility = "visible" if comment.is_visible else "hidden"
        style = (f"position:absolute;margin-left:{left:.15g}pt;margin-top:{top:.15g}pt;"
                 f"width:{width:.15g}pt;height:{height:.15g}pt;z-index:{z_index};"
                 f"visibility:{visibility}")
        fill = self._escape_attributes(comment.color._vml_rgb_hex_value())
        c1, r1, x1, y1, c2, r2, x2, y2 = comment.vertices[:8]
        # (numbers: nothing in them to escape)
        anchor = ", ".join(str(v) for v in (c1, x1, r1, y1, c2, x2, r2, y2))
        visible = "<x:Visible/>" if comment.is_visible else ""
        self.fh.write(
            f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="{style}" '
            f'fillcolor="{fill}" o:insetmode="auto">{_SHAPE_BODY}<x:Anchor>{anchor}</x:Anchor>'
            f"<x:AutoFill>False</x:AutoFill><x:Row>{comment.row}</x:Row>"
            f"<x:Column>{comment.col}</x:Column>{visible}</x:ClientData></v:shape>")


class Comments(_Comments):
    """xlsxwriter's comments part, a comment written at once."""

    def _write_comment(self, comment: CommentType, author_id: int) -> None:
        author = f' authorId="{author_id}"' if author_id != -1 else ""
        space = ' xml:space="preserve"' if _preserve_whitespace(comment.text) else ""
        text = self._escape_control_characters(self._escape_data(comment.text))
        self.fh.write(  # (a cell's name and the numbers: nothing in them to escape)
            f'<comment ref="{xl_rowcol_to_cell(comment.row, comment.col)}"'
            f"{author}><text><r><rPr>"
            f'<sz val="{comment.font_size}"/><color indexed="81"/>'
            f'<rFont val="{self._escape_attributes(comment.font_name)}"/>'
            f'<family val="{comment.font_family}"/></rPr>'
            f"<t{space}>{text}</t></r></text></comment>")


class NotesPackager(Packager):
    """xlsxwriter's packager with the comment parts above (its loops, their classes)."""

    def _write_vml_files(self) -> None:
        index = 1
        for worksheet in self.workbook.worksheets():
            if not worksheet.has_vml and not worksheet.has_header_vml:
                continue
            if worksheet.has_vml:
                vml = Vml()
                vml._set_xml_writer(self._filename(f"xl/drawings/vmlDrawing{index}.vml"))
                vml._assemble_xml_file(worksheet.vml_data_id, worksheet.vml_shape_id,
                                       worksheet.comments_list, worksheet.buttons_list)
                index += 1
            if worksheet.has_header_vml:
                vml = Vml()
                vml._set_xml_writer(self._filename(f"xl/drawings/vmlDrawing{index}.vml"))
                vml._assemble_xml_file(worksheet.vml_header_id,
                                       worksheet.vml_header_id * 1024, None, None,
                                       worksheet.header_images_list)
                self._write_vml_drawing_rels_file(worksheet, index)
                index += 1

    def _write_comment_files(self) -> None:
        index = 1
        for worksheet in self.workbook.worksheets():
            if not worksheet.has_comments:
                continue
            comments = Comments()
            comments._set_xml_writer(self._filename(f"xl/comments{index}.xml"))
            comments._assemble_xml_file(worksheet.comments_list)
            index += 1


class Workbook(xlsxwriter.Workbook):
    """xlsxwriter's workbook, its comments packaged as above."""

    def _get_packager(self) -> Packager:
        return NotesPackager()
