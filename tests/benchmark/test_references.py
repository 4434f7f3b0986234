"""The bar the baselines must clear on test: a keyword list for triggers, nearest-entity rules for arguments.

Both references are written here from general Indonesian news vocabulary and
a general rule, not from the dataset. The keyword list tags every token whose
lower-cased form is a key; the nearest-entity rules give each trigger the
nearest entity before it as Actor and the nearest after it as Recipient,
within its sentence.
"""

from __future__ import annotations

from bisect import bisect_right

from indogeoie import paths
from tests.benchmark.test_results import ROWS, event_scores, gold_events, gold_rows, jsonl

KEYWORDS = {
    "ASSAULT": "serangan menyerang menyerbu serbuan pengeboman mengebom bom menembak menembaki tembakan bentrokan "
               "pertempuran perang membunuh pembunuhan",
    "CONSULT": "bertemu pertemuan berkunjung kunjungan membahas dialog perundingan berunding konferensi",
    "SANCTION": "sanksi embargo memboikot boikot membekukan",
    "AID": "bantuan membantu menyumbang sumbangan",
    "ACCUSE": "menuduh tuduhan mengecam kecaman mengkritik kritik mengutuk menyalahkan",
    "REQUEST": "meminta permintaan mendesak menyerukan seruan menuntut",
    "REJECT": "menolak penolakan membantah",
    "THREATEN": "mengancam ancaman",
    "PROTEST": "demonstrasi unjuk berdemo protes memprotes demonstran",
    "AGREE": "sepakat kesepakatan perjanjian menyepakati menandatangani",
    "COOPERATE": "kerja bekerja kerjasama",
    "SUPPORT": "mendukung dukungan memuji",
    "COERCE": "menangkap penangkapan ditangkap ditahan menahan mengusir mendeportasi",
    "MOBILIZE": "mengerahkan pengerahan latihan",
    "RETREAT": "penarikan mundur",
    "CONCEDE": "membebaskan dibebaskan pembebasan gencatan",
}
TYPE_OF = {word: kind for kind, words in KEYWORDS.items() for word in words.split()}
ACTOR_TYPES = {"PER", "ORG", "NORP", "GPE"}


def keyword_events(split: str) -> dict[str, list[tuple]]:
    events: dict[str, list[tuple]] = {}
    for row in gold_rows("events", split):
        for token, start, end in zip(row["tokens"], row["token_starts"], row["token_ends"], strict=True):
            if token.lower() in TYPE_OF:
                events.setdefault(row["doc_id"], []).append((TYPE_OF[token.lower()], start, end, "asserted", []))
    return events


def nearest_entity_arguments(system: str, split: str) -> dict[str, list[tuple]]:
    """The system's own predicted triggers and entities, with arguments by the nearest-entity rules."""
    sentence_starts: dict[str, list[int]] = {}
    for row in gold_rows("ner", split):
        sentence_starts.setdefault(row["doc_id"], []).append(row["token_starts"][0])
    result = {}
    for row in jsonl(paths.RESULTS / "predictions" / system / f"{split}.documents.jsonl"):
        starts = sentence_starts[row["doc_id"]]

        def sentence(offset: int, starts: list[int] = starts) -> int:
            return bisect_right(starts, offset)

        entities = [e for e in row["entities"] if e["type"] in ACTOR_TYPES]
        events = []
        for e in row["events"]:
            near = [x for x in entities if sentence(x["start"]) == sentence(e["trigger"]["start"])]
            before = [x for x in near if x["end"] <= e["trigger"]["start"]]
            after = [x for x in near if x["start"] >= e["trigger"]["end"]]
            arguments = []
            if before:
                chosen = max(before, key=lambda x: x["end"])
                arguments.append(("Actor", chosen["start"], chosen["end"]))
            if after:
                chosen = min(after, key=lambda x: x["start"])
                arguments.append(("Recipient", chosen["start"], chosen["end"]))
            events.append((e["type"], e["trigger"]["start"], e["trigger"]["end"], e["modality"], arguments))
        result[row["doc_id"]] = events
    return result


def best(metric: str) -> tuple[str, float]:
    taggers = {name: row for name, row in ROWS.items() if "trig_c" in row["reports"]["test"]["metrics"]}
    name = max(taggers, key=lambda n: taggers[n]["reports"]["test"]["metrics"][metric]["value"])
    return name, taggers[name]["reports"]["test"]["metrics"][metric]["value"]


def test_the_best_trigger_model_beats_a_keyword_list() -> None:
    reference = event_scores(gold_events("test"), keyword_events("test"))["trig_c"]
    name, score = best("trig_c")
    assert score > reference, f"{name} Trig-C {score:.3f} does not beat the keyword list's {reference:.3f}"


def test_the_best_argument_pipeline_beats_nearest_entity_rules_on_the_same_mentions() -> None:
    name, score = best("arg_c")
    reference = event_scores(gold_events("test"), nearest_entity_arguments(name, "test"))["arg_c"]
    assert score > reference, f"{name} Arg-C {score:.3f} does not beat nearest-entity rules' {reference:.3f}"


def test_the_references_score_something() -> None:
    # A reference that scores zero would make the comparisons above empty.
    assert event_scores(gold_events("test"), keyword_events("test"))["trig_c"] > 0.1
