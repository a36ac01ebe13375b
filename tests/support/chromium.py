"""Headless Chromium screenshots and Tesseract OCR: does a mail's HTML really show what it should?

Template tests read the HTML as text; a row hidden by CSS, clipped by a fixed width or pushed
off by a broken table still passes them.  This module renders an HTML file the way a browser
does, in Debian's ``chromium`` (``/usr/bin/chromium``), to a PNG, and reads the PNG back with
``tesseract`` (Swedish and English data), so a test can assert what a human would see.
``scripts/ensure-chromium`` installs all of it (``make test`` runs it).

* :func:`screenshot` runs Chromium headless with flags fit for root in a container: no sandbox
  (it refuses to start as root otherwise), no GPU, no ``/dev/shm`` (small in containers), no
  background networking; a private profile, ``HOME`` and XDG directories in a temporary
  directory, so nothing lands in the real home.  Chromium leads its own process group, which
  is killed as a whole on timeout (and after every run, for any helper left behind; only
  the crash handler detaches with setsid, and it quits by itself when Chromium is gone).
* :func:`ocr` runs ``tesseract PNG - -l swe+eng`` with ``OMP_THREAD_LIMIT=1``: with OpenMP's
  default threads the 1100x2400 digest took 15 s on 2 cores, single-threaded 2.7 s.
* :func:`assert_rows_visible` does both for an HTML string and checks that every given name
  (and, optionally, the words that follow it on its table row) was read, and that other
  names were not, with the tolerance below (:func:`missing_names`, :func:`missing_rows`).
  It also checks the PNG's size (:func:`png_size`, from the IHDR header) and, when Pillow is
  importable, that the page is neither blank (:func:`ink_fraction`) nor cut off at the
  bottom of the window (:func:`cut_off_at_bottom`: the sample digest ends at 1990 px of
  2400).

OCR tolerance, as measured with Tesseract 5.3 on DejaVu Sans (see :func:`normalise` and
:func:`find_approx`): text is case-folded, accents are dropped (å, ä -> a, ö -> o, é -> e;
Tesseract read "Medlemsförteckning" as "Medlemsférteckning" and "Vår" as "Var"), the digits
0 and 1 count as the letters o and i ("I fas" was read as "1 fas"), and everything that is
not a letter is removed, so spacing and line breaks do not matter.  On top of that a name
may differ from what was read by one edit (a letter inserted, deleted or replaced) per eight
letters: "Förskola" by one, "Introduktionsprogrammen" by two.  Shorter words must be read
exactly (after the folding).  Not looser: with one edit per six letters "Grundsärskola"
would be taken for a "Grundskola" that is not there.

Measured on 2 cores: Chromium ~1 s per screenshot, OCR ~2.7 s for a 1100x2400 page.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

__all__ = [
    "ChromiumError",
    "assert_rows_visible",
    "chromium_binary",
    "cut_off_at_bottom",
    "find_approx",
    "ink_fraction",
    "missing_names",
    "missing_rows",
    "normalise",
    "ocr",
    "png_size",
    "screenshot",
    "tesseract_binary",
]

TIMEOUT = 60.0
"""Seconds one Chromium or Tesseract run may take before its process group is killed."""

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_INSTALL_HINT = "run scripts/ensure-chromium (as root or with sudo) to install it"

# Chromium without a D-Bus logs dozens of harmless "Failed to connect to the bus" errors.
_NOISE = re.compile(r"dbus|Fontconfig error|\[: \d+: unexpected operator|^\s*$")


class ChromiumError(RuntimeError):
    """Chromium or Tesseract is missing, failed, timed out or wrote no usable output."""


def chromium_binary() -> str:
    """The path of Debian's ``chromium`` launcher (``/usr/bin/chromium``)."""
    found = shutil.which("chromium")
    if found:
        return found
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    raise ChromiumError(f"chromium not found; {_INSTALL_HINT}")


def tesseract_binary() -> str:
    """The path of ``tesseract``."""
    found = shutil.which("tesseract") or (
        "/usr/bin/tesseract" if os.access("/usr/bin/tesseract", os.X_OK) else None
    )
    if found is None:
        raise ChromiumError(f"tesseract not found; {_INSTALL_HINT}")
    return found


def _run(argv: list[str], *, env: Mapping[str, str], what: str) -> subprocess.CompletedProcess[str]:
    """Run argv in its own process group; kill the whole group on timeout and afterwards."""
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=dict(env),
        start_new_session=True,
    )
    try:
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            stdout, stderr = proc.communicate()
            raise ChromiumError(
                f"{what} did not finish within {TIMEOUT:g} s and was killed\n"
                f"command: {' '.join(argv)}\n{_tail(stderr)}"
            ) from None
    finally:
        _kill_group(proc.pid)  # helpers (zygote, crashpad) that outlived the main process
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return subprocess.CompletedProcess(argv, proc.returncode, stdout, stderr)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _tail(stderr: str, lines: int = 40) -> str:
    """The end of a program's stderr without Chromium's D-Bus noise."""
    kept = [line for line in stderr.splitlines() if not _NOISE.search(line)]
    if not kept:
        return "stderr: (nothing but D-Bus noise)" if stderr.strip() else "stderr: (empty)"
    return "stderr (last lines):\n" + "\n".join(kept[-lines:])


