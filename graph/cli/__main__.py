"""``python -m graph.cli`` runs the ``tkg`` command."""

from . import main

main(prog_name="tkg")
