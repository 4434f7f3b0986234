"""IndoGeoIE: entities and PLOVER political events in Indonesian geopolitical news."""

from indogeoie.schema import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "__version__"]
