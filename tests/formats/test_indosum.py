"""IndoSum records: the text rule, the drop rules, dates from URLs, and the stored records themselves."""

from __future__ import annotations

import json

import pytest

from indogeoie import paths
from indogeoie.errors import IndoGeoIEError
from indogeoie.formats.indosum import IndoSumRecord, derive_text, parse_record, published_from_url


def record(*paragraphs: tuple[tuple[str, ...], ...]) -> IndoSumRecord:
    return IndoSumRecord("1-x", "kompas", "http://x", tuple(paragraphs))


def test_tokens_sentences_and_paragraphs_are_joined_by_the_rule() -> None:
    derived = derive_text(record((("Iran", "menguji", "rudal", "."), ("AS", "diam", ".")), (("Selesai", "."),)))
    assert derived.text == "Iran menguji rudal . AS diam .\n\nSelesai ."
    assert [derived.text[s:e] for s, e in derived.sentences] == ["Iran menguji rudal .", "AS diam .", "Selesai ."]
    assert [derived.text[s:e] for s, e in derived.tokens][:4] == ["Iran", "menguji", "rudal", "."]
    assert derived.drops == ()


def test_whitespace_tokens_are_dropped_and_recorded() -> None:
    derived = derive_text(record((("Iran", "\u00a0", "menguji", "\r\n", "rudal"),)))
    assert derived.text == "Iran menguji rudal"
    assert [(d.rule, d.token, d.text) for d in derived.drops] == [("whitespace_token", 1, "\u00a0"),
                                                                   ("whitespace_token", 3, "\r\n")]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [(("Baca", "juga", ":", "Lain"), "related_links"), (("[", "Baca", "juga", ":", "Lain", "]"), "related_links"),
     (("Lihat", "Juga", ":", "x"), "related_links"), (("Video", ":"), "embed_label")],
)
def test_boilerplate_sentences_are_dropped_by_a_named_rule(sentence: tuple[str, ...], rule: str) -> None:
    derived = derive_text(record((("Isi", "."), sentence)))
    assert derived.text == "Isi ."
    assert [(d.rule, d.paragraph, d.sentence, d.token) for d in derived.drops] == [(rule, 0, 1, None)]


def test_a_paragraph_left_empty_disappears() -> None:
    derived = derive_text(record((("Isi", "."),), (("Baca", "juga", ":", "x"),), (("Akhir", "."),)))
    assert derived.text == "Isi .\n\nAkhir ."


@pytest.mark.parametrize(
    ("url", "date"),
    [("http://www.cnnindonesia.com/internasional/20170809115846-106-152964/x/", "2017-08-09"),
     ("http://rimanews.com/internasional/asia/read/20160913/303475/x", "2016-09-13"),
     ("http://www.suara.com/news/2016/08/31/191400/x", "2016-08-31"),
     ("http://poskotanews.com/2017/04/07/x/", "2017-04-07"),
     ("http://www.antaranews.com/berita/583622/x", None),
     ("https://kumparan.com/@kumparannews/x", None)],
)
def test_the_date_an_outlet_writes_in_its_url(url: str, date: str | None) -> None:
    assert published_from_url(url) == date


@pytest.mark.parametrize(
    ("line", "message"),
    [(b'{"id": "1-x"', r"f\.jsonl:3: not a JSON record"),
     (b"[]", r"f\.jsonl:3: a record must be a JSON object, not list"),
     (b'{"id": "1-x", "paragraphs": "p", "source": "s", "source_url": "u"}',
      r"f\.jsonl:3: doc 1-x: field 'paragraphs' must be a list, not str"),
     (b'{"id": "1-x", "paragraphs": [[["a", 5]]], "source": "s", "source_url": "u"}',
      r"f\.jsonl:3: doc 1-x: paragraph 0 must be a list of sentences"),
     (b'{"id": "1-x", "id": "2", "paragraphs": [], "source": "s", "source_url": "u"}', None)],
)
def test_bad_records_are_located(line: bytes, message: str | None) -> None:
    if message is None:
        parse_record(line, file="f.jsonl", line_number=3)  # IndoSum's own lines never repeat keys
        return
    with pytest.raises(IndoGeoIEError, match=message):
        parse_record(line, file="f.jsonl", line_number=3)


def test_every_stored_record_gives_indosums_own_tokens_and_sentences() -> None:
    """The annotated text keeps IndoSum's tokenisation: the same tokens, the same sentence breaks."""
    lines = (paths.INDOSUM / "records.jsonl").read_bytes().split(b"\n")[:-1]
    assert lines
    for number, line in enumerate(lines, start=1):
        derived = derive_text(parse_record(line, file="records.jsonl", line_number=number))
        source = json.loads(line)
        dropped = {(d.paragraph, d.sentence) for d in derived.drops if d.token is None}
        kept = [s for (p, s_index, s) in ((p, i, s) for p, paragraph in enumerate(source["paragraphs"])
                                          for i, s in enumerate(paragraph)) if (p, s_index) not in dropped]
        expected = [[t for t in sentence if t.strip()] for sentence in kept]
        got = [[derived.text[a:b] for a, b in derived.tokens if s <= a and b <= e] for s, e in derived.sentences]
        assert got == [s for s in expected if s], source["id"]
