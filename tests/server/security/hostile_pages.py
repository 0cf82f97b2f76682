"""Builders for pathological and hostile pages, shared by the security tests and the bench.

Each builder returns the page (str or bytes) a hostile or broken site could hand the
extension. Sizes are parameters so the tests can stay just under or just over a limit.
"""
from __future__ import annotations

import os

ARTICLE_SENTENCES = (
    "The minister said on Tuesday that the bridge would reopen in May, according to officials. "
    "Critics say the repairs were rushed and the costs were hidden from the public. "
)


def legitimate_page(marker: str = "") -> str:
    """A small, ordinary article page (what a real user sends)."""
    paragraphs = "".join(f"<p>{ARTICLE_SENTENCES}{marker}</p>" for _ in range(4))
    return f"<html><head><title>Bridge repairs</title></head><body><article><h1>Bridge repairs</h1>{paragraphs}</article></body></html>"


def nested_elements(count: int = 200_000, tag: str = "div") -> str:
    """``count`` elements each inside the previous one."""
    return "<html><body>" + f"<{tag}>" * count + ARTICLE_SENTENCES + f"</{tag}>" * count + "</body></html>"


def flat_elements(count: int) -> str:
    """``count`` sibling paragraphs (wide rather than deep)."""
    return "<html><body><article>" + "<p>x</p>" * count + "</article></body></html>"


def one_text_node(chars: int) -> str:
    """One paragraph holding ``chars`` characters of text."""
    sentence = "The officials said the talks would continue next week. "
    text = (sentence * (chars // len(sentence) + 1))[:chars]
    return f"<html><body><article><p>{text}</p></article></body></html>"


def punctuation_run(chars: int = 50_000, mark: str = "!", after: str = "x then she left.") -> str:
    """A paragraph with a run of ``chars`` marks, by default glued to the next word
    ("!!!…!!!x"): every place in the run may look like a sentence end."""
    return (f"<html><body><article><p>{ARTICLE_SENTENCES}</p><p>The mayor said she was furious{mark * chars}{after}"
            f"</p><p>{ARTICLE_SENTENCES}</p></article></body></html>")


def repeated_phrase(phrase: str = "said, ", times: int = 5_000) -> str:
    """One "sentence" made of the same words over and over ("said, said, …"): a parse of
    thousands of cue words, each one hung on the next."""
    return (f"<html><body><article><p>{ARTICLE_SENTENCES}</p><p>The mayor said the crowd was furious "
            f"{phrase * times}and left.</p>"
            f"<p>{ARTICLE_SENTENCES}</p></article></body></html>")


def many_attributes(total_bytes: int = 3_000_000, per_element: int = 5_000) -> str:
    """Elements carrying thousands of attributes, megabytes in all."""
    attrs = " ".join(f'data-a{i}="{i}"' for i in range(per_element))
    element = f"<p {attrs}>{ARTICLE_SENTENCES}</p>"
    return "<html><body><article>" + element * max(1, total_bytes // len(element)) + "</article></body></html>"


def huge_attribute_value(chars: int = 5_000_000) -> str:
    """One attribute value of several megabytes."""
    return f'<html><body><article><p title="{"x" * chars}">{ARTICLE_SENTENCES * 3}</p></article></body></html>'


def billion_laughs(levels: int = 10) -> str:
    """The XML entity bomb, in a DOCTYPE at the top of an HTML page."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels)]
    doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n" + "\n".join(lines) + "\n]>\n"
    return doctype + f"<html><body><article><p>{ARTICLE_SENTENCES}&lol{levels - 1};</p></article></body></html>"


def external_entity() -> str:
    """An external entity pointing at a local file (XXE)."""
    return ('<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            f"<html><body><article><p>{ARTICLE_SENTENCES * 3}&xxe;</p></article></body></html>")


def mixed_encodings() -> bytes:
    """UTF-8, Latin-1, Shift-JIS and UTF-16 bytes in one page, under a lying charset."""
    head = b'<html><head><meta charset="koi8-r"></head><body><article><p>'
    parts = [ARTICLE_SENTENCES.encode("utf-8"), "Caf\u00e9 cr\u00e8me".encode("latin-1"),
             "\u65e5\u672c\u8a9e".encode("shift_jis"), "\u00fcber".encode("utf-16"),
             ARTICLE_SENTENCES.encode("utf-8") * 3, b"\xff\xfe\xc3\x28\xa0\xa1"]
    return head + b" ".join(parts) + b"</p></article></body></html>"


def wrong_declared_encoding() -> bytes:
    """UTF-16 bytes that declare themselves UTF-8."""
    return ('<html><head><meta charset="utf-8"></head><body><article><p>'
            + ARTICLE_SENTENCES * 3 + "</p></article></body></html>").encode("utf-16-le")


def binary_junk(size: int = 2_000_000, seed: int = 7) -> bytes:
    """Random bytes (an image or an archive sent by mistake)."""
    import random

    return random.Random(seed).randbytes(size)


def nul_and_controls() -> str:
    """Text with NUL bytes and C0 controls between the tags."""
    return "<html>\x00<body>\x01\x02<article><p>" + ARTICLE_SENTENCES * 3 + "\x00\x1b[31m</p></article></body></html>"


def random_bytes_for_body(size: int) -> bytes:
    """Bytes for an oversized HTTP body (contents do not matter, only the size)."""
    return os.urandom(size)
