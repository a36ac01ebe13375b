"""`mailbot parse` survives anything: the shared corpora, generated MIME, garbage bytes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.parse.mime import parse_mail
from mailbot.parse.types import Limits
from mailbot.rules import load_networks
from mailbot.understand.analyze import Context, analyze
from tests.support.cli import REPO, clean_env, corpora_dir

INTERFACE_KEYS = {
    "message_id", "from", "subject", "disposition", "ignored_reason", "network", "kinds",
    "members", "meetings", "protocol", "reasons",
}  # fmt: skip

# Runs the corpus through the real CLI: two `mailbot parse FILE... --json` processes
# (two cores), each reading half the files and writing a line per file as soon as that
# file is read; the time between lines is the time of one file. Reports the children's
# peak memory.
_RUNNER = r"""
import json, resource, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

def chunk(paths):
    proc = subprocess.Popen([sys.executable, "-m", "mailbot", "parse", *paths, "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results, last = [], time.monotonic()
    for path in paths:
        line = proc.stdout.readline()
        now = time.monotonic()
        results.append({"path": path, "out": line, "seconds": now - last})
        last = now
    rest, err = proc.communicate(timeout=600)
    return {"rc": proc.returncode, "err": err[-3000:], "rest": rest, "results": results}

half = (len(sys.argv) - 1) // 2
with ThreadPoolExecutor(2) as pool:  # two cores
    chunks = list(pool.map(chunk, [sys.argv[1:half + 1], sys.argv[half + 1:]]))
# The largest of this runner's children (the parses and their document workers) only:
# the test process's own RUSAGE_CHILDREN would also count Chromium, PostgreSQL and the
# rest of the session.
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"chunks": chunks, "peak_kb": peak_kb}))
"""


@pytest.mark.timeout(1200)
def test_every_corpus_file_parses_to_one_json_object(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(corpora_dir().rglob("*")) if p.is_file()]
    assert len(files) > 200
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, *files],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=clean_env(),
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    peak_kb = report["peak_kb"]
    assert 0 < peak_kb < 500 * 1024, f"a parse used {peak_kb / 1024:.0f} MB"
    results = []
    for chunk in report["chunks"]:
        assert chunk["rc"] == 0, chunk["err"]
        assert not chunk["rest"].strip()  # exactly one line a file
        results += chunk["results"]
    assert len(results) == len(files)
    for result in results:
        where = result["path"]
        # 5 s per file (the first of a process includes starting it), two side by side
        assert result["seconds"] < 5, f"{where} took {result['seconds']:.1f} s"
        data = json.loads(result["out"])
        assert set(data) >= INTERFACE_KEYS, where
        assert data["disposition"] in ("apply", "needs_review", "ignored")


def _context() -> Context:
    return Context.build(load_networks(REPO / "rules"))


CONTEXT = _context()
LIMITS = Limits(max_parts=50, max_depth=6, max_document_seconds=5)

leaf = st.builds(
    lambda maintype, subtype, body, name: (maintype, subtype, body, name),
    st.sampled_from(["text", "application", "image", "message"]),
    st.sampled_from(["plain", "html", "pdf", "octet-stream", "rfc822", "ms-tnef", "x-weird"]),
    st.binary(max_size=300),
    st.one_of(
        st.none(),
        # Any file name the stdlib can put in a header (it refuses CR/LF itself: the
        # builder's limit, not the parser's; raw CR/LF names are in the corpora).
        st.text(max_size=30).filter(
            lambda n: not any(c in n for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        ),
        st.sampled_from(["a.docx", "b.xlsx", "c.pdf"]),
    ),
)


def _build(tree: object, depth: int = 0) -> EmailMessage:
    msg = EmailMessage()
    if isinstance(tree, list):
        msg.make_mixed()
        for child in tree:
            msg.attach(_build(child, depth + 1))
        return msg
    assert isinstance(tree, tuple)
    maintype, subtype, body, name = tree
    if maintype == "text":
        msg.set_content(body.decode("latin-1"), subtype=subtype)
    else:
        msg.set_content(body, maintype="application", subtype="octet-stream")
        del msg["Content-Type"]
        msg["Content-Type"] = f"{maintype}/{subtype}"
    if name:
        msg.add_header("Content-Disposition", "attachment", filename=name)
    return msg


trees = st.recursive(
    leaf, lambda children: st.lists(children, min_size=1, max_size=4), max_leaves=12
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees, st.text(max_size=80))
def test_generated_mime_never_crashes(tree: object, subject: str) -> None:
    msg = _build(tree)
    try:
        msg["Subject"] = subject.replace("\n", " ").replace("\r", " ")
        msg["From"] = "eva@vara.se"
        raw = msg.as_bytes(policy=SMTP)
    except Exception:  # the stdlib cannot serialise some generated shapes: nothing to test
        return
    result = analyze(parse_mail(raw, LIMITS), CONTEXT).as_json()
    assert result["disposition"] in ("apply", "needs_review", "ignored")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_garbage_never_crashes(raw: bytes) -> None:
    analyze(parse_mail(raw, LIMITS), CONTEXT).as_json()


def test_limits_send_to_review_not_crash() -> None:
    msg = EmailMessage()
    msg["From"] = "eva@vara.se"
    msg["Subject"] = "Protokoll förskola"
    msg.set_content("Se bilagor")
    for i in range(80):
        msg.add_attachment(f"del {i}", filename=f"del{i}.txt")
    result = analyze(parse_mail(msg.as_bytes(), LIMITS), CONTEXT).as_json()
    assert result["disposition"] == "needs_review"
    assert any("max_parts" in r for r in result["reasons"])
    t0 = time.monotonic()
    deep = b"From: a@vara.se\r\nSubject: x\r\n"
    for i in range(200):
        deep += f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode()
    analyze(parse_mail(deep, LIMITS), CONTEXT)
    assert time.monotonic() - t0 < 5
