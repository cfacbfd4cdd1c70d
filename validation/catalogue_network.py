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
}
