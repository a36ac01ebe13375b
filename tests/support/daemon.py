"""The real daemon (`python -m mailbot run`) in a subprocess, with its log in a file."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.cli import REPO, clean_env


class DaemonProcess:
    def __init__(
        self, state: Path, *, config: Path | None = None, env: dict[str, str] | None = None
    ):
        self.state = state
        self.config = config
        self.env = clean_env(**(env or {}))
        self.log_path = state.parent / f"daemon-{state.name}.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, ready: str = "ready: ", timeout: float = 30) -> DaemonProcess:
        args = [sys.executable, "-m", "mailbot", "run", "--state", str(self.state)]
        if self.config is not None:
            args += ["--config", str(self.config)]
        self.starts += 1
        log = self.log_path.open("ab")
        log.write(f"\n===== start {self.starts} =====\n".encode())
        log.flush()
        self.proc = subprocess.Popen(args, cwd=REPO, env=self.env, stdout=log, stderr=log)
        log.close()
        self.wait_for_log(ready, timeout, occurrence=self.starts)
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_for_log(self, text: str, timeout: float = 30, occurrence: int = 1) -> None:
        def seen() -> bool:
            if self.proc is not None and self.proc.poll() is not None:
                raise AssertionError(f"daemon exited with {self.proc.returncode}:\n{self.log()}")
            return self.log().count(text) >= occurrence

        wait_until(seen, timeout, f"{text!r} in the daemon log")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        assert self.proc is not None
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"daemon did not stop within {timeout} s:\n{self.log()}") from None

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> DaemonProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


def wait_until(
    predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.05
) -> float:
    """Poll until true; returns the seconds it took. Fails with `what` on timeout."""
    start = time.monotonic()
    while True:
        if predicate():
            return time.monotonic() - start
        if time.monotonic() - start > timeout:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)
