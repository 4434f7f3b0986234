"""The dataset card (``dataset/README.md``) and CHANGELOG.md, generated from the data.

Every number in the card is computed from the rows being written; the label
tables come from the schema.
"""

from __future__ import annotations

from typing import Any

import yaml

from indogeoie.annotation.agreement import Agreement
from indogeoie.formats.hf import (
    CONFIGS,
    SPLITS,
    SplitPlan,
    SplitStats,
    data_file,
    dataset_info_yaml,
)
from indogeoie.dataset.release import ANNOTATION_LICENSE, CHANGELOG, CITATION, DATASET_VERSION
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


def card_yaml(splits_present: dict[str, list[str]], fingerprint: str) -> str:
    """The YAML header: metadata, ``configs`` with their data files and ``dataset_info``."""
    header: dict[str, Any] = {
        "pretty_name": "IndoGeoIE",
        "language": ["id"],
        "license": "other",
        "license_name": "indogeoie-mixed",
        "license_details": (f"Annotations {ANNOTATION_LICENSE}; article texts belong to their "
                            "publishers (see the Licence section)."),
        "multilinguality": "monolingual",
        "size_categories": ["n<1K"],
        "source_datasets": ["original"],
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["event-extraction", "plover", "political-events", "indonesian", "label-studio"],
        "configs": [
            {
                "config_name": config,
                "version": DATASET_VERSION,
                **({"default": True} if config == "ner" else {}),
                "data_files": [{"split": split, "path": data_file(config, split, fingerprint)}
                               for split in splits_present[config]],
            }
            for config in CONFIGS
        ],
        "dataset_info": [dataset_info_yaml(config, DATASET_VERSION) for config in CONFIGS],
    }
    return "---\n" + yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100) + "---\n"


def _label_table(defs: tuple[LabelDef, ...], title: str) -> list[str]:
    lines = [f"| {title} | Definition |", "| --- | --- |"]
    lines += [f"| `{d.name}` | {d.definition} |" for d in defs]
    return lines + [""]


def _stats_table(stats: dict[str, SplitStats]) -> list[str]:
    splits = [s for s in SPLITS if s in stats]
    lines = ["| | " + " | ".join(splits) + " | total |", "| --- " * (len(splits) + 2) + "|"]

    def row(name: str, values: list[int]) -> None:
        lines.append(f"| {name} | " + " | ".join(str(v) for v in values) + f" | {sum(values)} |")

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


