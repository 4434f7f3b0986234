"""The generated tables of ``annotations/GUIDELINES.md``.

The guidelines' prose is written by hand; the label tables come from the
schema. Each table sits between markers that :func:`render_guidelines`
rewrites::

    <!-- BEGIN GENERATED: entity-types -->
    | Label | Definition | Examples |
    ...
    <!-- END GENERATED: entity-types -->
"""

from __future__ import annotations

import re
from pathlib import Path

from indogeoie.errors import IndoGeoIEError, Problem
from indogeoie.schema import (
    ENTITY_DEFS,
    EVENT_DEFS,
    EVENT_ONTOLOGY,
    MODALITY_DEFS,
    ROLE_DEFS,
    SCHEMA_VERSION,
    LabelDef,
)

_MARKER = re.compile(
    r"(<!-- BEGIN GENERATED: (?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- END GENERATED: (?P=name) -->)",
    re.DOTALL,
)


def _table(defs: tuple[LabelDef, ...], first_column: str) -> str:
    rows = [f"| {first_column} | Definition | Examples |", "| --- | --- | --- |"]
    for label in defs:
        examples = ", ".join(f"*{e}*" for e in label.examples)
        rows.append(f"| `{label.name}` | {label.definition} | {examples} |")
    return "\n".join(rows) + "\n"


def generated_sections() -> dict[str, str]:
    """The body of every generated section, by marker name."""
    return {
        "schema-version": f"Schema version **{SCHEMA_VERSION}**; event types from **{EVENT_ONTOLOGY}**.\n",
        "entity-types": _table(ENTITY_DEFS, "Entity type"),
        "event-types": _table(EVENT_DEFS, f"Event type ({EVENT_ONTOLOGY})"),
        "roles": _table(ROLE_DEFS, "Role"),
        "modality": _table(MODALITY_DEFS, "Modality"),
    }


def render_guidelines(markdown: str, *, source: str = "GUIDELINES.md") -> str:
    """Return ``markdown`` with every generated section replaced from the schema.

    Args:
        markdown: the current guidelines.
        source: its file name, for error messages.
    """
    sections = generated_sections()
    found = {m.group("name") for m in _MARKER.finditer(markdown)}
    missing = sorted(set(sections) - found)
    if missing:
        raise IndoGeoIEError(
            Problem(f"missing generated sections {missing}; expected markers "
                    "'<!-- BEGIN GENERATED: name -->' ... '<!-- END GENERATED: name -->'",
                    file=source)
        )
    unknown = sorted(found - set(sections))
    if unknown:
        raise IndoGeoIEError(Problem(f"unknown generated sections {unknown}", file=source))
    return _MARKER.sub(lambda m: m.group(1) + sections[m.group("name")] + m.group(4), markdown)


def config_outputs(*, config_xml: Path, guidelines: Path, dataset_info: Path) -> dict[Path, str]:
    """The files ``indogeoie config`` generates from the schema.

    The labeling config, the guidelines with fresh tables, and the dataset card's features entries.
    """
    from indogeoie.formats.hf_features import dataset_info_json
    from indogeoie.formats.labelstudio_config import labeling_config

    wanted = {config_xml: labeling_config(), dataset_info: dataset_info_json()}
    if guidelines.exists():
        wanted[guidelines] = render_guidelines(guidelines.read_text(encoding="utf-8"), source=str(guidelines))
    return wanted
