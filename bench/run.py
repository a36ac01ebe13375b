"""`make bench`: mailbot against the physical limits, and at scale (issue 14).

1. The full sync: ../shared/perf/measure_mailbot.sh (a generated 3,000-mail mailbox on a
   private Dovecot; the bare fetch, C extraction and mbsync timed in the same run) runs
   `mailbot sync` through bench/tree_rss.py, so the memory of every process is summed.
2. Memory at 4N: the same sync of a 12,000-mail mailbox (BENCH_4N=0 skips it).
3. IDLE latency: `mailbot run` on an empty mailbox; 100 mails APPENDed one at a time,
   each timed from the APPEND to its final state in the store.
4. `mailbot status --json` with 20 networks and 10 years of history.

Writes bench/results.json; prints what it does as it goes. Needs ../shared/perf (or
PERF_DIR) beside the checkout.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PERF = Path(os.environ.get("PERF_DIR", REPO.parent / "shared" / "perf"))
MAILBOT = REPO / ".venv" / "bin" / "mailbot"
RESULTS = REPO / "bench" / "results.json"
WORK = Path(os.environ.get("BENCH_WORK", "/tmp/mailbot-bench"))
PERF_PY = Path(os.environ.get("PERF_VENV", "/tmp/perfvenv")) / "bin" / "python"
FINAL = ("applied", "ignored", "needs_review", "duplicate", "quarantined")


def say(text: str) -> None:
    print(f"bench: {text}", flush=True)


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env.update(extra)
    return env


def imap_env(port: int, state: Path) -> dict[str, str]:
    return clean_env(
        MAILBOT_STATE_DIR=str(state),
        MAILBOT_IMAP__HOST="127.0.0.1",
        MAILBOT_IMAP__PORT=str(port),
        MAILBOT_IMAP__USER="utbildning",
        MAILBOT_IMAP__PASSWORD="secret",
        MAILBOT_IMAP__SECURITY="plain",
        MAILBOT_IMAP__HANDLED="leave",
    )


def dovecot(*args: str) -> None:
    # Output to a file, not a pipe: the server it starts would hold a pipe open forever.
    with (WORK / "dovecot.log").open("a") as log:
        subprocess.run(
            ["bash", str(PERF / "dovecot.sh"), *args],
            check=True, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip


# -- 1. the full sync against the baselines -------------------------------------------


def full_sync(results: dict[str, Any]) -> None:
    say("full sync of the 3,000-mail mailbox beside the baselines (about 5 minutes)")
    tree = WORK / "tree-3000.json"
    perf_result = WORK / "perf-3000.json"
    env = clean_env(
        MAILBOT_CMD=str(REPO / "bench" / "tree_rss.py"),
        REAL_MAILBOT=str(MAILBOT),
        BENCH_TREE_OUT=str(tree),
        PERF_RESULT=str(perf_result),
    )
    run = subprocess.run(
        ["bash", str(PERF / "measure_mailbot.sh")], cwd=REPO, env=env, text=True,
        capture_output=True,
    )  # fmt: skip
    (WORK / "measure_mailbot.log").write_text(run.stdout + run.stderr)
    print("\n".join(run.stdout.splitlines()[-14:]), flush=True)
    if run.returncode != 0:
        raise SystemExit(f"bench: measure_mailbot.sh failed ({run.returncode}); see {WORK}")
    perf = json.loads(perf_result.read_text())
    figures = perf["baselines"]["figures"]
    memory = json.loads(tree.read_text())
    results.update(
        messages=perf["n"],
        sync_s=perf["sync_wall_s"],
        raw_fetch_s=figures["raw_fetch_s"],
        raw_extract_s=figures["raw_fetch_plus_extract_s"],
        raw_extract_only_s=figures["raw_extract_s"],
        raw_extract_par_s=figures.get("raw_extract_par_s"),
        mbsync_s=figures["mbsync_s"],
        sync_vs_raw_extract=perf["sync_vs_raw_extract"],
        sync_vs_mbsync=perf["sync_vs_mbsync"],
        sync_cpu_user_s=perf["user_s"],
        sync_cpu_sys_s=perf["sys_s"],
        peak_rss_mb=memory["rss_sum"],
        peak_pss_mb=memory["pss_sum"],
        peak_rss_largest_process_mb=memory["rss_max"],
        processes=memory["processes"],
    )


# -- 2. memory at 4N ---------------------------------------------------------------


def memory_at_4n(results: dict[str, Any]) -> None:
    n = 4 * int(results.get("messages") or 3000)
    port = 14321
    say(f"memory at 4N: building (once, cached) and syncing a {n}-mail mailbox")
    mailbox = Path(f"/tmp/perfmail/{n}")
    subprocess.run(
        [str(PERF_PY), str(PERF / "make_mailbox.py"), "--n", str(n), "--out", str(mailbox)],
        check=True, capture_output=True,
    )  # fmt: skip
    state = WORK / f"state-{n}"
    subprocess.run(["rm", "-rf", str(state)], check=True)
    tree = WORK / f"tree-{n}.json"
    dovecot("start", str(port))
    try:
        dovecot("load", str(mailbox), str(port))
        started = time.monotonic()
        env = imap_env(port, state) | {"REAL_MAILBOT": str(MAILBOT), "BENCH_TREE_OUT": str(tree)}
        run = subprocess.run(
            [sys.executable, str(REPO / "bench" / "tree_rss.py"), "sync"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        seconds = time.monotonic() - started
    finally:
        dovecot("stop", str(port))
    if run.returncode != 0:
        raise SystemExit(f"bench: sync of {n} mails failed: {run.stderr[-2000:]}")
    memory = json.loads(tree.read_text())
    results.update(
        messages_4n=n,
        sync_4n_s=round(seconds, 2),
        peak_rss_mb_4n=memory["rss_sum"],
        peak_pss_mb_4n=memory["pss_sum"],
    )
    subprocess.run(["rm", "-rf", str(state)], check=True)


# -- 3. IDLE latency -----------------------------------------------------------------


def idle_latency(results: dict[str, Any], count: int = 100) -> None:
    say(f"IDLE: {count} mails appended one at a time to a running daemon")
    from imapclient import IMAPClient

    port = 14322
    state = WORK / "state-idle"
    subprocess.run(["rm", "-rf", str(state)], check=True)
    mails = sorted(Path("/tmp/perfmail/3000").glob("*.eml"))[:count]
    dovecot("start", str(port))
    log = (WORK / "idle-daemon.log").open("w")
    daemon = subprocess.Popen(
        [str(MAILBOT), "run"], env=imap_env(port, state), stdout=log, stderr=subprocess.STDOUT
    )
    latencies: list[float] = []
    try:
        db = state / "mailbot.db"
        deadline = time.monotonic() + 60
        while (
            time.monotonic() < deadline and "ready:" not in (WORK / "idle-daemon.log").read_text()
        ):
            time.sleep(0.1)
        time.sleep(1.0)  # in IDLE
        imap = IMAPClient("127.0.0.1", port=port, ssl=False)
        imap.login("utbildning", "secret")
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        for i, path in enumerate(mails, start=1):
            raw = path.read_bytes()
            started = time.monotonic()
            imap.append("INBOX", raw)
            while True:
                row = connection.execute(
                    "SELECT count(*), (SELECT state FROM message ORDER BY id DESC LIMIT 1) "
                    "FROM message"
                ).fetchone()
                if row[0] >= i and row[1] in FINAL:
                    break
                if time.monotonic() - started > 60:
                    raise SystemExit(f"bench: mail {i} not final after 60 s (state {row[1]})")
                time.sleep(0.002)
            latencies.append(time.monotonic() - started)
            time.sleep(0.05)
        imap.logout()
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=60)
        except subprocess.TimeoutExpired:
            daemon.kill()
        log.close()
        dovecot("stop", str(port))
    ordered = sorted(latencies)
    floor = _server_floor(mails[0].read_bytes())
    results.update(
        idle_server_floor_ms=round(statistics.median(floor) * 1000, 1),
        idle_mails=len(latencies),
        idle_p50_ms=round(statistics.median(ordered) * 1000, 1),
        idle_p95_ms=round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
        idle_max_ms=round(ordered[-1] * 1000, 1),
    )


def _server_floor(raw: bytes, count: int = 10) -> list[float]:
    """The server's own part: from an APPEND on one connection to the EXISTS it sends
    to another connection waiting in IDLE (Dovecot waits about half a second before it
    tells, to gather changes)."""
    from imapclient import IMAPClient

    port = 14323
    dovecot("start", str(port))
    seconds = []
    try:
        watcher = IMAPClient("127.0.0.1", port=port, ssl=False)
        watcher.login("utbildning", "secret")
        watcher.select_folder("INBOX")
        writer = IMAPClient("127.0.0.1", port=port, ssl=False)
        writer.login("utbildning", "secret")
        for _ in range(count):
            watcher.idle()
            time.sleep(0.2)
            started = time.monotonic()
            writer.append("INBOX", raw)
            while not any(
                isinstance(r, tuple) and len(r) > 1 and r[1] == b"EXISTS"
                for r in watcher.idle_check(timeout=5)
            ):
                pass
            seconds.append(time.monotonic() - started)
            watcher.idle_done()
        watcher.logout()
        writer.logout()
    finally:
        dovecot("stop", str(port))
    return seconds


# -- 4. status at scale --------------------------------------------------------------

NETWORKS = 20
YEARS = 10
FIRST_NAMES = ["Alva", "Bo", "Cecilia", "David", "Elin", "Filip", "Greta", "Hugo", "Ines"]
LAST_NAMES = ["Ask", "Berg", "Dahl", "Ek", "Falk", "Gran", "Holm", "Lind", "Nord", "Sjö"]
TOWNS = ["Skövde", "Lidköping", "Falköping", "Mariestad", "Skara", "Hjo", "Tibro", "Vara"]
DOMAINS = ["skovde.se", "lidkoping.se", "falkoping.se", "mariestad.se", "skara.se", "hjo.se"]


def _rules(folder: Path) -> None:
    template = (REPO / "rules" / "forskola.toml").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    first_year = date.today().year - YEARS + 1
    for n in range(1, NETWORKS + 1):
        text = template.replace('name = "Förskola"', f'name = "Nätverk {n:02d}"')
        start = text.index("aliases = [")
        end = text.index("]", start) + 1
        text = text[:start] + f'aliases = ["nätverk {n:02d}", "nätverket {n:02d}"]' + text[end:]
        text = text.replace("valid_from = 2023-01-01", f"valid_from = {first_year}-01-01")
        (folder / f"natverk-{n:02d}.toml").write_text(text, encoding="utf-8")


def _mail(sender: str, subject: str, body: str, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain="bench.invalid")
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)


def _history(folder: Path) -> int:
    """Ten years of every network's mail: member list, plan, four protocols a year."""
    folder.mkdir(parents=True, exist_ok=True)
    first_year = date.today().year - YEARS + 1
    count = 0
    for n in range(1, NETWORKS + 1):
        domain = DOMAINS[n % len(DOMAINS)]
        people = [
            (f"{FIRST_NAMES[(n + i) % 9]} {LAST_NAMES[(n * 3 + i) % 10]}", TOWNS[i % 8])
            for i in range(8)
        ]
        addresses = [f"{name.lower().replace(' ', '.')}.{n}@{domain}" for name, _ in people]
        secretary = f"{people[1][0]} <{addresses[1]}>"
        for year in range(first_year, first_year + YEARS):
            lines = [
                f"{name}, {town}, {address}"
                for (name, town), address in zip(people, addresses, strict=True)
            ]
            lines[0] += ", ordförande"
            lines[1] += ", sekreterare"
            jan = datetime(year, 1, 20, 9, tzinfo=UTC)
            body = f"Hej!\n\nHär är medlemmarna i nätverk {n:02d} {year}:\n\n" + "\n".join(lines)
            mails = [(f"Medlemslista nätverk {n:02d} {year}", body, jan)]
            days = [date(year, m, 1) for m in (2, 4, 9, 11)]
            days = [d + timedelta(days=(4 - d.weekday()) % 7) for d in days]  # Fridays
            plan = "\n".join(f"{d.isoformat()} kl 13-16 i Skövde" for d in days)
            mails.append(
                (f"Mötesplan nätverk {n:02d} {year}", f"Hej!\n\nVåra möten {year}:\n\n{plan}",
                 jan + timedelta(days=1))
            )  # fmt: skip
            for d in days:
                present = ", ".join(name for name, _ in people[:6])
                text = (
                    f"Protokoll nätverk {n:02d} {d.isoformat()}\n\nNärvarande: {present}\n\n"
                    "§ 1 Mötet öppnas\n§ 2 Dagordningen godkänns\n"
                )
                sent = datetime(d.year, d.month, d.day, 16, tzinfo=UTC) + timedelta(days=3)
                mails.append((f"Protokoll nätverk {n:02d} {d.isoformat()}", text, sent))
            for subject, body, when in mails:
                count += 1
                (folder / f"{count:06d}.eml").write_bytes(_mail(secretary, subject, body, when))
    return count


