"""IndoSum records: one JSON line per article, already tokenised and sentence-split.

IndoSum (Kurniawan and Louvan, 2018) stores an article as paragraphs of
sentences of tokens, with its outlet and URL::

    {"id": "1502355236-bahas-korut-...", "category": "tajuk utama", "source": "cnn indonesia",
     "source_url": "http://www.cnnindonesia.com/internasional/20170809...",
     "paragraphs": [[["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Menteri", ...], [...]], ...],
     "summary": [[...]], "gold_labels": [[false, true], ...]}

The annotated text of a record is made by one rule: the tokens of a sentence
are joined by one space, the sentences of a paragraph by one space, and
paragraphs by a blank line (``\\n\\n``). The tokens and sentences of the text are
then exactly IndoSum's own, with two kinds of exception, each dropped by a
named rule and recorded (:data:`DROP_RULES`):

>>> record = IndoSumRecord("1-x", "kompas", "http://x/2017/05/01/a",
...     ((("Iran", "\\u00a0", "menguji", "rudal", "."), ("Baca", "juga", ":", "Lain")),))
>>> derived = derive_text(record)
>>> derived.text
'Iran menguji rudal .'
>>> [(d.rule, d.paragraph, d.sentence, d.token) for d in derived.drops]
[('whitespace_token', 0, 0, 1), ('related_links', 0, 1, None)]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from indogeoie.errors import IndoGeoIEError, Problem

#: The corpus, as its authors ask it to be cited (from its README.txt).
CORPUS_NAME = "IndoSum"
CITATION = """@inproceedings{kurniawan2018,
  place={Bandung, Indonesia},
  title={IndoSum: A New Benchmark Dataset for Indonesian Text Summarization},
  url={https://ieeexplore.ieee.org/document/8629109},
  DOI={10.1109/IALP.2018.8629109},
  booktitle={2018 International Conference on Asian Language Processing (IALP)},
  publisher={IEEE},
  author={Kurniawan, Kemal and Louvan, Samuel},
  year={2018},
  month={Nov},
  pages={215-220}
}"""
CITATION_SHORT = "Kurniawan and Louvan (2018), IndoSum, IALP 2018, doi:10.1109/IALP.2018.8629109"
LICENCE = "CC-BY-SA-4.0"
#: Where the copies that were imported come from: the repository, the commit and each file's sha256.
REPOSITORY = "https://github.com/CalDev-id/INDOSUM2"
COMMIT = "9280c93074959f0d99f1d48e9a2369373ff84248"
FOLDER = "indosum"
FILE_SHA256 = {
    "dev.01.jsonl": "f57fd914e820f5ba929c96934a831117c1ba09fafdd0576178b0da905b57195b",
    "dev.02.jsonl": "5f6d63b73d94c1328eb8f66893e8afc5de863994dfcfec0bde1c35ef6e1a52e1",
    "dev.03.jsonl": "96b0a008f7ab86a613c1bf3a1dbf57af4597b08d44c2dc0b3758f449e89a9b06",
    "dev.04.jsonl": "fc0e8a74bd05350d27cc18706cafb703a7826dc1f488176357b19e816ebfeefc",
    "dev.05.jsonl": "399ab12e2702830102298befc9a6b6f2ad208093410a11edfe3fdc1aaa6c6d61",
}

#: What each drop rule removes from a record before its text is made.
DROP_RULES: dict[str, str] = {
    "whitespace_token": (
        "A token that is only whitespace (a no-break space, a stray newline or CRLF); "
        "joining it would put invisible characters between tokens."
    ),
    "related_links": (
        "A sentence that is a link to another article: it starts 'Baca juga :' or "
        "'Lihat juga :', also inside square brackets."
    ),
    "embed_label": "A sentence that only labels an embedded video or photo: 'Video :', 'Foto :'.",
}

_RELATED = re.compile(r"^\[?\s*(baca|lihat)\s+juga\s*:", re.IGNORECASE)
_EMBED = re.compile(r"^(video|foto)\s*:$", re.IGNORECASE)
_URL_DATES = (
    re.compile(r"/(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\d{6}-"),  # cnnindonesia.com/...20170809123456-
    re.compile(r"/read/(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)/"),  # rimanews.com/.../read/20161210/
    re.compile(r"/(?P<y>20\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),  # suara.com, poskotanews.com
)
#: The keys a record must have, with their JSON types.
RECORD_KEYS = {"id": str, "paragraphs": list, "source": str, "source_url": str}


@dataclass(frozen=True)
class IndoSumRecord:
    """The fields of an IndoSum record that the project uses."""

    id: str
    outlet: str
    url: str
    paragraphs: tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True)
class TokenDrop:
    """Something left out of the text: one token, or a whole sentence when ``token`` is None."""

    rule: str
    paragraph: int
    sentence: int
    token: int | None
    text: str


@dataclass(frozen=True)
class DerivedText:
    """The text of a record, its sentences and tokens as offsets, and what was dropped."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    tokens: tuple[tuple[int, int], ...]
    drops: tuple[TokenDrop, ...]


def parse_record(line: bytes, *, file: str, line_number: int) -> IndoSumRecord:
    """Read one IndoSum JSON line into a record, or fail naming the file, the line and the field.

    Args:
        line: the line's bytes, without its newline.
        file: the file it comes from, for messages.
        line_number: its 1-based line number, for messages.
    """
    where = f"{file}:{line_number}"
    try:
        data: Any = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise IndoGeoIEError(Problem(f"not a JSON record: {error}", file=where)) from None
    if not isinstance(data, dict):
        raise IndoGeoIEError(Problem(f"a record must be a JSON object, not {type(data).__name__}", file=where))
    for key, kind in RECORD_KEYS.items():
        if not isinstance(data.get(key), kind):
            raise IndoGeoIEError(Problem(f"field {key!r} must be a {kind.__name__}, not "
                                         f"{type(data.get(key)).__name__}", file=where, doc_id=data.get("id")
                                         if isinstance(data.get("id"), str) else None))
    paragraphs = []
    for p, paragraph in enumerate(data["paragraphs"]):
        if not isinstance(paragraph, list) or not all(
                isinstance(s, list) and all(isinstance(t, str) for t in s) for s in paragraph):
            raise IndoGeoIEError(Problem(f"paragraph {p} must be a list of sentences, each a list of "
                                         "token strings", file=where, doc_id=data["id"]))
        paragraphs.append(tuple(tuple(sentence) for sentence in paragraph))
    return IndoSumRecord(data["id"], data["source"], data["source_url"], tuple(paragraphs))


def _sentence_rule(tokens: list[str]) -> str | None:
    joined = " ".join(tokens)
    if _RELATED.match(joined):
        return "related_links"
    if _EMBED.match(joined):
        return "embed_label"
    return None


def derive_text(record: IndoSumRecord) -> DerivedText:
    """The annotated text of a record by the project's rule, with its sentences and tokens.

    Args:
        record: a parsed record.
    """
    drops: list[TokenDrop] = []
    paragraphs: list[list[list[str]]] = []
    for p, paragraph in enumerate(record.paragraphs):
        kept_sentences = []
        for s, sentence in enumerate(paragraph):
            tokens = []
            for t, token in enumerate(sentence):
                if token.strip():
                    tokens.append(token)
                else:
                    drops.append(TokenDrop("whitespace_token", p, s, t, token))
            rule = _sentence_rule(tokens)
            if rule is not None:
                drops.append(TokenDrop(rule, p, s, None, " ".join(tokens)))
            elif tokens:
                kept_sentences.append(tokens)
        if kept_sentences:
            paragraphs.append(kept_sentences)
    pieces: list[str] = []
    sentences: list[tuple[int, int]] = []
    tokens_out: list[tuple[int, int]] = []
    offset = 0
    for p, kept in enumerate(paragraphs):
        if p:
            pieces.append("\n\n")
            offset += 2
        for s, kept_sentence in enumerate(kept):
            if s:
                pieces.append(" ")
                offset += 1
            start = offset
            for t, token in enumerate(kept_sentence):
                if t:
                    pieces.append(" ")
                    offset += 1
                tokens_out.append((offset, offset + len(token)))
                pieces.append(token)
                offset += len(token)
            sentences.append((start, offset))
    return DerivedText("".join(pieces), tuple(sentences), tuple(tokens_out), tuple(drops))


def published_from_url(url: str) -> str | None:
    """The publication date (``YYYY-MM-DD``) that an outlet writes into its URL, if any.

    >>> published_from_url("http://www.suara.com/news/2016/08/31/191400/tidur-di-rapat")
    '2016-08-31'
    >>> published_from_url("http://www.antaranews.com/berita/583622/kunjungi-pengungsi") is None
    True
    """
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match and 1 <= int(match["m"]) <= 12 and 1 <= int(match["d"]) <= 31:
            return f"{match['y']}-{match['m']}-{match['d']}"
    return None
