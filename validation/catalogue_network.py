"""The network's words an issue's message may name, as an issue made without them says
them: the product gives each issue its own network's (pipeline.reference.data.Reference
.in_network)."""

from __future__ import annotations

NETWORK_WORDS: dict[str, tuple[str, str]] = {
    "responsables": ("un país, un grupo, una organización", "a country, a group, an organization"),
    "informantes": ("un informante conocido", "a known reporter"),
    "de_red": ("de la red", "of the network"),
    "ejemplo": ("Informante", "Reporter"),
    "partes": ("un país, un grupo, una organización", "a country, a group, an organization"),
    "grupo": ("grupo", "group"),
    "grupos": ("grupos", "groups"),
    "lista_grupos": ("uno de los grupos de la red", "one of the network's groups"),
    "estados": ("Finalizado, En proceso, Pendiente o No alcanzado",
                "Completed, In progress, Not started or Not achieved"),
}

# The forms of a deadline the advice names: a plan's years only while the configured plan
# is in force (once it has ended, a plan year written is not counted as overdue:
# plazo-plan-terminado). Keyed by whether it has ended; an issue made without them says
# the first.
PLAN_WORDS: dict[bool, dict[str, tuple[str, str]]] = {
    False: {"ejemplos_plazo": (", 2027 o 2do año", ", 2027 or year 2"),
            "formas_plazo": (", un año (2027) o un año del plan (2do año)",
                             ", a year (2027) or a plan year (year 2)")},
    True: {"ejemplos_plazo": (" o 2027", " or 2027"),
           "formas_plazo": (" o un año (2027)", " or a year (2027)")},
}
