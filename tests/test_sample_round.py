"""The sample round shipped in input_workbooks/ shows every flag and many issue codes."""

from pipeline.jobs.consolidate import Options, analyze
from tests.conftest import AS_OF, ROOT


def test_sample_round_covers_every_flag_and_many_codes() -> None:
    result = analyze(Options(input_dir=ROOT / "input_workbooks", as_of=AS_OF))
    matrix = result.matrix
    for flag in ("vencido", "por_vencer", "sin_responsable", "plazo_impreciso",
                 "sin_indicador"):
        assert matrix[flag].any(), flag
    codes = {i.code for i in result.issues}
    assert codes >= {
        "archivo-omitido", "columna-faltante", "estado-faltante", "estado-desconocido",
        "pilar-desconocido", "tema-fuera-de-lista", "responsable-faltante",
        "responsable-desconocido", "plazo-impreciso", "plazo-invalido", "avance-invalido",
        "indicador-faltante", "id-duplicado", "envio-duplicado", "demasiadas-actividades",
        "archivo-ilegible",
    }
    template_files = {s.archivo for s in result.submissions if s.contacto_nombre}
    official_files = {s.archivo for s in result.submissions
                      if s.estado == "leido" and not s.contacto_nombre}
    assert len(template_files) >= 5 and len(official_files) >= 4
    # Nicaragua's only file arrived truncated: received, unreadable, not "did not send"
    assert not any(s.estado == "no_recibido" for s in result.submissions)
    assert "envio-faltante" not in codes
    refused = {(s.archivo, s.informante) for s in result.submissions
               if s.estado == "rechazado"}
    assert refused == {("Nicaragua.xlsx", "Nicaragua")}
    sent = {s.informante for s in result.submissions if s.estado in {"leido", "reemplazado"}}
    assert sent | {"Nicaragua"} == set(result.ref.esperados)
