from indogeoie import schema


def test_label_counts_match_the_specification() -> None:
    assert len(schema.ENTITY_TYPES) == 10
    assert len(schema.EVENT_TYPES) == 16
    assert schema.ROLES == ("Actor", "Recipient", "Location", "Time", "Instrument")
    assert schema.MODALITIES == ("asserted", "negated", "future", "hypothetical")
    assert schema.DEFAULT_MODALITY in schema.MODALITIES


def test_label_names_are_unique_across_layers() -> None:
    names = [*schema.ENTITY_TYPES, *schema.EVENT_TYPES, *schema.ROLES, *schema.MODALITIES]
    assert len(names) == len(set(names))


def test_iob2_tag_lists_are_derived_from_the_types() -> None:
    assert schema.NER_TAGS[0] == "O"
    assert len(schema.NER_TAGS) == 1 + 2 * len(schema.ENTITY_TYPES)
    assert len(schema.TRIGGER_TAGS) == 1 + 2 * len(schema.EVENT_TYPES)
    assert schema.NER_TAGS[1:3] == ("B-PER", "I-PER")


def test_schema_version_is_semver() -> None:
    major, minor, patch = schema.SCHEMA_VERSION.split(".")
    assert all(part.isdigit() for part in (major, minor, patch))


def test_no_label_name_is_typed_outside_the_schema_module() -> None:
    """Every label, role, modality and sector name comes from indogeoie.schema; nowhere else types one."""
    import ast
    from pathlib import Path

    from indogeoie import paths, schema

    names = {*schema.ENTITY_TYPES, *schema.EVENT_TYPES, *schema.ROLES, *schema.MODALITIES, *schema.SECTORS}
    found = []
    for root in (paths.ROOT / "src" / "indogeoie", paths.ROOT / "baselines"):
        for path in sorted(Path(root).rglob("*.py")):
            if path.name == "schema.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
                    found.append(f"{path.relative_to(paths.ROOT)}:{node.lineno}: {node.value!r}")
    assert not found, "label names typed outside the schema:\n" + "\n".join(found)
