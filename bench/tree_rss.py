#!/usr/bin/env python3
"""Run a command and measure the memory of its whole process tree (the command, the
reading pool's readers, the document worker): the peak of the summed RSS, the peak of
the summed PSS (shared pages counted once, split between the processes that share
them) and the largest single process, sampled every 50 ms from /proc.

    BENCH_TREE_OUT=tree.json bench/tree_rss.py .venv/bin/mailbot sync
    BENCH_TREE_OUT=tree.json REAL_MAILBOT=.venv/bin/mailbot bench/tree_rss.py sync

GNU time's "maximum resident set size" is the largest single process only; the goal
of issue 14 is all processes together. Standard library only, so that any python3 can
run it as the perf harness's MAILBOT_CMD.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _descendants(root: int) -> list[int]:
    tree = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes; (0, 0) when the process is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            rss = pss = 0
            for line in rollup:
                if line.startswith(b"Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith(b"Pss:"):
                    pss = int(line.split()[1]) * 1024
            return rss, pss
    except OSError:
        return 0, 0


def main() -> int:
    out = Path(os.environ.get("BENCH_TREE_OUT", "tree_rss.json"))
    real = os.environ.get("REAL_MAILBOT")
    process = subprocess.Popen([real, *sys.argv[1:]] if real else sys.argv[1:])
    peak = {"rss_sum": 0, "pss_sum": 0, "rss_max": 0, "processes": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pids = _descendants(process.pid)
            sizes = [_memory(pid) for pid in pids]
            peak["rss_sum"] = max(peak["rss_sum"], sum(r for r, _ in sizes))
            peak["pss_sum"] = max(peak["pss_sum"], sum(p for _, p in sizes))
            peak["rss_max"] = max(peak["rss_max"], max((r for r, _ in sizes), default=0))
            peak["processes"] = max(peak["processes"], sum(1 for r, _ in sizes if r))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    done.set()
    sampler.join()
    mb = {key: round(value / 1048576, 1) for key, value in peak.items() if key != "processes"}
    out.write_text(json.dumps({**mb, "processes": peak["processes"], "exit": code}) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
