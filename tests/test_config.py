"""Reference data: the embedded default and a user's TOML over it."""

import datetime as dt
from pathlib import Path

import pytest

from pipeline.model.errors import ConfigError
from pipeline.normalize.matching import Matcher
from pipeline.reference.load import load_reference


def test_default_reference_data(ref) -> None:  # type: ignore[no-untyped-def]
    assert len(ref.paises) == 11 and {p.codigo for p in ref.paises} >= {"BLZ", "DOM", "USA"}
    assert [len(p.temas) for p in ref.pilares] == [9, 11, 15]
    assert [g.nombre for g in ref.grupos] == ["Protección", "Migración irregular y masiva",
                                              "Migración laboral", "Gestión fronteriza"]
    assert [s.clave for s in ref.estados] == ["finalizado", "en_proceso", "pendiente",
                                              "no_alcanzado"]
    assert len(ref.esperados) == 16 and ref.dias_por_vencer == 90


def test_user_config_overrides_and_extends(tmp_path: Path) -> None:
    config = tmp_path / "seguimiento.toml"
    config.write_text("""
[plan]
nombre = "Plan 2023-2026"
inicio = 2023-01-01

[ronda]
dias_por_vencer = 30
informantes_esperados = ["Guatemala", "HND"]

[[estados]]
clave = "en_proceso"
alias = ["avanzando"]

[[responsables]]
nombre = "BID"
en = "IDB"
alias = ["Banco Interamericano de Desarrollo"]
""", encoding="utf-8")
    ref = load_reference(config)
    assert ref.plan.inicio == dt.date(2023, 1, 1) and ref.dias_por_vencer == 30
    assert ref.esperados == ("Guatemala", "Honduras")
    matcher = Matcher(ref)
    assert matcher.status("avanzando").value == "en_proceso"
    assert matcher.status("en curso").value == "en_proceso"  # aliases extended, not lost
    assert matcher.status("finalizado").value == "finalizado"  # other entries kept
    assert [m.value for _, m in matcher.parties("BID; OIM")] == ["BID", "OIM"]


def test_replacing_a_whole_list(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('reemplazar = ["grupos"]\n[[grupos]]\nnombre = "Trata"\ncodigo = "GTT"\n',
                      encoding="utf-8")
    assert [g.nombre for g in load_reference(config).grupos] == ["Trata"]


def test_a_broken_config_says_which_file(tmp_path: Path) -> None:
    config = tmp_path / "roto.toml"
    config.write_text("[plan\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_reference(config)
    assert "roto.toml" in str(caught.value)
    with pytest.raises(ConfigError):
        load_reference(tmp_path / "no-existe.toml")