def screenshot(html_file: Path, png_file: Path, *, width: int = 1100, height: int = 2400) -> None:
    """Render html_file in headless Chromium into png_file, a width x height window.

    Only what fits in the window is captured: the page is not scrolled.  ChromiumError when
    Chromium is missing, fails, takes longer than TIMEOUT or writes no PNG.
    """
    chromium = chromium_binary()
    html_file = Path(html_file).resolve()
    png_file = Path(png_file).resolve()
    if not html_file.is_file():
        raise ChromiumError(f"no HTML file {html_file}")
    png_file.parent.mkdir(parents=True, exist_ok=True)
    png_file.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="mailbot-chromium-") as tmp:
        home = Path(tmp)
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home),
            "TMPDIR": str(home),
        }
        argv = [
            chromium,
            "--headless",
            "--no-sandbox",  # Chromium's sandbox refuses root; the input is our own HTML
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-crash-reporter",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={home / 'profile'}",
            f"--window-size={width},{height}",
            f"--screenshot={png_file}",
            html_file.as_uri(),
        ]
        result = _run(argv, env=env, what="chromium")
    if result.returncode != 0:
        raise ChromiumError(
            f"chromium exited with {result.returncode} rendering {html_file}\n"
            f"command: {' '.join(argv)}\n{_tail(result.stderr)}"
        )
    if not png_file.is_file() or png_file.stat().st_size == 0:
        raise ChromiumError(
            f"chromium exited 0 but wrote no screenshot {png_file}\n"
            f"command: {' '.join(argv)}\n{_tail(result.stderr)}"
        )


def png_size(png_file: Path) -> tuple[int, int]:
    """(width, height) from the PNG's IHDR chunk; ChromiumError when it is no PNG."""
    head = Path(png_file).read_bytes()[:24]
    if len(head) < 24 or head[:8] != _PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise ChromiumError(f"{png_file} is not a PNG (starts with {head[:16]!r})")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def ocr(png_file: Path, *, languages: str = "swe+eng") -> str:
    """The text Tesseract reads in png_file (Debian's tessdata, Swedish and English)."""
    tesseract = tesseract_binary()
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    if "TESSDATA_PREFIX" not in env:
        for candidate in sorted(Path("/usr/share/tesseract-ocr").glob("*/tessdata"), reverse=True):
            if all((candidate / f"{lang}.traineddata").is_file() for lang in languages.split("+")):
                env["TESSDATA_PREFIX"] = str(candidate)
                break
    argv = [tesseract, str(png_file), "-", "-l", languages]
    result = _run(argv, env=env, what="tesseract")
    if result.returncode != 0:
        raise ChromiumError(
            f"tesseract exited with {result.returncode} reading {png_file}\n"
            f"command: {' '.join(argv)}\n{_tail(result.stderr)}\n"
            f"(missing language data? {_INSTALL_HINT})"
        )
    return result.stdout


_CONFUSABLE = str.maketrans({"0": "o", "1": "i", "|": "i", "!": "i"})


def normalise(text: str) -> str:
    """Case-folded letters only, accents dropped, 0 and 1 read as o and i.

    "Anpassad skola" -> "anpassadskola", "Behöver uppmärksamhet" -> "behoveruppmarksamhet",
    "1 fas" -> "ifas".
    """
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_CONFUSABLE))
    return "".join(ch for ch in folded if "a" <= ch <= "z")


def _allowed_edits(pattern: str) -> int:
    return len(pattern) // 8


def find_approx(pattern: str, text: str, max_edits: int | None = None) -> list[tuple[int, int]]:
    """Where pattern occurs in text with at most max_edits edits: (end offset, edits) pairs.

    Both are compared as given (normalise them first).  max_edits defaults to one edit per
    eight letters of pattern.  Sellers' algorithm: edit distance against any substring.
    """
    if max_edits is None:
        max_edits = _allowed_edits(pattern)
    if not pattern:
        return [(0, 0)]
    previous = list(range(len(pattern) + 1))  # column for the empty text prefix
    hits: list[tuple[int, int]] = []
    for end, ch in enumerate(text, start=1):
        current = [0]  # a match may start anywhere
        for i, pch in enumerate(pattern, start=1):
            current.append(
                min(
                    previous[i - 1] + (pch != ch),
                    previous[i] + 1,
                    current[i - 1] + 1,
                )
            )
        if current[-1] <= max_edits:
            hits.append((end, current[-1]))
        previous = current
    return hits


