"""Posting-list codec and shard hash, mirrored by search.js (decodeList, hash).

A list of ascending doc numbers is stored as base64 of one of:

* ``0x00`` + varint gaps (gap = doc − previous − 1, previous starts at −1);
  varint = 7 bits per byte, low bits first, high bit set on all but the last byte;
* ``0x01`` + varint(first) + varint(span) + bitmap of ``span`` bits (bit i, least
  significant first, set when first + i is in the list) — for dense lists.

The encoder picks the shorter. The hash is 32-bit FNV-1a over UTF-16 code units.
"""

from __future__ import annotations

import base64
from typing import Iterable, Sequence

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619
EQUAL_SEED = 0x9747B28C


def fnv1a(key: str, seed: int = FNV_OFFSET) -> int:
    h = seed
    raw = key.encode("utf-16-le")
    for i in range(0, len(raw), 2):
        h ^= raw[i] | (raw[i + 1] << 8)
        h = (h * FNV_PRIME) & 0xFFFFFFFF
    return h


def varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def encode_list(docs: Sequence[int]) -> bytes:
    gaps = bytearray([0])
    prev = -1
    for d in docs:
        varint(d - prev - 1, gaps)
        prev = d
    if not docs:
        return bytes(gaps)
    first, span = docs[0], docs[-1] - docs[0] + 1
    if (span + 7) // 8 + 7 >= len(gaps):
        return bytes(gaps)
    bitmap = bytearray([1])
    varint(first, bitmap)
    varint(span, bitmap)
    bits = bytearray((span + 7) // 8)
    for d in docs:
        i = d - first
        bits[i >> 3] |= 1 << (i & 7)
    return bytes(bitmap + bits)


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def decode_varints(data: bytes) -> list[int]:
    out, pos = [], 0
    while pos < len(data):
        value, pos = _read_varint(data, pos)
        out.append(value)
    return out


def decode_list(data: bytes) -> list[int]:
    if not data:
        return []
    if data[0] == 0:
        out, pos, prev = [], 1, -1
        while pos < len(data):
            gap, pos = _read_varint(data, pos)
            prev += gap + 1
            out.append(prev)
        return out
    first, pos = _read_varint(data, 1)
    span, pos = _read_varint(data, pos)
    return [first + i for i in range(span) if data[pos + (i >> 3)] >> (i & 7) & 1]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


def encode_b64(docs: Iterable[int]) -> str:
    return b64(encode_list(list(docs)))
