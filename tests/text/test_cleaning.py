"""Cleaning: one test per rule on the real articles, and the offset map."""

from __future__ import annotations

import pytest

from indogeoie import paths
from indogeoie.formats.articles import Article, read_articles
from indogeoie.text.cleaning import RULES, clean_text
from indogeoie.text.tokens import tokenize


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    """The raw seed articles, the only articles cleaned by rule."""
    return read_articles(paths.ARTICLES)


def by_id(corpus: list[Article], prefix: str) -> Article:
    return next(a for a in corpus if a.doc_id.startswith(prefix))


def dropped(article: Article, rule: str) -> list[str]:
    """The raw lines that ``rule`` dropped (touching drops of one rule are merged)."""
    raw = article.cleaned.raw
    return [line for d in article.cleaned.drops if d.rule == rule
            for line in raw[d.start : d.end].splitlines() if line.strip()]


def test_related_links_glued_colon(seeds: list[Article]) -> None:
    article = by_id(seeds, "000")
    assert any(t.startswith("Baca Juga:Iran akan Balas") for t in dropped(article, "related_links"))
    assert "Baca Juga" not in article.text
    assert "Jabodetabek" not in article.text


def test_related_links_heading_drops_the_headlines_after_it(seeds: list[Article]) -> None:
    article = by_id(seeds, "003")
    block = "".join(dropped(article, "related_links"))
    assert "Iran Dilaporkan Menyeru" in block and "Atwan: Perang Gerilya" in block
    assert "Baca juga" not in article.text
    # The last body paragraph survives.
    assert article.text.endswith("(mm/fna/rudaw/mna)")


def test_related_links_lihat_juga(seeds: list[Article]) -> None:
    assert any(t.startswith("Lihat Juga :") for t in dropped(by_id(seeds, "002"), "related_links"))


def test_view_counter(seeds: list[Article]) -> None:
    article = by_id(seeds, "003")
    assert [t.strip() for t in dropped(article, "view_counter")] == ["0", "272"]
    assert "\n0\n" not in article.text


def test_share_follow_comment(seeds: list[Article]) -> None:
    texts = [t.strip() for t in dropped(by_id(seeds, "002"), "share_follow_comment")]
    assert texts == ["tulis komentar anda", "Follow"]
    assert [t.strip() for t in dropped(by_id(seeds, "003"), "share_follow_comment")] == ["DISKUSI:"]


def test_promo(seeds: list[Article]) -> None:
    article = by_id(seeds, "002")
    assert any("SINDOnews.com" in t for t in dropped(article, "promo"))
    assert "Klik Disini" not in article.text


def test_site_navigation(seeds: list[Article]) -> None:
    sindo = [t.strip() for t in dropped(by_id(seeds, "002"), "site_navigation")]
    assert sindo == ["Video Rekomendasi", "Berita Terkait", "Rekomendasi", "Terpopuler",
                     "Berita Terkini More"]
    mistar = [t.strip() for t in dropped(by_id(seeds, "004"), "site_navigation")]
    assert mistar == ["PREVIOUS ARTICLE", "BON & BENN"]
    assert by_id(seeds, "004").text.endswith("(mtr/hm17)")


def test_title_slug(seeds: list[Article]) -> None:
    article = by_id(seeds, "004")
    assert [t.strip() for t in dropped(article, "title_slug")] == [
        "isis telah kalah irak dan as sepakat mengakhiri koalisi militer"
    ]
    assert article.text.startswith("ISIS Telah Kalah, Irak dan AS Sepakat Mengakhiri Koalisi Militer\n"
                                   "Washington, MISTAR.ID\n")


def test_blank_lines(seeds: list[Article]) -> None:
    article = by_id(seeds, "002")
    assert "\n\n\n" not in article.text
    assert not article.text.startswith("\n") and not article.text.endswith("\n")
    # Paragraph breaks survive as one blank line.
    assert "WIB\nAnggota" in article.text and "(AS) selama" in article.text
    assert "pekan lalu.\n\nInformasi" in article.text


def test_title_body_and_captions_are_kept(seeds: list[Article]) -> None:
    article = by_id(seeds, "002")
    assert article.text.startswith("Komandan Iran Desak Milisi Irak")
    assert "Foto/Anadolu Agency" in article.text
    assert article.text.endswith("karena sensitivitas subjek.\n(sya)")


def test_bom_and_crlf() -> None:
    cleaned = clean_text("\ufeffJudul\r\n\r\n\r\nIsi satu.\r\nIsi dua.\r\n")
    assert cleaned.text == "Judul\n\nIsi satu.\nIsi dua."
    assert {d.rule for d in cleaned.drops} == {"bom", "crlf", "blank_lines"}
    start = cleaned.text.index("Isi dua")
    end = start + len("Isi dua.")
    assert cleaned.raw[cleaned.to_raw(start) : cleaned.to_raw(end, end=True)] == "Isi dua."


def test_every_rule_is_used_or_tested() -> None:
    assert set(RULES) == {"bom", "crlf", "title_slug", "view_counter", "share_follow_comment",
                          "promo", "site_navigation", "related_links", "blank_lines"}


def test_cleaning_is_deterministic(seeds: list[Article]) -> None:
    for article in seeds:
        assert clean_text(article.cleaned.raw) == article.cleaned


def test_every_token_maps_back_to_the_raw_text(seeds: list[Article]) -> None:
    checked = 0
    for article in seeds:
        cleaned = article.cleaned
        for token in tokenize(cleaned.text).tokens:
            raw_span = cleaned.raw[cleaned.to_raw(token.start) : cleaned.to_raw(token.end, end=True)]
            assert raw_span == cleaned.text[token.start : token.end], (article.doc_id, token)
            checked += 1
    assert checked > 1800


def test_every_offset_maps_into_the_raw_text(seeds: list[Article]) -> None:
    for article in seeds:
        cleaned = article.cleaned
        for offset, char in enumerate(cleaned.text):
            assert cleaned.raw[cleaned.to_raw(offset)] == char


def test_to_raw_rejects_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError, match=r"offset 99 is outside the cleaned text \[0:4\]"):
        clean_text("Isi.\n").to_raw(99)