def missing_names(text: str, names: Iterable[str]) -> list[str]:
    """The names not read in the OCR text, with the module's tolerance."""
    flat = normalise(text)
    return [name for name in names if not find_approx(normalise(name), flat)]


def missing_rows(
    text: str, row_words: Mapping[str, str], *, others: Iterable[str] = ()
) -> list[str]:
    """The rows not read in the OCR text, as "'name' without 'words'" for a message.

    A row is read when a line holds the name and the words follow it in order, on the
    rest of that line or on the next two lines (Tesseract puts a cell's wrapped words on a
    line of their own), but never on a line that holds another row's name: the keys of
    row_words and ``others`` (pass every name of the table when checking only a few rows).
    Numbers in between do not matter.
    """
    lines = [line for line in map(normalise, text.splitlines()) if line]
    names = {normalise(name) for name in [*row_words, *others]}
    missing = []
    for name, words in row_words.items():
        wanted = [normalise(word) for word in words.split()]
        if not _row_found(normalise(name), wanted, lines, names):
            missing.append(f"{name!r} without {words!r}")
    return missing


def _row_found(name: str, words: Sequence[str], lines: Sequence[str], names: set[str]) -> bool:
    stops = [other for other in names if other != name]
    for index, line in enumerate(lines):
        for end, _ in find_approx(name, line):
            window = line[end:]
            for following in lines[index + 1 : index + 3]:
                if any(find_approx(other, following) for other in stops):
                    break
                window += following
            if _in_order(words, window):
                return True
    return False


def _in_order(words: Sequence[str], window: str) -> bool:
    position = 0
    for word in words:
        hits = find_approx(word, window[position:])
        if not hits:
            return False
        position += hits[0][0]
    return True


def ink_fraction(png_file: Path) -> float | None:
    """The share of pixels that differ from the most common colour (the background).

    Needs Pillow (in the dev environment through oletools); None without it, when only the
    OCR can tell a blank page.
    """
    try:
        from PIL import Image
    except ImportError:
        return None
    with Image.open(png_file) as image:
        histogram = image.convert("L").histogram()
    return 1 - max(histogram) / sum(histogram)


def cut_off_at_bottom(png_file: Path) -> bool | None:
    """Whether the page goes on below the window: its last pixel row is not one colour.

    Needs Pillow; None without it.
    """
    try:
        from PIL import Image
    except ImportError:
        return None
    with Image.open(png_file) as image:
        gray = image.convert("L")
        low, high = gray.crop((0, gray.height - 1, gray.width, gray.height)).getextrema()
    return bool(low != high)


def assert_rows_visible(
    html: str,
    names: Sequence[str],
    tmp: Path,
    *,
    row_words: Mapping[str, str] | None = None,
    absent: Sequence[str] = (),
    width: int = 1100,
    height: int = 2400,
    keep_as: str | None = None,
) -> str:
    """Render html in Chromium, OCR it, and assert every name is visible; return the OCR text.

    ``row_words`` maps a name to text that must follow it on its table row (say the status
    "Behöver uppmärksamhet"), read right after it (see :func:`missing_rows`).  ``absent``
    names must *not* be read anywhere.
    The HTML and the PNG are written to tmp (``page.html``, ``page.png``); when the
    environment variable ``MAILBOT_ARTIFACTS`` names a folder, the PNG is copied there as
    ``keep_as`` (default ``page.png``) for a human to look at.
    """
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    html_file = tmp / "page.html"
    png_file = tmp / "page.png"
    html_file.write_text(html, encoding="utf-8")
    screenshot(html_file, png_file, width=width, height=height)
    artifacts = os.environ.get("MAILBOT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png_file, Path(artifacts) / (keep_as or "page.png"))
    size = png_size(png_file)
    assert size == (width, height), f"screenshot is {size[0]}x{size[1]}, not {width}x{height}"
    ink = ink_fraction(png_file)
    assert ink is None or ink > 0.005, f"{png_file} is blank ({ink:.2%} of pixels not background)"
    assert not cut_off_at_bottom(png_file), (
        f"the page is taller than the {height} px window: pass a larger height ({png_file})"
    )
    text = ocr(png_file)
    assert normalise(text), f"OCR read nothing in {png_file}: a blank page?"

    missing = missing_names(text, names)
    assert not missing, f"not visible in {png_file}: {missing}\n--- OCR text ---\n{text}"
    wrong_rows = missing_rows(text, row_words or {}, others=names)
    assert not wrong_rows, f"rows not visible in {png_file}: {wrong_rows}\n--- OCR ---\n{text}"
    present = [name for name in absent if not missing_names(text, [name])]
    assert not present, f"visible in {png_file} but should not be: {present}\n--- OCR ---\n{text}"
    return text
