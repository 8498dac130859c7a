"""Decoding bytes and normalising text: encodings, binary detection, and the 1:1 character mapping."""

from __future__ import annotations

import codecs
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.errors import NotTextError
from claimcheck.loading.textnorm import _TABLE, decode, normalize

# ------------------------------------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        *((chr(code), "-") for code in range(0x2010, 0x2014)),  # hyphen, non-breaking hyphen, figure dash, en dash
        ("\u2014", "\u2014"),  # em dash separates clauses: kept, so "Code\u2014the" stays two words
        ("\u2015", "\u2014"),  # horizontal bar reads as an em dash
        ("\u2e3a", "\u2014"),  # two-em dash
        ("\u2212", "-"),  # minus sign
        ("\ufe58", "\u2014"),  # small em dash
        ("\ufe63", "-"),
        ("\uff0d", "-"),
        ("\u2018", "'"),
        ("\u2019", "'"),
        ("\u201a", "'"),
        ("\u201b", "'"),
        ("\u2032", "'"),  # prime
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u201e", '"'),
        ("\u201f", '"'),
        ("\u2033", '"'),  # double prime
        ("\u00a0", " "),  # no-break space
        ("\u202f", " "),  # narrow no-break space
        ("\u2009", " "),  # thin space
        ("\u2002", " "),
        ("\u2003", " "),
        ("\u3000", " "),
        ("\u200b", " "),  # zero-width space
        ("\u200d", " "),  # zero-width joiner
        ("\u00ad", " "),  # soft hyphen
        ("\ufeff", " "),
        ("\u2028", "\n"),
        ("\u00d7", "\u00d7"),  # the multiplication sign stays: the quantity grammar reads it
        ("\u2026", "\u2026"),
        ("\u00e9", "\u00e9"),
        ("a", "a"),
    ],
)
def test_normalize_maps_each_character(char: str, expected: str) -> None:
    assert normalize(f"x{char}y") == f"x{expected}y"


def test_normalize_crlf_keeps_length_and_line_count() -> None:
    text = "one\r\ntwo\r\nthree"
    result = normalize(text)
    assert result == "one \ntwo \nthree"
    assert len(result) == len(text)


def test_normalize_lone_cr_is_a_line_break() -> None:
    assert normalize("old\rmac\r\nmixed") == "old\nmac \nmixed"


def test_normalize_typical_sentence() -> None:
    text = "GPT\u20115.4\u2019s score rose 12\u201318%\u2014\u201cquite a jump\u201d\u00a0today."
    assert normalize(text) == 'GPT-5.4\'s score rose 12-18%\u2014"quite a jump" today.'


@given(st.text(alphabet=st.sampled_from([*map(chr, _TABLE), "a", " ", "\r", "\n", "\u00e9"])) | st.text())
def test_normalize_preserves_length_and_applies_the_table(text: str) -> None:
    result = normalize(text)
    assert len(result) == len(text)
    assert result == text.replace("\r\n", " \n").translate(_TABLE)


def test_normalize_is_fast_on_megabytes() -> None:
    text = ("Claude\u2019s score \u2014 80.8%\u00a0on SWE\u2011Bench.\r\n" * 120_000)[:4_000_000]
    started = time.perf_counter()
    result = normalize(text)
    assert time.perf_counter() - started < 1.0
    assert len(result) == len(text)


# ---------------------------------------------------------------------------------------------- decode

RUSSIAN = "Привет мир, как дела? Это обычный русский текст о моделях."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"plain ascii", "plain ascii", "utf-8"),
        ("caf\u00e9 \u2014 \u201cquoted\u201d".encode(), "caf\u00e9 \u2014 \u201cquoted\u201d", "utf-8"),
        (codecs.BOM_UTF8 + "caf\u00e9".encode(), "caf\u00e9", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "caf\u00e9 42%".encode("utf-16-le"), "caf\u00e9 42%", "utf-16-le"),
        (codecs.BOM_UTF16_BE + "caf\u00e9 42%".encode("utf-16-be"), "caf\u00e9 42%", "utf-16-be"),
        ("na\u00efve".encode("utf-16"), "na\u00efve", "utf-16-le"),  # Python writes the native-order BOM
        (b"caf\xe9 \x93quoted\x94", "caf\u00e9 \u201cquoted\u201d", "cp1252"),
        (b"Gr\xfc\xdfe aus K\xf6ln \x96 42\x80", "Gr\u00fc\u00dfe aus K\u00f6ln \u2013 42\u20ac", "cp1252"),
        (b"r\xe9sum\xe9 \x81 byte", "r\u00e9sum\u00e9 \x81 byte", "latin-1"),  # 0x81 is undefined in cp1252
        # UTF-8 that was read as cp1252 and saved again as cp1252, next to a real cp1252 byte: ftfy repairs it
        (b"caf\xc3\xa9 and na\xefve", "caf\u00e9 and na\u00efve", "cp1252"),
        (codecs.BOM_UTF8 + b"caf\xe9", "caf\u00e9", "cp1252"),  # a BOM in front of a cp1252 file
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),  # not Latin script: charset-normalizer's guess
        (b"", "", "utf-8"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"text then a NUL \x00 byte",
        bytes(range(1, 9)) * 200,  # control characters, no NUL
        codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\x00" * 20,
    ],
)
def test_decode_rejects_binary(data: bytes) -> None:
    with pytest.raises(NotTextError, match="binary"):
        decode(data)


def test_decode_rejects_broken_utf16() -> None:
    with pytest.raises(NotTextError, match="UTF-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


def test_decode_keeps_escape_and_tabs() -> None:
    assert decode(b"col\tcol\x1b[0m\n") == ("col\tcol\x1b[0m\n", "utf-8")
