"""The raw store: every mail's exact bytes, content-addressed, written durably.

A file is named after the sha256 of its bytes, so writing the same mail twice
(a re-fetch after a crash) writes identical bytes to the same name: harmless.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class RawStore:
    """Durable, content-addressed files under `<state>/raw/`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def relpath(self, sha256: str) -> str:
        return f"raw/{sha256}.eml"

    def path(self, sha256: str) -> Path:
        return self.root / f"{sha256}.eml"

    def put(self, raw: bytes) -> str:
        """Write `raw` durably and return its sha256.

        Order matters: write to a temporary file, fsync it, rename it into place,
        then fsync the directory so the rename itself survives a power cut. Only
        after this returns may the caller commit a row that points at the file.
        """
        digest = sha256_hex(raw)
        final = self.path(digest)
        if final.exists() and final.stat().st_size == len(raw):
            return digest  # same name, same size: same content (content-addressed)
        self._tmp.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix=digest[:16], suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, final)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        _fsync_dir(self.root)
        return digest

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def clean_tmp(self) -> int:
        """Remove temporary files left by a crash mid-write; returns how many."""
        if not self._tmp.is_dir():
            return 0
        count = 0
        for leftover in self._tmp.iterdir():
            leftover.unlink(missing_ok=True)
            count += 1
        return count


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