def card_markdown(*, stats: dict[str, SplitStats], plan: SplitPlan, splits_present: dict[str, list[str]],
                  fingerprint: str, agreement: Agreement | None, source: str) -> str:
    """The whole dataset card.

    Args:
        stats: counts per split.
        plan: the split and fold of each document.
        splits_present: the splits written for each config.
        fingerprint: sha256 over the data files; it changes whenever a label does.
        agreement: inter-annotator agreement, when the build has it.
        source: what the dataset was built from.
    """
    by_split = {s: [d for d in plan.order if plan.split_of[d] == s] for s in SPLITS}
    lines = [card_yaml(splits_present, fingerprint),
             "# IndoGeoIE",
             "",
             "Named entities and political events in Indonesian geopolitical news: 10 entity types, "
             f"the 16 event types of {EVENT_ONTOLOGY} with their arguments (Actor, Recipient, Location, "
             "Time, Instrument) and modality, over Indonesian online news on Iran, Iraq and the United "
             "States (2020-2024).",
             "",
             f"* Dataset version **{DATASET_VERSION}** (label schema {SCHEMA_VERSION}); see CHANGELOG.md.",
             f"* Built by `indogeoie build` from `{source}`; `indogeoie build --check` verifies that "
             "this folder is exactly what the annotations give.",
             f"* Content fingerprint (sha256 of the data files): `{fingerprint}`.",
             "",
             "## Loading",
             "",
             "```python",
             "from datasets import load_dataset",
             "",
             'ner = load_dataset("path/to/dataset", "ner")          # sentences, IOB2 entity tags',
             'events = load_dataset("path/to/dataset", "events")    # sentences, IOB2 trigger tags, events',
             'docs = load_dataset("path/to/dataset", "documents")   # articles, SEACrowd/BigBIO kb shape',
             'names = ner["train"].features["ner_tags"].feature.names',
             "",
             "# Leave-one-document-out: fold k holds out the k-th document (by doc_id).",
             "from datasets import concatenate_datasets",
             'every = concatenate_datasets([ner[s] for s in ner])',
             "k = 0",
             'train_k = every.filter(lambda row: row["fold"] != k)',
             'test_k = every.filter(lambda row: row["fold"] == k)',
             "```",
             "",
             "No loading script: the configs and features are declared in this card's YAML, which "
             "`datasets` reads offline.",
             "",
             "## Configurations",
             "",
             "All rows are keyed by stable ids: `doc_id`, the sentence index and character offsets into "
             "the cleaned article text (`start`/`end` are end-exclusive offsets into the document's "
             "`text`, also for sentences and tokens).",
             "",
             "* `ner`: one row per sentence: `id` (`<doc_id>-<sentence index>`), `doc_id`, "
             "`sentence_index`, `start`, `end`, `fold`, `tokens`, `token_starts`, `token_ends`, "
             "`ner_tags` (IOB2, ClassLabel).",
             "* `events`: the same sentence columns, `trigger_tags` (IOB2 over the 16 event types, "
             "ClassLabel) and `events`: each event's `id`, `type`, `modality`, `trigger` (text, "
             "document offsets, token range in the sentence) and `arguments` (role, `ref_id` of the "
             "entity, its type, text and document offsets, `in_sentence`; `token_start`/`token_end` "
             "are -1 for an argument outside the sentence).",
             "* `documents`: one row per article: `text`, `metadata` (outlet, publication date and "
             "whether it was inferred, language, sha256 of the raw file), `entities` "
             "`[{id, type, text, offsets}]` and `events` `[{id, type, modality, trigger {text, "
             "offsets}, arguments [{role, ref_id}]}]`: the SEACrowd/BigBIO *kb* shape (texts and "
             "offsets are lists, one item per fragment; every span here has one fragment).",
             "",
             "Tokens and sentences come from spaCy's Indonesian tokenizer (`spacy.blank(\"id\")`) with "
             "the project's rules; tags are derived from the character offsets, never the reverse.",
             "",
             "Data files are JSON Lines: byte-for-byte reproducible, readable in a diff when a label "
             "changes, and typed by the features in this card (ClassLabel ids in the files, names "
             "after loading). Their names end with the content fingerprint, so that `datasets`, which "
             "caches a local folder by its data file names, loads a rebuilt dataset afresh.",
             "",
             "## Splits",
             "",
             "Splits are by document and never cut an article. The default split is temporal: "
             "training on the older articles and testing on the newest, because a model of news is "
             "used on news published after its training data, and events, actors and wording drift "
             "over time. The newest fifth of the documents (by publication date, at least one) is "
             "`test`, the fifth before it `validation`.",
             "",
    ]
    for split in SPLITS:
        if by_split[split]:
            lines.append(f"* `{split}`: {', '.join(f'`{d}`' for d in by_split[split])}")
    lines += ["",
              "Every row also carries `fold`: leave-one-document-out cross-validation holds out one "
              "document per fold (fold k = the k-th document by doc_id: "
              + ", ".join(f"{plan.fold_of[d]} = `{d}`" for d in sorted(plan.fold_of)) + ").",
              "",
              "## Statistics",
              ""]
    lines += _stats_table(stats)
    lines += ["## Labels", ""]
    lines += _label_table(ENTITY_DEFS, "Entity type")
    lines += _label_table(EVENT_DEFS, f"Event type ({EVENT_ONTOLOGY})")
    lines += _label_table(ROLE_DEFS, "Role")
    lines += _label_table(MODALITY_DEFS, "Modality")
    lines += ["The full annotation guidelines, with boundary rules and hard cases, are "
              "`annotations/GUIDELINES.md` in the IndoGeoIE repository.", "",
              "## Annotation", "",
              "The labels were made against the guidelines by careful reading of each article and kept "
              "in Label Studio's JSON export format; no model or string matching placed a label. "
              "See DATASHEET.md in the repository for who annotated and how."]
    if agreement is not None:
        lines += ["",
                  f"Inter-annotator agreement on {len(agreement.doc_ids)} whole articles, before "
                  f"adjudication: entity F1 {agreement.entities.f1:.3f}, trigger (span and type) F1 "
                  f"{agreement.triggers.f1:.3f}, argument F1 {agreement.arguments.f1:.3f}, same "
                  f"modality on {agreement.modality_same} of {agreement.modality_compared} shared "
                  "triggers. The guidelines quote these articles, so these figures are an upper bound "
                  "for new text."]
    lines += ["",
              "## Limitations",
              "",
              "Five articles (under 2,000 tokens) are a seed, not a training set: scores on them have "
              "wide confidence intervals, several types have only a handful of mentions, and one test "
              "document cannot represent a year of news. Use the corpus to compare systems under the "
              "fixed protocol, to test annotation tools, and as the start of a larger annotation effort.",
              "",
              "## Licence",
              "",
              f"The annotations are released under {ANNOTATION_LICENSE}. The article texts are the work "
              "of their publishers; their licence is not known to the project, and they are included "
              "only so that the annotations can be read and reproduced for research.",
              "",
              "## Citation",
              "",
              "```bibtex",
              CITATION,
              "```",
              ""]
    return "\n".join(lines)


def changelog_markdown() -> str:
    """dataset/CHANGELOG.md from :data:`indogeoie.dataset.release.CHANGELOG`."""
    lines = ["# Changelog", "", "All changes to the IndoGeoIE dataset, newest first. Versions are semver: "
             "major for a removed or redefined label, minor for new labels or documents, patch for "
             "corrected annotations.", ""]
    for version, changes in CHANGELOG:
        lines += [f"## {version}", ""] + [f"* {c}" for c in changes] + [""]
    return "\n".join(lines)
