"""memo: what earlier builds computed from the same inputs (``store``), beside the pipeline's stages."""

from generator.memo.store import Fingerprinter, Memo, Unfingerprintable, code_salt, no_memo

__all__ = ["Fingerprinter", "Memo", "Unfingerprintable", "code_salt", "no_memo"]
