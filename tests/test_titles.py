"""Titles as trackers write them (issue 22, docs/contract.md §3.2): the common titles of
action and commitment trackers in Spanish and English, read by their words."""

import pytest

from pipeline.read.header import column_key, find_header, key_reader
from pipeline.read.titles import folded_titles

TRACKER_TITLES = {
    "actividad": ["Action", "Action item", "Actions", "Task", "Commitment",
                  "Compromiso", "Recommendation", "Recomendación", "Medida",
                  "Medidas correctivas", "Descripción", "Action Description",
                  "Recommended action"],
    "responsable": ["Owner", "Action owner", "Lead", "Lead agency", "Person in charge",
                    "PIC", "Accountable", "Responsables", "Responsable(s)",
                    "Unidad responsable", "Área responsable", "Organismo responsable",
                    "Dependencia responsable", "Responsible department", "Resp.",
                    "Champion", "Assigned to", "Responsable de la acción"],
    "plazo": ["Due date", "Due", "Target date", "End date", "Completion date",
              "Target completion date", "Date of completion", "Planned finish date",
              "Fecha límite", "Fecha limíte", "F. límite", "F. Límite", "Fecha de cumplimiento",
              "Fecha fin", "Fecha de término", "Fecha de vencimiento", "Timeline",
              "Original timeline", "Plazo", "Fecha lím."],
    "estado": ["Status", "Current status", "Estado", "Situación", "Estatus", "Estado actual",
               "Commitment status", "2019 Status"],
    "avance": ["Progress", "% avance", "% Complete", "% completado", "Porcentaje",
               "Percent complete", "Porcentaje de avance", "% de ejecución"],
    "observaciones": ["Comments", "Notes", "Remarks", "Action taken", "Actions taken",
                      "Status update", "Progress update", "Obs.", "Comentarios"],
    "id": ["No.", "Nº", "N°", "#", "Item #", "Action ID", "Ref.", "Reference number",
           "No. de acuerdo", "Rec. No.", "Acc. Nº"],
    "responsable_medicion": ["Responsible for measurement", "Responsable de la medición",
                             "Responsables de su medición"],
}


@pytest.mark.parametrize(("key", "title"), [(k, t) for k, ts in TRACKER_TITLES.items()
                                            for t in ts])
def test_a_tracker_title_names_its_column(key: str, title: str) -> None:
    assert column_key(title) == key


@pytest.mark.parametrize("title", [
    "Start date", "Fecha de inicio", "Actual completion date", "Actual finish date",
    "Date opened", "Date raised", "Date closed", "Fecha de registro", "Fecha", "Date",
    "Priority", "Prioridad", "Lead time", "Item", "Date of last update", "Valor", "Evidencias",
    "F.", "Matriz de seguimiento de los compromisos asumidos por la municipalidad en la "
    "audiencia pública de rendición de cuentas del año",
])
def test_a_title_that_is_no_column_names_none(title: str) -> None:
    assert column_key(title) is None


def test_a_tracker_header_is_found_among_its_title_block() -> None:
    rows = [["Action Tracker – Q3 review"], [], ["Ref.", "Action", "PIC", "Target date",
                                                 "% complete", "Status", "Start date"]]
    header = find_header(rows)
    assert header is not None and header.row == 2
    assert header.columns == {"id": 0, "actividad": 1, "responsable": 2, "plazo": 3,
                              "avance": 4, "estado": 5}
    assert header.extras == {"Start date": 6}


def test_the_workspace_titles_come_first() -> None:
    own = folded_titles({"responsable": ["Quién lo hace"], "plazo": ["ETA"],
                         "actividad": ["Punto"]})
    row = ["Punto", "Quién lo hace", "ETA", "Estado"]
    assert find_header([row]) is None
    header = find_header([row], key_reader(own))
    assert header is not None
    assert header.columns == {"actividad": 0, "responsable": 1, "plazo": 2, "estado": 3}


@pytest.mark.parametrize(("title", "key"), [
    ("Due\u200b date", "plazo"),  # a zero-width space pasted in
    ("Re\u00adsponsable", "responsable"),  # a soft hyphen
    ("\u202aStatus\u202c", "estado"),  # bidirectional controls
    ("  OWNER\n", "responsable"),
    ("x" * 10_000, None),
    ("%", "avance"),  # a column titled by its unit: the progress
    ("#", "id"),
    ("...", None),
    (2027, None),
    (None, None),
])
def test_odd_and_hostile_titles(title: object, key: str | None) -> None:
    assert column_key(title) == key


def test_a_row_of_sentences_is_not_a_header() -> None:
    rows = [["Instrucciones: escriba en cada fila la actividad, su responsable, su plazo, "
             "su estado y su avance", "Escriba la fecha límite como 31/12/2027 o T4 2027",
             "El responsable es el país, el grupo o el organismo que la lleva a cabo"]]
    assert find_header(rows) is None
