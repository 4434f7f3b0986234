"""The generated Label Studio config."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from label_studio_sdk.label_interface import LabelInterface

from indogeoie import paths, schema
from indogeoie.formats.labelstudio_config import KEY_RULES, instructions_html, labeling_config


def test_config_parses_and_holds_exactly_the_schema_labels() -> None:
    config = paths.CONFIG_XML.read_text(encoding="utf-8")
    interface = LabelInterface(config)
    controls = {c.name: c for c in interface.controls}
    assert set(controls) == {schema.ENTITY_CONTROL, schema.TRIGGER_CONTROL, schema.MODALITY_CONTROL}
    assert controls[schema.ENTITY_CONTROL].tag == "Labels"
    assert tuple(controls[schema.ENTITY_CONTROL].labels) == schema.ENTITY_TYPES
    assert tuple(controls[schema.TRIGGER_CONTROL].labels) == schema.EVENT_TYPES
    modality = controls[schema.MODALITY_CONTROL]
    assert modality.tag == "Choices" and modality.attr["perRegion"] == "true"
    assert tuple(modality.labels) == schema.MODALITIES
    relations = ET.fromstring(config).find("Relations")
    assert relations is not None
    assert tuple(r.attrib["value"] for r in relations) == schema.ROLES
    assert [o.name for o in interface.objects] == [schema.TEXT_OBJECT]


def test_committed_config_is_the_generated_one() -> None:
    assert paths.CONFIG_XML.read_text(encoding="utf-8") == labeling_config()
    assert schema.SCHEMA_VERSION in labeling_config()


def test_modality_is_required_per_trigger_and_the_instructions_carry_the_key_rules() -> None:
    modality = ET.fromstring(labeling_config()).find(".//Choices")
    assert modality is not None and modality.attrib["required"] == "true" and modality.attrib["perRegion"] == "true"
    instructions = instructions_html()
    assert all(html.escape(rule) in instructions for rule in KEY_RULES)
    assert "FROM the trigger TO the entity" in instructions and "GUIDELINES.md" in instructions
