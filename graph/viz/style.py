"""Colour and shape of each class in the views (one table, read by the network and the legend), and
how long a label may be.

Shapes name a family (agents, missions, posts, events, places) and colours tell classes apart.
Only shapes that draw their label below the node are used (``dot``, ``square``, ``diamond``…):
they are the cheap ones to draw at thousands of nodes.

>>> style_of("Embassy")
Style(color='#9467bd', shape='triangle')
>>> style_of("NoSuchClass")
Style(color='#9e9e9e', shape='dot')
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Style", "CLASS_STYLES", "DEFAULT_STYLE", "LABEL_LIMIT", "clip", "style_of"]


class Style(NamedTuple):
    color: str
    shape: str


#: Local name of the class → style. Unknown classes get :data:`DEFAULT_STYLE`.
CLASS_STYLES: dict[str, Style] = {
    "State": Style("#d62728", "star"),
    "Person": Style("#1f77b4", "dot"),
    "InternationalOrganization": Style("#ff7f0e", "hexagon"),
    "AffiliatedInstitution": Style("#ffbb78", "hexagon"),
    "Organization": Style("#e6a100", "hexagon"),
    "GovernmentBody": Style("#8c564b", "hexagon"),
    "DiasporaInstitution": Style("#bcbd22", "hexagon"),
    "CulturalOrganization": Style("#e377c2", "hexagon"),
    "OrganizationalUnit": Style("#c49c94", "hexagon"),
    "DiplomaticMission": Style("#6a3d9a", "triangle"),
    "Embassy": Style("#9467bd", "triangle"),
    "PermanentMission": Style("#c5b0d5", "triangle"),
    "Consulate": Style("#7b4f9d", "triangle"),
    "Post": Style("#2ca02c", "square"),
    "Event": Style("#17becf", "diamond"),
    "Summit": Style("#0b7285", "diamond"),
    "Meeting": Style("#17becf", "diamond"),
    "Session": Style("#9edae5", "diamond"),
    "Concert": Style("#f06595", "diamond"),
    "Training": Style("#66a80f", "diamond"),
    "CulturalEvent": Style("#da77f2", "diamond"),
    "City": Style("#7f7f7f", "triangleDown"),
    "Venue": Style("#b0b0b0", "triangleDown"),
}
DEFAULT_STYLE = Style("#9e9e9e", "dot")


def style_of(cls: str) -> Style:
    """The style of a class given by its local name."""
    return CLASS_STYLES.get(cls, DEFAULT_STYLE)


#: Labels longer than this are clipped (with "…") on the canvas, in tooltips, titles and search
#: names; the details panel keeps the full text.
LABEL_LIMIT = 80


def clip(text: str, limit: int | None = LABEL_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, the last one "…" (``None``: no limit).

    >>> clip("x" * 100, 10)
    'xxxxxxxxx…'
    >>> clip("Astana")
    'Astana'
    """
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
