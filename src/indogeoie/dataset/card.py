"""The dataset card, ``dataset/README.md``: every number from the data being written, every label from the schema.

The YAML header declares the configs, their data files and features (which
``datasets`` reads offline), the licences and the source datasets; the body
describes loading, fields, splits, statistics per split and per source,
labels, annotation, agreement, licences and citations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from indogeoie.dataset.release import ANNOTATION_LICENCE_INDOSUM, ANNOTATION_LICENCE_SEED, citation
from indogeoie.dataset.splits import N_FOLDS, SPLIT_SEED, SPLITS
from indogeoie.formats import indosum
from indogeoie.formats.hf import CONFIGS, data_file
from indogeoie.schema import (
    ENTITY_DEFS,
    ENTITY_TYPES,
    EVENT_DEFS,
    EVENT_ONTOLOGY,
    EVENT_TYPES,
    MODALITY_DEFS,
    ROLE_DEFS,
    SCHEMA_VERSION,
    LabelDef,
)


@dataclass(frozen=True)
class SplitStats:
    """Counts of a set of documents."""

    documents: int = 0
    sentences: int = 0
    tokens: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    arguments: int = 0

    def __add__(self, other: SplitStats) -> SplitStats:
        return SplitStats(self.documents + other.documents, self.sentences + other.sentences,
                          self.tokens + other.tokens, self.entities + other.entities, self.events + other.events,
                          self.arguments + other.arguments)


@dataclass(frozen=True)
class SourceSummary:
    """One source of the corpus as the card describes it."""

    name: str
    documents: int
    pending: int
    first_date: str | None
    last_date: str | None
    undated: int
    licence: str


@dataclass(frozen=True)
class CardInputs:
    """What the card says beyond the counts of the data files."""

    version: str
    changelog: str
    built_from: str
    sources: tuple[SourceSummary, ...] = ()
    pending: tuple[str, ...] = ()
    agreement_lines: tuple[str, ...] = ()
    selection_line: str | None = None


def card_yaml(splits_present: dict[str, list[str]], fingerprint: str, *, version: str,
              documents: int, dataset_info: list[dict[str, Any]]) -> str:
    """The YAML header: metadata, licences, ``configs`` with their data files and ``dataset_info``.

    ``dataset_info`` is the features entries (:func:`indogeoie.formats.hf_features.stored_dataset_info`).
    """
    header: dict[str, Any] = {
        "pretty_name": "IndoGeoIE",
        "language": ["id"],
        "license": ["cc-by-sa-4.0", "cc-by-4.0", "other"],
        "license_details": (f"IndoSum texts and the annotations made on them: {ANNOTATION_LICENCE_INDOSUM}. Seed "
                            f"articles: annotations {ANNOTATION_LICENCE_SEED}; their texts belong to their "
                            "publishers. Each document's metadata.licence says which applies."),
        "multilinguality": "monolingual",
        "size_categories": ["n<1K"],
        "source_datasets": ["original", "extended|indosum"],
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["event-extraction", "plover", "political-events", "indonesian", "label-studio"],
        "configs": [
            {
                "config_name": config,
                "version": version,
                **({"default": True} if config == "ner" else {}),
                "data_files": [{"split": split, "path": data_file(config, split, fingerprint)}
                               for split in splits_present[config]],
            }
            for config in CONFIGS
        ],
        "dataset_info": dataset_info,
    }
    if documents >= 1000:
        header["size_categories"] = ["1K<n<10K"]
    return "---\n" + yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100) + "---\n"


def _label_table(defs: tuple[LabelDef, ...], title: str) -> list[str]:
    return [f"| {title} | Definition |", "| --- | --- |", *[f"| `{d.name}` | {d.definition} |" for d in defs], ""]


def _stats_table(stats: dict[str, SplitStats]) -> list[str]:
    splits = list(stats)
    lines = ["| | " + " | ".join(splits) + " | total |", "| --- " * (len(splits) + 2) + "|"]

    def row(name: str, values: list[int]) -> None:
        lines.append(f"| {name} | " + " | ".join(f"{v:,}" for v in values) + f" | {sum(values):,} |")

    row("documents", [stats[s].documents for s in splits])
    row("sentences", [stats[s].sentences for s in splits])
    row("tokens", [stats[s].tokens for s in splits])
    row("entity mentions", [sum(stats[s].entities.values()) for s in splits])
    for name in ENTITY_TYPES:
        row(f"&nbsp;&nbsp;{name}", [stats[s].entities[name] for s in splits])
    row("events", [sum(stats[s].events.values()) for s in splits])
    for name in EVENT_TYPES:
        row(f"&nbsp;&nbsp;{name}", [stats[s].events[name] for s in splits])
    row("arguments", [stats[s].arguments for s in splits])
    return lines + [""]


def _source_table(sources: tuple[SourceSummary, ...], by_source: dict[tuple[str, str], SplitStats]) -> list[str]:
    lines = ["| source | annotated | pending | published | train | validation | test | tokens | licence |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in sources:
        per_split = [by_source.get((s.name, split), SplitStats()) for split in SPLITS]
        dates = f"{s.first_date} to {s.last_date}" if s.first_date else "unknown"
        if s.undated:
            dates += f" ({s.undated} undated)"
        lines.append(f"| {s.name} | {s.documents - s.pending} | {s.pending} | {dates} | "
                     + " | ".join(str(p.documents) for p in per_split)
                     + f" | {sum(p.tokens for p in per_split):,} | {s.licence} |")
    return lines + [""]


def _body(inputs: CardInputs, stats: dict[str, SplitStats], by_source: dict[tuple[str, str], SplitStats],
          fingerprint: str) -> list[str]:
    total = sum(stats.values(), SplitStats())
    lines = ["# IndoGeoIE", "",
             f"Named entities and political events in Indonesian international-politics news: 10 entity types, the "
             f"16 event types of {EVENT_ONTOLOGY} with their arguments (Actor, Recipient, Location, Time, "
             f"Instrument) and modality. This build holds {total.documents:,} annotated documents, "
             f"{total.tokens:,} tokens, {sum(total.entities.values()):,} entity mentions and "
             f"{sum(total.events.values()):,} events.", "",
             f"* Dataset version **{inputs.version}** (label schema {SCHEMA_VERSION}); see CHANGELOG.md.",
             f"* Built by `indogeoie build` from `{inputs.built_from}`; `indogeoie build --check` verifies that "
             "this folder is exactly what the annotations give.",
             f"* Content fingerprint (sha256 of the data files): `{fingerprint}`.", ""]
    if inputs.pending:
        lines += [f"**{len(inputs.pending)} document(s) of the corpus are still pending annotation** and are not "
                  "in any split: " + ", ".join(f"`{d}`" for d in inputs.pending[:20])
                  + (" ..." if len(inputs.pending) > 20 else "") + ".", ""]
    lines += ["## Loading", "", "```python", "from datasets import load_dataset", "",
              'ner = load_dataset("path/to/dataset", "ner")          # sentences, IOB2 entity tags',
              'events = load_dataset("path/to/dataset", "events")    # sentences, IOB2 trigger tags, events',
              'docs = load_dataset("path/to/dataset", "documents")   # articles, SEACrowd/BigBIO kb shape',
              'names = ner["train"].features["ner_tags"].feature.names', "",
              f"# Cross-validation: fold k (0 to {N_FOLDS - 1}) holds out the documents whose `fold` is k.",
              "from datasets import concatenate_datasets",
              "every = concatenate_datasets([ner[s] for s in ner])",
              'train_k = every.filter(lambda row: row["fold"] != 0)',
              'test_k = every.filter(lambda row: row["fold"] == 0)', "```", "",
              "No loading script: the configs and features are declared in this card's YAML, which `datasets` "
              "reads offline.", "",
              "## Configurations", "",
              "All rows are keyed by stable ids: `doc_id`, the sentence index and character offsets into the "
              "document's `text` (end-exclusive, also for sentences and tokens).", "",
              "* `ner`: one row per sentence: `id` (`<doc_id>-<sentence index>`), `doc_id`, `sentence_index`, "
              "`start`, `end`, `fold`, `tokens`, `token_starts`, `token_ends`, `ner_tags` (IOB2, ClassLabel).",
              "* `events`: the same sentence columns, `trigger_tags` (IOB2 over the 16 event types, ClassLabel) and "
              "`events`: each event's `id`, `type`, `modality`, `trigger` (text, document offsets, token range in "
              "the sentence) and `arguments` (role, `ref_id` of the entity, its type, text and document offsets, "
              "`in_sentence`; `token_start`/`token_end` are -1 for an argument outside the sentence).",
              "* `documents`: one row per article: `text`, `metadata` (source, licence, outlet, publication date "
              "and whether it was inferred, URL, language, sha256 of the source file or record, and for IndoSum "
              "articles the `provenance`: repository, commit, file, line and record id), `entities` "
              "`[{id, type, text, offsets, normalized}]` and `events` `[{id, type, modality, trigger {text, "
              "offsets}, arguments [{role, ref_id}]}]`: the SEACrowd/BigBIO *kb* shape. Ids are unique across the "
              "dataset (`<doc_id>-<region id>`).", "",
              "Actors: an entity's kb `normalized` list holds its country (`db_name` `ISO3166-1-alpha-3`, or "
              "`IndoGeoIE-IGO` for an international body) and its sector (`PLOVER-sector`: GOV, MIL, COP, REB, "
              "PTY, IGO, NGO, MED, BUS, REL) where the actor table of the repository (`annotations/actors/`: "
              "aliases, per-document overrides, IGO codes, coded by reading each mention's contexts) or a country "
              "name in pycountry's ISO 3166-1 data covers it.", "",
              "PLOVER records: `plover/events.jsonl` holds one PLOVER 2.0 record per gold event that has every "
              "required field (date, actor with a country, recipient where the event type needs one); "
              "`plover/incomplete.jsonl` holds the others, each with the list of what it lacks.", "",
              "Tokens and sentences: for IndoSum articles, IndoSum's own (the text is its tokens joined by single "
              "spaces); for the seed articles, spaCy's Indonesian tokenizer (`spacy.blank(\"id\")`) with the "
              "project's rules. Tags are derived from the character offsets, never the reverse.", "",
              "Data files are JSON Lines: byte-for-byte reproducible and typed by the features in this card. "
              "Their names end with the content fingerprint, so that `datasets`, which caches a local folder by "
              "its data file names, loads a rebuilt dataset afresh.", "",
              "## Splits", "",
              "Splits are by document and were frozen before any IndoSum article was annotated "
              f"(`annotations/splits.tsv` in the repository; seed {SPLIT_SEED}). The seed articles are train, "
              "because the annotation guidelines quote them. The IndoSum articles were ordered by outlet and "
              "date and dealt in blocks of 20 into 11 train, 3 validation and 6 test places, which stratifies by "
              f"outlet and date. Every document also has a `fold` (0 to {N_FOLDS - 1}) for document-level "
              "cross-validation, dealt the same way over all documents.", "",
              "## Sources", ""]
    lines += _source_table(inputs.sources, by_source)
    if inputs.selection_line:
        lines += [inputs.selection_line, ""]
    lines += ["## Statistics", ""]
    lines += _stats_table(stats)
    lines += ["## Labels", ""]
    lines += _label_table(ENTITY_DEFS, "Entity type")
    lines += _label_table(EVENT_DEFS, f"Event type ({EVENT_ONTOLOGY})")
    lines += _label_table(ROLE_DEFS, "Role")
    lines += _label_table(MODALITY_DEFS, "Modality")
    lines += ["The full annotation guidelines, with boundary rules and hard cases, are `annotations/GUIDELINES.md` "
              "in the IndoGeoIE repository.", "",
              "## Annotation", "",
              "Each article was read in full and annotated against the guidelines; no model, baseline or string "
              "matching placed a label, and annotators saw no pre-annotations. The annotators were AI assistants "
              "working from the guidelines and the article text alone; see DATASHEET.md in the repository.", ""]
    lines += [*inputs.agreement_lines, ""] if inputs.agreement_lines else []
    lines += ["## Licence", "",
              f"* IndoSum articles: the texts come from IndoSum, released under {ANNOTATION_LICENCE_INDOSUM}; the "
              f"annotations made on them are released under {ANNOTATION_LICENCE_INDOSUM} too (share-alike). "
              "Copyright in the news texts stays with their outlets.",
              f"* Seed articles: the annotations are released under {ANNOTATION_LICENCE_SEED}; the texts are the "
              "work of their publishers, their licence is not known to the project, and they are included only so "
              "that the annotations can be read and reproduced for research.",
              "* Each document's `metadata.licence` names the licence that applies to it.", "",
              "## Citation", "", "```bibtex", citation(inputs.version), "", indosum.CITATION, "```", ""]
    return lines


def card_markdown(inputs: CardInputs, *, stats: dict[str, SplitStats], by_source: dict[tuple[str, str], SplitStats],
                  splits_present: dict[str, list[str]], fingerprint: str,
                  dataset_info: list[dict[str, Any]]) -> str:
    """The whole dataset card.

    Args:
        inputs: what the card says beyond the counts.
        stats: counts per split.
        by_source: counts per (source, split).
        splits_present: the splits written for each config.
        fingerprint: sha256 over the data files; it changes whenever a label does.
        dataset_info: the features entries (see :func:`card_yaml`).
    """
    documents = sum(s.documents for s in stats.values())
    head = card_yaml(splits_present, fingerprint, version=inputs.version, documents=documents,
                     dataset_info=dataset_info)
    return head + "\n".join(_body(inputs, stats, by_source, fingerprint))