def status_at_scale(results: dict[str, Any], runs: int = 7) -> None:
    say(f"status: {NETWORKS} networks, {YEARS} years of history")
    root = WORK / "status"
    subprocess.run(["rm", "-rf", str(root)], check=True)
    rules, mails, state = root / "rules", root / "mail", root / "state"
    _rules(rules)
    count = _history(mails)
    env = clean_env()
    ingest = subprocess.run(
        [str(MAILBOT), "ingest", str(mails), "--state", str(state), "--rules", str(rules),
         "--json"], env=env, capture_output=True, text=True,
    )  # fmt: skip
    if ingest.returncode != 0:
        raise SystemExit(f"bench: ingest failed: {ingest.stderr[-2000:]}")
    command = [str(MAILBOT), "status", "--state", str(state), "--rules", str(rules), "--json"]
    walls = []
    for _ in range(runs):
        started = time.monotonic()
        run = subprocess.run(command, env=env, capture_output=True, text=True)
        walls.append(time.monotonic() - started)
        if run.returncode != 0:
            raise SystemExit(f"bench: status failed: {run.stderr[-2000:]}")
    networks = len(json.loads(run.stdout)["networks"])
    # The same picture computed in a warm process: what the desk and the daemon pay.
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from mailbot.cli.common import _open\n"
        "from mailbot.cli.registry import statuses\n"
        "from mailbot.ticker import today_in_sweden\n"
        "app = _open(None, Path(sys.argv[1]), Path(sys.argv[2]), False)\n"
        "statuses(app, today_in_sweden())\n"
        "t = []\n"
        "for _ in range(5):\n"
        "    s = time.perf_counter(); statuses(app, today_in_sweden())\n"
        "    t.append(time.perf_counter() - s)\n"
        "print(sorted(t)[2])\n"
    )
    warm = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-c", code, str(state), str(rules)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    results.update(
        status_networks=networks,
        status_history_mails=count,
        status_ms=round(statistics.median(walls) * 1000, 1),
        status_warm_ms=round(float(warm.stdout.strip().splitlines()[-1]) * 1000, 1),
    )


def main() -> int:
    if not (PERF / "measure_mailbot.sh").is_file():
        print(f"bench: the perf harness is missing ({PERF}); set PERF_DIR", file=sys.stderr)
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cpu, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}",
    }
    started = time.monotonic()
    full_sync(results)
    if os.environ.get("BENCH_4N", "1") != "0":
        memory_at_4n(results)
    idle_latency(results)
    status_at_scale(results)
    results["bench_seconds"] = round(time.monotonic() - started, 1)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    say(f"wrote {RESULTS}")
    for key, value in results.items():
        print(f"  {key:<28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
