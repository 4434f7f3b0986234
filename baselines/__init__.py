"""The IndoGeoIE baselines, installed as ``indogeoie_baselines``.

Each tagging baseline is one module with one class implementing
:class:`indogeoie.benchmark.types.Tagger`, registered in ``pyproject.toml``
under the entry-point group ``indogeoie.baselines``. The argument rules
(:mod:`indogeoie_baselines.arguments`) add roles to a document's triggers.
"""
