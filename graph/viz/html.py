"""The self-contained HTML page of a view, and writing it.

pyvis renders the page (``generate_html`` with ``cdn_resources="in_line"``), but with the
project's own template ``graph/templates/view.html``: vis-network's script and style are inlined
from pyvis's package, nothing is fetched (no CDN, no Bootstrap; a Content-Security-Policy forbids
any request), so the page works opened from disk. The template's Jinja environment autoescapes;
node and edge data go through ``tojson``. The page is written as UTF-8 through
:func:`graph.fileio.write_atomic` (pyvis's ``write_html`` would use the locale's encoding).
"""

from __future__ import annotations

from pathlib import Path

import pyvis
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from ..fileio import write_atomic

__all__ = ["TEMPLATE_DIR", "TEMPLATE", "generate_html", "write_view"]

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = "view.html"
_PYVIS_TEMPLATES = Path(pyvis.__file__).resolve().parent / "templates"


def generate_html(net: Network, *, title: str, subtitle: str = "", index_href: str | None = None,
                  template: str = TEMPLATE) -> str:
    """The page of ``net`` as text. ``title`` and ``subtitle`` are plain text (escaped here);
    ``index_href`` is a relative link to the index page, if any; ``template`` a page template of
    ``graph/templates`` (the diplomacy view has its own)."""
    if net.cdn_resources != "in_line":
        raise ValueError("views inline their scripts: build the network with cdn_resources='in_line'")
    net.path = template
    net.template_dir = str(TEMPLATE_DIR)
    env = Environment(loader=FileSystemLoader([str(TEMPLATE_DIR), str(_PYVIS_TEMPLATES)]), autoescape=True)
    env.globals.update(page_title=title, subtitle=subtitle, index_href=index_href)
    net.templateEnv = env
    return net.generate_html(name=template)


def write_view(net: Network, path: Path, *, title: str, subtitle: str = "", index_href: str | None = None,
               template: str = TEMPLATE) -> Path:
    """Write the page of ``net`` to ``path`` (UTF-8, atomically) and return the path."""
    write_atomic(path, generate_html(net, title=title, subtitle=subtitle, index_href=index_href, template=template))
    return path
