"""The generated Label Studio config and import tasks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from label_studio_sdk.label_interface import LabelInterface

from indogeoie import paths, schema
from indogeoie.formats.articles import Article
from indogeoie.formats.labelstudio_config import labeling_config
from indogeoie.formats.labelstudio_tasks import tasks_json


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


def test_tasks_carry_cleaned_text_doc_id_and_provenance(corpus: list[Article]) -> None:
    tasks = json.loads(paths.TASKS_JSON.read_text(encoding="utf-8"))
    assert paths.TASKS_JSON.read_text(encoding="utf-8") == tasks_json(corpus)
    assert [t["data"]["doc_id"] for t in tasks] == sorted(a.doc_id for a in corpus)
    for task, article in zip(tasks, sorted(corpus, key=lambda a: a.doc_id)):
        assert task["data"]["text"] == article.text
        assert task["meta"]["sha256"] == article.meta.sha256
        assert task["meta"]["language"] == "ind"
        assert task["meta"]["schema_version"] == schema.SCHEMA_VERSION
        for start, end, rule in task["meta"]["cleaning_drops"]:
            assert 0 <= start < end <= len(article.cleaned.raw) and rule
