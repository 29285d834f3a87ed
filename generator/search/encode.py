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

import numpy as np

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


SMALL_LIST = 32  # up to this many docs a list is encoded in plain Python: numpy's set-up costs more


def _encode_small(docs: Sequence[int]) -> bytes:
    """``encode_list`` for a short list, byte for byte (most of the index's keys are in a few docs)."""
    gaps, prev = [], -1
    for doc in docs:
        gaps.append(doc - prev - 1)
        prev = doc
    size = sum(1 + (g >= 1 << 7) + (g >= 1 << 14) + (g >= 1 << 21) + (g >= 1 << 28) for g in gaps)
    first, span = docs[0], docs[-1] - docs[0] + 1
    if (span + 7) // 8 + 7 < 1 + size:
        out = bytearray([1])
        varint(first, out)
        varint(span, out)
        bits = bytearray((span + 7) // 8)
        for doc in docs:
            bits[(doc - first) >> 3] |= 1 << ((doc - first) & 7)
        return bytes(out + bits)
    out = bytearray([0])
    for gap in gaps:
        varint(gap, out)
    return bytes(out)


def encode_list(docs: Sequence[int]) -> bytes:
    if not len(docs):
        return b"\x00"
    if len(docs) <= SMALL_LIST:
        return _encode_small(docs)
    arr = np.asarray(docs, dtype=np.int64)
    gaps = np.diff(arr, prepend=-1) - 1
    sizes = 1 + (gaps >= 1 << 7) + (gaps >= 1 << 14) + (gaps >= 1 << 21) + (gaps >= 1 << 28)
    first, span = int(arr[0]), int(arr[-1] - arr[0] + 1)
    if (span + 7) // 8 + 7 < 1 + int(sizes.sum()):
        head = bytearray([1])
        varint(first, head)
        varint(span, head)
        bits = np.zeros(span, dtype=np.uint8)
        bits[arr - first] = 1
        return bytes(head) + np.packbits(bits, bitorder="little").tobytes()
    if int(sizes.max()) == 1:
        return b"\x00" + gaps.astype(np.uint8).tobytes()
    out = bytearray([0])
    for gap in gaps.tolist():
        varint(gap, out)
    return bytes(out)


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
