"""Property tests: every conversion is exact on generated, hostile text (500 examples each)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from indogeoie.formats.hf import dataset_rows
from indogeoie.formats.indosum import IndoSumRecord, derive_text
from indogeoie.formats.labelstudio_export import parse_export
from indogeoie.formats.labelstudio_tasks import document_result
from indogeoie.records import AnnotatedDocument, Argument, Event, Span
from indogeoie.schema import ENTITY_TYPES, EVENT_TYPES, MODALITIES, NER_TAGS, ROLE_FILLERS, ROLES, TRIGGER_TAGS
from indogeoie.text.alignment import iob2_to_spans
from indogeoie.text.cleaning import clean_text
from indogeoie.text.tokens import Token, pretokenized, tokenize

# The strategies below are shared: tests/text/test_alignment.py and tests/formats/test_markup.py import them.
EXAMPLES = settings(max_examples=500, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["Iran", "Irak", "AS", "menyerang", "2.500", "AS-Iran", "(24/1/2024)", "“kata”", "Baghdad,",
         "🇮🇩", "😀", "𝔸𝔹", "e\u0301", "café", "ﷺ", "日本", "pasukan.", "—", "'", '"', "07:31", "makaWashington",
         "kata " * 400]  # the last one makes very long lines
SEPARATORS = [" ", " ", " ", "\t", "\u00a0", "\n", "\r\n", "\n\n", "  ", "\n\n\n"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
    parts = []
    for word in words:
        parts += [word, draw(st.sampled_from(SEPARATORS))]
    return "".join(parts).strip() or "Iran"


@st.composite
def token_ranges(draw: st.DrawFn, n_tokens: int, max_spans: int = 8) -> list[tuple[int, int]]:
    """Non-overlapping [first, last) token ranges."""
    cuts = sorted(draw(st.sets(st.integers(0, n_tokens), max_size=2 * max_spans)))
    ranges = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return ranges


@st.composite
def documents(draw: st.DrawFn, within_sentences: bool = False) -> AnnotatedDocument:
    text = draw(texts()).replace("\r\n", "\n")  # Label Studio counts \r\n as two characters: normalised first
    tokenized = tokenize(text)
    tokens = tokenized.tokens
    if within_sentences:
        ranges = []
        for sentence in tokenized.sentences:
            ranges += [(sentence.first + a, sentence.first + b)
                       for a, b in draw(token_ranges(sentence.last - sentence.first, 3))]
    else:
        ranges = draw(token_ranges(len(tokens)))
    roles = draw(st.lists(st.booleans(), min_size=len(ranges), max_size=len(ranges)))
    entities: list[Span] = []
    triggers: list[tuple[int, int]] = []
    for (first, last), is_trigger in zip(ranges, roles, strict=False):
        start, end = tokens[first].start, tokens[last - 1].end
        if is_trigger:
            triggers.append((start, end))
        else:
            label = draw(st.sampled_from(ENTITY_TYPES))
            entities.append(Span(f"e{len(entities) + 1:03d}", label, start, end, text[start:end]))
    events = []
    for index, (start, end) in enumerate(triggers, start=1):
        kind = draw(st.sampled_from(EVENT_TYPES))
        arguments: list[Argument] = []
        if entities:
            for role in draw(st.lists(st.sampled_from(ROLES), max_size=3)):
                fillers = [e for e in entities if e.label in ROLE_FILLERS[role]]  # the guidelines' role types
                if not fillers:
                    continue
                ref = draw(st.sampled_from(fillers)).id
                if (role, ref) not in {(a.role, a.ref_id) for a in arguments}:
                    arguments.append(Argument(role, ref))
        events.append(Event(f"t{index:03d}", kind, draw(st.sampled_from(MODALITIES)),
                            Span(f"t{index:03d}", kind, start, end, text[start:end]), tuple(arguments)))
    return AnnotatedDocument("gen", text, tuple(entities), tuple(events))


@EXAMPLES
@given(documents())
def test_label_studio_json_round_trip_is_the_identity(document: AnnotatedDocument) -> None:
    assume(document.entities or document.events)  # an empty annotation is "not annotated yet"
    result = document_result(document)
    task = {"data": {"text": document.text, "doc_id": document.doc_id}, "annotations": [{"id": 1, "result": result}]}
    report = parse_export(json.loads(json.dumps([task], ensure_ascii=False)), file="generated.json")
    assert report.problems == ()
    (parsed,) = report.documents
    assert parsed.entities == tuple(sorted(document.entities, key=lambda s: (s.start, s.end)))
    assert sorted(parsed.events, key=lambda e: e.id) == sorted(document.events, key=lambda e: e.id)
    assert sorted(map(json.dumps, document_result(parsed))) == sorted(map(json.dumps, result))


BOILERPLATE = ["Baca juga: Iran Balas AS", "Baca Juga:Berita Lain", "Follow", "tulis komentar anda", "272", "0",
               "Berita Terkait", "PREVIOUS ARTICLE", "Dapatkan berita terkini dari kami", "", "", "Lihat Juga :"]


@EXAMPLES
@given(st.lists(st.one_of(texts(), st.sampled_from(BOILERPLATE)), min_size=1, max_size=12),
       st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_every_cleaned_offset_maps_back_to_the_raw_text(lines: list[str], newline: str, bom: bool) -> None:
    raw = ("\ufeff" if bom else "") + newline.join(line.replace("\r\n", newline) for line in lines) + newline
    cleaned = clean_text(raw)
    for offset, char in enumerate(cleaned.text):
        assert raw[cleaned.to_raw(offset)] == char
    for token in tokenize(cleaned.text).tokens:
        assert raw[cleaned.to_raw(token.start):cleaned.to_raw(token.end, end=True)] == token.text
    assert "\r" not in cleaned.text and not cleaned.text.startswith("\ufeff")
    dropped = sum(d.end - d.start for d in cleaned.drops)
    assert len(cleaned.text) + dropped == len(raw)


def _tokens(row: dict[str, Any]) -> list[Token]:
    return [Token(t, s, e) for t, s, e in zip(row["tokens"], row["token_starts"], row["token_ends"], strict=True)]


@EXAMPLES
@given(documents(within_sentences=True))
def test_documents_config_gives_back_the_ner_and_events_rows(document: AnnotatedDocument) -> None:
    rows = dataset_rows(document, None, 0, tokenized=tokenize(document.text))
    (doc_row,) = rows["documents"]
    entities = sorted((e["offsets"][0][0], e["offsets"][0][1], e["type"]) for e in doc_row["entities"])
    triggers = sorted((e["trigger"]["offsets"][0][0], e["trigger"]["offsets"][0][1], e["type"])
                      for e in doc_row["events"])
    from_ner = sorted(s for row in rows["ner"] for s in iob2_to_spans(_tokens(row), [NER_TAGS[t] for t in row["ner_tags"]]))
    from_events = sorted(s for row in rows["events"]
                         for s in iob2_to_spans(_tokens(row), [TRIGGER_TAGS[t] for t in row["trigger_tags"]]))
    assert from_ner == entities
    assert from_events == triggers
    assert sum(len(r["events"]) for r in rows["events"]) == len(document.events)
    for row in rows["ner"]:
        assert all(document.text[t.start:t.end] == t.text for t in _tokens(row))


TOKENS = ["Iran", ",", "menguji", "rudal", ".", "(", "24", "/", "1", ")", "Kim", "Jong", "-", "un", "😀", "e\u0301",
          "\u00a0", " ", "\r\n", "\n\n\n", "Baca", "juga", ":"]


@EXAMPLES
@given(st.lists(st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12), min_size=1, max_size=4),
                min_size=1, max_size=4))
def test_an_indosum_text_keeps_every_visible_token_and_sentence(paragraphs: list[list[list[str]]]) -> None:
    record = IndoSumRecord("1-gen", "gen", "http://x", tuple(tuple(tuple(s) for s in p) for p in paragraphs))
    derived = derive_text(record)
    dropped = {(d.paragraph, d.sentence) for d in derived.drops if d.token is None}
    expected = [[t for t in sentence if t.strip()] for p, paragraph in enumerate(paragraphs)
                for s, sentence in enumerate(paragraph) if (p, s) not in dropped]
    expected = [sentence for sentence in expected if sentence]
    tokenized = pretokenized(derived.text, derived.sentences)
    assert [[t.text for t in tokenized.tokens[s.first:s.last]] for s in tokenized.sentences] == expected
    assert all(derived.text[t.start:t.end] == t.text for t in tokenized.tokens)
