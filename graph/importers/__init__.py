"""Importers: public structured sources into data files of the curated shape.

* :mod:`.embassies_csv` reads and checks the database-of-embassies table;
* :mod:`.polities` maps the table's states to the project's state IRIs (ISO 3166-1 alpha-3);
* :mod:`.curated` reads the entities already in ``data/`` so that imports reuse their IRIs;
* :mod:`.embassies` turns the table into missions, cities and states (``tkg import embassies``);
* :mod:`.cldr` names every state and the capitals of the eight from Unicode CLDR (``tkg import cldr-names``);
* :mod:`.trig` writes triples as sorted, byte-reproducible TriG.
"""
