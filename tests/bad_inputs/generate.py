"""Regenerate the broken files of this folder (run from the repository root).

Each file breaks one thing; ``cases.json`` says which reader takes it and the
message it must produce. The 100 MB inputs are made by the tests themselves,
in a temporary folder, not committed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
TEXT = "AS menyerang Irak pada 2020."


def task(doc_id: str = "bad-1") -> dict[str, Any]:
    return {"data": {"text": TEXT, "doc_id": doc_id}, "annotations": [{"id": 1, "result": [
        {"id": "e1", "type": "labels", "from_name": "entity", "to_name": "text",
         "value": {"start": 0, "end": 2, "text": "AS", "labels": ["GPE"]}},
        {"id": "t1", "type": "labels", "from_name": "trigger", "to_name": "text",
         "value": {"start": 3, "end": 12, "text": "menyerang", "labels": ["ASSAULT"]}},
        {"id": "t1", "type": "choices", "from_name": "modality", "to_name": "text",
         "value": {"start": 3, "end": 12, "text": "menyerang", "choices": ["asserted"]}},
        {"id": "e2", "type": "labels", "from_name": "entity", "to_name": "text",
         "value": {"start": 13, "end": 17, "text": "Irak", "labels": ["GPE"]}},
        {"type": "relation", "from_id": "t1", "to_id": "e1", "direction": "right", "labels": ["Actor"]},
    ]}]}


def changed(edit: Any) -> list[dict[str, Any]]:
    one = copy.deepcopy(task())
    edit(one, one["annotations"][0]["result"])
    return [one]


def main() -> None:
    exports = HERE / "exports"
    exports.mkdir(exist_ok=True)
    cases: list[dict[str, str]] = []

    def export(name: str, content: bytes | list[Any] | dict[str, Any], message: str) -> None:
        data = content if isinstance(content, bytes) else json.dumps(content, indent=1).encode()
        (exports / name).write_bytes(data)
        cases.append({"file": f"exports/{name}", "kind": "export", "message": message})

    valid = json.dumps([task()], indent=1).encode()
    export("truncated.json", valid[: len(valid) // 2], r"invalid JSON at line \d+ column \d+ \(character \d+\)")
    export("top_level_object.json", {"data": {"text": TEXT}}, r"an export must be a JSON list of tasks, not an object")
    export("empty.json", b"", r"the file is empty; expected a JSON list of tasks")
    export("missing_data.json", [{"annotations": []}], r"doc \(task #0\): missing key 'data'")
    export("missing_doc_id.json", changed(lambda t, r: t["data"].pop("doc_id")),
           r"doc \(task #0\): data\.doc_id must be a non-empty string, not None")
    export("null_text.json", changed(lambda t, r: t["data"].update(text=None)),
           r"doc bad-1: data\.text must be a string, not null")
    export("offsets_beyond_text.json", changed(lambda t, r: r[3]["value"].update(end=99)),
           r"doc bad-1: region e2 \[13:99\]: offsets out of range: the text has 28 characters")
    export("negative_offset.json", changed(lambda t, r: r[0]["value"].update(start=-2)),
           r"doc bad-1: region e1 \[-2:2\]: offsets out of range")
    export("float_offsets.json", changed(lambda t, r: r[0]["value"].update(start=0.5)),
           r"doc bad-1: region e1: offsets must be integers, not start=0\.5 end=2")
    export("end_before_start.json", changed(lambda t, r: r[3]["value"].update(start=17, end=13)),
           r"doc bad-1: region e2 \[17:13\]: end must be greater than start")
    export("span_text_mismatch.json", changed(lambda t, r: r[3]["value"].update(text="Iran")),
           r"doc bad-1: region e2 \[13:17\]: span text 'Iran' differs from the text at these offsets 'Irak'")
    export("unknown_label.json", changed(lambda t, r: r[0]["value"].update(labels=["COUNTRY"])),
           r"doc bad-1: region e1 \[0:2\]: unknown entity label 'COUNTRY' on 'AS'")
    export("unknown_role.json", changed(lambda t, r: r[4].update(labels=["Victim"])),
           r"doc bad-1: region t1->e1: relation role \['Victim'\] is not one role of")
    export("unknown_modality.json", changed(lambda t, r: r[2]["value"].update(choices=["likely"])),
           r"doc bad-1: region t1: unknown modality \['likely'\]")
    export("relation_to_missing_id.json", changed(lambda t, r: r[4].update(to_id="e9")),
           r"doc bad-1: region t1->e9: relation end \['e9'\] is missing from this annotation")
    export("duplicate_region_id.json", changed(lambda t, r: r[3].update(id="e1")),
           r"doc bad-1: region e1: duplicate region id")
    export("duplicate_doc_id.json", [task(), task()], r"doc bad-1: duplicate doc_id \(also task #0\)")
    export("not_utf8.json", valid.replace(b"menyerang", b"meny\xffrang", 1),
           r"not UTF-8: byte 0xff at byte offset \d+ cannot be decoded")
    export("bom.json", b"\xef\xbb\xbf" + valid, r"starts with a UTF-8 byte-order mark")
    # The hostile classes: wrong JSON types where strings are expected, depth, ids, keys, meta, encodings.
    export("label_is_list.json", changed(lambda t, r: r[0]["value"].update(labels=[["GPE"]])),
           r"doc bad-1: region e1 \[0:2\]: unknown entity label \['GPE'\]")
    export("from_name_object.json", changed(lambda t, r: r[0].update(from_name={"x": 1})),
           r"doc bad-1: region e1: unknown from_name \{'x': 1\}")
    export("role_is_object.json", changed(lambda t, r: r[4].update(labels=[{"role": "Actor"}])),
           r"doc bad-1: region t1->e1: relation role")
    export("deep_nesting.json", b'{"a": ' * 50_000 + b"1" + b"}" * 50_000, r"nested too deeply")
    export("deep_nesting_list.json", b"[" * 50_000 + b"]" * 50_000, r"nested too deeply")
    export("no_result_key.json", changed(lambda t, r: t["annotations"][0].pop("result")),
           r"doc bad-1: annotation id 1 has no 'result'")
    export("meta_published_number.json", changed(lambda t, r: t.update(meta={"published": 2020})),
           r"doc bad-1: meta: published")
    export("meta_published_list.json", changed(lambda t, r: t.update(meta={"published": ["2020", "~"]})),
           r"doc bad-1: meta: published")
    export("meta_bad_date.json", changed(lambda t, r: t.update(meta={"published": "2021-13-45"})),
           r"doc bad-1: meta: published")
    export("ground_truth_string.json", changed(lambda t, r: t["annotations"][0].update(ground_truth="false")),
           r"doc bad-1: annotation id 1: ground_truth must be true or false, not 'false'")
    export("unknown_direction.json", changed(lambda t, r: r[4].update(direction="up")),
           r"doc bad-1: region t1->e1: relation direction 'up'")
    export("region_without_id.json", changed(lambda t, r: (r[0].pop("id"), r[3].pop("id"))),
           r"doc bad-1: a labels item needs a non-empty string id, not None")
    export("relation_without_ids.json", changed(lambda t, r: (r[4].pop("from_id"), r[4].pop("to_id"))),
           r"doc bad-1: a relation needs string from_id and to_id")
    export("duplicate_key.json", valid.replace(b'"doc_id": "bad-1"', b'"doc_id": "bad-1", "doc_id": "bad-2"', 1),
           r"the key 'doc_id' appears twice in one object")
    export("lone_surrogate.json", valid.replace(b"menyerang", b"meny\\ud800rang"),
           r"doc bad-1: data\.text has a lone surrogate \(U\+D800\) at offset 7")
    export("doc_id_newline.json", changed(lambda t, r: t["data"].update(doc_id="bad\nerror: forged")),
           r"doc \(task #0\): data\.doc_id 'bad\\nerror: forged' has a control character")
    export("doc_id_ansi.json", changed(lambda t, r: t["data"].update(doc_id="bad\x1b[31m")), r"data\.doc_id")
    export("nan.json", valid.replace(b'"start": 0', b'"start": NaN', 1), r"NaN is not a JSON number")
    export("nul_after_bracket.json", b"[" + b"\x00" * 70_000, r"invalid JSON at line 1 column 2 \(character 1\)")
    export("big_non_list.json", b'"' + b"a" * 1_100_000 + b'"', r"an export must be a JSON list of tasks, not a string")
    # studio pull lists these two as not annotated instead of refusing them.
    export("all_cancelled.json", changed(lambda t, r: t["annotations"][0].update(was_cancelled=True)),
           r"doc bad-1: .*(cancelled|no annotation)")
    export("predictions_only.json", changed(lambda t, r: t.update(predictions=t.pop("annotations"))),
           r"doc bad-1: .*no annotation")

    predictions = HERE / "predictions"
    predictions.mkdir(exist_ok=True)
    rows = sorted((json.loads(line) for path in Path("dataset/data/ner").glob("test-*.jsonl")
                   for line in path.read_text(encoding="utf-8").splitlines()), key=lambda r: r["sentence_index"])
    from indogeoie.schema import NER_TAGS

    good = [{"id": r["id"], "tags": [NER_TAGS[t] for t in r["ner_tags"]]} for r in rows]

    def prediction(name: str, lines: list[Any] | bytes, message: str) -> None:
        data = lines if isinstance(lines, bytes) else "".join(
            (line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines).encode()
        (predictions / name).write_bytes(data)
        cases.append({"file": f"predictions/{name}", "kind": "ner-predictions", "message": message})

    first = good[0]["id"]
    prediction("unknown_id.jsonl", good + [{"id": "999_nope-000", "tags": ["O"]}],
               r"line \d+: example '999_nope-000': unknown id; not an example of this split")
    prediction("missing_id.jsonl", good[1:], rf"1 example\(s\) of the split have no prediction: {first}")
    prediction("duplicate_id.jsonl", good + [good[0]], rf"line \d+: example '{first}': duplicate id")
    short = copy.deepcopy(good)
    short[0]["tags"] = short[0]["tags"][:-1]
    n = len(good[0]["tags"])
    prediction("wrong_length.jsonl", short, rf"example '{first}': {n - 1} tags for {n} tokens \(gold={n}, pred={n - 1}\)")
    bad_tag = copy.deepcopy(good)
    bad_tag[0]["tags"][2] = "B_GPE"
    prediction("non_iob2_tag.jsonl", bad_tag, rf"example '{first}': token 2: unknown tag 'B_GPE'")
    prediction("wrong_type_line.jsonl", [["O", "O"]] + good, r"line 1: expected a JSON object, not list")
    prediction("missing_tags.jsonl", [{"id": first}] + good[1:],
               rf"example '{first}': expected exactly one of \['tags', 'ner_tags'\], found \[\]")
    body = "".join(json.dumps(g) + "\n" for g in good).encode()
    prediction("truncated.jsonl", body[: len(body) - 40], r"line \d+: invalid JSON")
    prediction("not_utf8.jsonl", body.replace(b'"O"', b'"\xff"', 1), r"line 1: not UTF-8 \(byte \d+ of the line\)")
    prediction("bom.jsonl", b"\xef\xbb\xbf" + body, r"line 1: starts with a UTF-8 byte-order mark")
    both = copy.deepcopy(good)
    both[0]["ner_tags"] = ["O"] * len(both[0]["tags"])
    prediction("tags_and_ner_tags.jsonl", both,
               rf"example '{first}': expected exactly one of \['tags', 'ner_tags'\], found \['tags', 'ner_tags'\]")
    prediction("deep_nesting.jsonl", ["[" * 50_000 + "]" * 50_000] + good[1:], r"line 1: the JSON is nested too deeply")
    prediction("duplicate_key.jsonl", [json.dumps(good[0]).replace('"id": ', '"id": "x", "id": ', 1)] + good[1:],
               r"line 1: invalid JSON: the key 'id' appears twice in one object")
    ids = [{"id": g["id"], "tags": [NER_TAGS.index(t) for t in g["tags"]]} for g in good]
    ids[0]["tags"][0] = 99
    prediction("tag_id_out_of_range.jsonl", ids, rf"example '{first}': token 0: tag id 99 is not one of 0\.\.\d+")

    articles = HERE / "articles"
    articles.mkdir(exist_ok=True)
    (articles / "900_not_utf8.txt").write_bytes(b"Judul berita\n\nIsi \xe9 berita.\n")
    cases.append({"file": "articles/900_not_utf8.txt", "kind": "article",
                  "message": r"900_not_utf8\.txt: doc 900_not_utf8: not UTF-8: byte 0xe9 at byte offset 18"})
    (articles / "901_empty.txt").write_bytes(b"\n\n")
    cases.append({"file": "articles/901_empty.txt", "kind": "article", "message": r"901_empty\.txt: doc 901_empty: the article is empty"})

    (articles / "902_bare_cr.txt").write_bytes(b"Judul berita\r\rIsi berita.\r")
    cases.append({"file": "articles/902_bare_cr.txt", "kind": "article",
                  "message": r"902_bare_cr\.txt: doc 902_bare_cr: \[12:13\]: a bare carriage return at character offset 12"})
    (articles / "903_bom_only.txt").write_bytes(b"\xef\xbb\xbf")
    cases.append({"file": "articles/903_bom_only.txt", "kind": "article", "message": r"903_bom_only\.txt: doc 903_bom_only: the article is empty"})

    (HERE / "cases.json").write_text(json.dumps(cases, indent=2) + "\n")


if __name__ == "__main__":
    main()
