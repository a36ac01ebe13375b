"""The raw store: every mail's exact bytes, content-addressed, written durably.

A file is named after the sha256 of its bytes, so writing the same mail twice
(a re-fetch after a crash) writes identical bytes to the same name: harmless.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
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

    def put_many(self, raws: list[bytes]) -> list[str]:
        """`put` for a batch, with one flush to disk for all of it instead of one per
        file: every file is written to `tmp/`, the file system is synced once
        (syncfs), the files are renamed into place, and the folder is synced. When this
        returns, every file is as durable as after `put`."""
        digests = [sha256_hex(raw) for raw in raws]
        self._tmp.mkdir(parents=True, exist_ok=True)
        written: list[tuple[str, Path]] = []
        seen: set[str] = set()
        try:
            for digest, raw in zip(digests, raws, strict=True):
                final = self.path(digest)
                if digest in seen or (final.exists() and final.stat().st_size == len(raw)):
                    continue
                seen.add(digest)
                fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix=digest[:16], suffix=".tmp")
                written.append((digest, Path(tmp_name)))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(raw)
                    if not _HAS_SYNCFS:
                        fh.flush()
                        os.fsync(fh.fileno())
            if not written:
                return digests
            if _HAS_SYNCFS:
                _syncfs(self._tmp)
            for digest, tmp in written:
                os.replace(tmp, self.path(digest))
        except BaseException:
            for _digest, tmp in written:
                tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(self.root)
        return digests

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


def _load_syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2): flush one file system's dirty data and metadata in one call."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


_SYNCFS = _load_syncfs()
_HAS_SYNCFS = _SYNCFS is not None


def _syncfs(path: Path) -> None:
    assert _SYNCFS is not None
    fd = os.open(path, os.O_RDONLY)
    try:
        if _SYNCFS(fd) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"syncfs failed: {os.strerror(error)}", str(path))
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
