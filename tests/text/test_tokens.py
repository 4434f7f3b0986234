"""Tokenisation: spaCy's Indonesian tokenizer with the project's rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indogeoie.corpus.documents import SourceDocument
from indogeoie.text.tokens import make_nlp, make_nlp_for, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text).tokens]


def sentences(text: str) -> list[str]:
    doc = tokenize(text)
    return [text[s.start : s.end] for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Baca Juga:Iran akan", ["Baca", "Juga", ":", "Iran", "akan"]),  # colon glued to a word
        ("perang AS-Iran", ["perang", "AS", "-", "Iran"]),  # hyphenated pair of places
        ("perbatasan Suriah-Irak", ["perbatasan", "Suriah", "-", "Irak"]),
        ("memiliki 2.500 pasukan", ["memiliki", "2.500", "pasukan"]),  # thousands separator
        ("pukul 07:31 WIB", ["pukul", "07:31", "WIB"]),
        ("“Mulai sekarang,” ungkap", ["“", "Mulai", "sekarang", ",", "”", "ungkap"]),
        ('menyampaikan "pesan itu."', ["menyampaikan", '"', "pesan", "itu", ".", '"']),
        ("Irak makaWashington justru", ["Irak", "maka", "Washington", "justru"]),  # glued words
        ("Rabu (24/1/2024) kemarin", ["Rabu", "(", "24", "/", "1", "/", "2024", ")", "kemarin"]),
        ("Foto/Anadolu Agency", ["Foto", "/", "Anadolu", "Agency"]),
        ("Ryan C. Crocker", ["Ryan", "C.", "Crocker"]),
    ],
)
def test_tokenizer_rules(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_line_break_ends_a_sentence() -> None:
    assert sentences("Komandan Iran Desak Milisi\n\nRabu, 14 Juli 2021 - 07:31 WIB\nAnggota Korp") == [
        "Komandan Iran Desak Milisi", "Rabu, 14 Juli 2021 - 07:31 WIB", "Anggota Korp"]


def test_an_opening_bracket_starts_the_next_sentence() -> None:
    assert sentences("mengaku bertanggung jawab. (mm/fna)") == [
        "mengaku bertanggung jawab.", "(mm/fna)"]


def test_an_opening_straight_quote_starts_the_next_sentence() -> None:
    assert sentences('kata dia. "Mulai sekarang kami diam."') == [
        "kata dia.", '"Mulai sekarang kami diam."']


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert sentences("“Tidak pernah berakhir,” kata Crocker. “Tujuan strategisnya.” (sya)") == [
        "“Tidak pernah berakhir,” kata Crocker.", "“Tujuan strategisnya.”", "(sya)"]


def test_tokens_reproduce_the_text_and_stay_inside_sentences(corpus: dict[str, SourceDocument]) -> None:
    for article in corpus.values():  # the project's tokenizer for seeds, IndoSum's own tokens for IndoSum
        doc = article.tokenized()
        for token in doc.tokens:
            assert article.text[token.start : token.end] == token.text
            assert token.text.strip() == token.text and token.text
        # Between tokens there is only whitespace: nothing is lost.
        previous_end = 0
        for token in doc.tokens:
            assert not article.text[previous_end : token.start].strip()
            previous_end = token.end
        assert not article.text[previous_end:].strip()
        # Sentences partition the tokens and no token crosses a sentence boundary.
        assert doc.sentences[0].first == 0 and doc.sentences[-1].last == len(doc.tokens)
        for before, after in zip(doc.sentences, doc.sentences[1:], strict=False):
            assert before.last == after.first
        for sentence in doc.sentences:
            inside = doc.tokens[sentence.first : sentence.last]
            assert inside[0].start == sentence.start and inside[-1].end == sentence.end
            assert all(sentence.start <= t.start and t.end <= sentence.end for t in inside)
            assert "\n" not in article.text[sentence.start : sentence.end]


# Pieces that exercise spaCy's Indonesian exceptions: hyphenated reduplications and
# abbreviations (which the phrase-matching pass handles), a hyphenated word that is no
# exception, emoticons, and the whitespace that can sit between an exception's tokens.
_PIECES = ["hati-hati", "berhati-hati", "Undang-Undang", "anak-anak", "anak", "-", "hati", "A.S.", "S.", "Dr.",
           "a.n.", "dll.", ":)", "8D", "Iran", "ke-2", "AS-Iran", ".", ",", "(", ")", '"', "makaWashington"]
_GAPS = ["", " ", "  ", "\n", " - "]


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), min_size=1, max_size=12)
                .map(lambda parts: "".join(piece + gap for piece, gap in parts).strip()), min_size=1, max_size=4))
def test_a_pipeline_for_some_texts_tokenises_them_as_the_full_one(texts: list[str]) -> None:
    nlp = make_nlp_for(texts)
    for text in texts:
        assert tokenize(text, nlp) == tokenize(text)


def test_a_pipeline_for_some_texts_keeps_only_their_exceptions() -> None:
    nlp = make_nlp_for(["Ia berhati - hati, kata Dr. Ali"])
    assert {"berhati-hati", "hati-hati", "Dr."} <= set(nlp.tokenizer.rules)
    assert "anak-anak" not in nlp.tokenizer.rules and "anak-anak" in make_nlp().tokenizer.rules
    assert make_nlp_for(["Iran"]).pipe_names == make_nlp().pipe_names


def test_the_corpus_texts_tokenise_alike_with_their_exceptions_only(corpus: dict[str, SourceDocument]) -> None:
    texts = [document.text for document in corpus.values()]
    nlp = make_nlp_for(texts)
    assert all(tokenize(text, nlp) == tokenize(text) for text in texts)
