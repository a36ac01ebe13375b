"""The kind of a document: magic bytes first, then the file name, then the content type;
the zip checks (declared sizes and ratio) that decide whether it is read at all."""

from __future__ import annotations

import codecs
import io
import logging
import struct
import zipfile
from dataclasses import dataclass

from mailbot.parse.documents.text import _decode_text, _describe, _size
from mailbot.parse.types import Limits

log = logging.getLogger(__name__)

_EXTENSIONS = {
    "docx": "docx", "docm": "docx", "dotx": "docx", "dotm": "docx",
    "xlsx": "xlsx", "xlsm": "xlsx", "xltx": "xlsx", "xltm": "xlsx",
    "pdf": "pdf", "odt": "odt", "ott": "odt", "ods": "ods", "ots": "ods", "rtf": "rtf",
    "txt": "txt", "text": "txt", "csv": "csv", "tsv": "csv",
    "htm": "html", "html": "html", "xhtml": "html",
    "doc": "doc", "dot": "doc", "xls": "xls", "xlt": "xls",
}  # fmt: skip

_OOXML = "application/vnd.openxmlformats-officedocument."
_CONTENT_TYPES = {
    "application/pdf": "pdf",
    _OOXML + "wordprocessingml.document": "docx",
    _OOXML + "spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/plain": "txt",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
}

_ZIP_KINDS = frozenset({"docx", "xlsx", "odt", "ods"})
_MEDIA_TYPES = ("image/", "audio/", "video/", "font/", "model/")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.text-template": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.spreadsheet-template": "ods",
}
# Main-part content types in [Content_Types].xml, for packages named unusually.
_OOXML_MAIN_TYPES = {
    b"wordprocessingml.document.main+xml": "docx",
    b"wordprocessingml.template.main+xml": "docx",
    b"ms-word.document.macroEnabled.main+xml": "docx",
    b"ms-word.template.macroEnabledTemplate.main+xml": "docx",
    b"spreadsheetml.sheet.main+xml": "xlsx",
    b"spreadsheetml.template.main+xml": "xlsx",
    b"ms-excel.sheet.macroEnabled.main+xml": "xlsx",
}

LEGACY_DOC = "legacy Word 97-2003 .doc is not supported; ask for .docx or PDF"
LEGACY_XLS = "legacy Excel 97-2003 .xls is not supported; ask for .xlsx or PDF"
ENCRYPTED = "encrypted"
NO_TEXT_LAYER = "no text layer (a scanned PDF?)"

# A real Office document has tens to hundreds of parts; the cap stops a central directory
# of a million tiny entries from costing the parent hundreds of MB of ZipInfo objects.
_MAX_ZIP_ENTRIES = 10_000
# Tiny XML parts compress 300:1 and harm nobody: the ratio is judged only above this.
_RATIO_FLOOR_BYTES = 1024 * 1024


@dataclass(frozen=True)
class _Inspection:
    """What the parent learnt without parsing: which reader, or why none is run."""

    reader: str  # a key of _READERS, or doc / xls / unknown
    problem: str | None = None

    @property
    def kind(self) -> str:
        return "txt" if self.reader == "csv" else self.reader


def detect_kind(filename: str | None, content_type: str | None, data: bytes) -> str:
    """The `DocumentText.kind` this document would get (docx, pdf, ..., unknown)."""
    try:
        return _inspect(filename, content_type, data, Limits()).kind
    except Exception:  # detection must never break a caller that only asks
        return "unknown"


def _hint(filename: str | None, content_type: str | None) -> str | None:
    """The kind the sender claims: the file name wins over the often generic type."""
    if filename and "." in filename:
        by_name = _EXTENSIONS.get(filename.rsplit(".", 1)[1].strip().lower())
        if by_name:
            return by_name
    if content_type:
        return _CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())
    return None


def _inspect(
    filename: str | None, content_type: str | None, data: bytes, limits: Limits
) -> _Inspection:
    hint = _hint(filename, content_type)
    if len(data) > limits.max_attachment_bytes:
        size, limit = _size(len(data)), _size(limits.max_attachment_bytes)
        return _Inspection(hint or "unknown", f"{size}, over the limit of {limit}; not read")
    if not data.strip():
        return _Inspection(hint or "unknown", "empty file")
    if data.startswith(_ZIP_MAGIC):
        return _inspect_zip(data, hint, limits)
    if data.startswith(_OLE_MAGIC):
        return _inspect_ole(data, hint)
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header
        return _Inspection("pdf")
    for magic, what in _IMAGE_MAGIC.items():
        if data.startswith(magic):
            return _Inspection("unknown", f"{what}, not a text document")
    if hint is None and (content_type or "").lower().startswith(_MEDIA_TYPES):
        return _Inspection("unknown", f"{content_type}, not a text document")
    return _inspect_text(data, hint)


def _inspect_text(data: bytes, hint: str | None) -> _Inspection:
    """Formats without magic bytes: sniff RTF and HTML, else trust a hint or plain text."""
    head = _decode_text(data[:4096]).lstrip("\ufeff \t\r\n").lower()
    if head.startswith("{\\rtf"):
        return _Inspection("rtf")
    if hint == "html" or _looks_like_html(head):
        return _Inspection("html")
    if hint in _ZIP_KINDS:
        return _Inspection(hint, f"damaged {hint}: not a zip archive")
    if hint == "pdf":
        return _Inspection("pdf")  # let PDFium judge a PDF without its header
    if hint == "doc":
        return _Inspection("doc", LEGACY_DOC)
    if hint == "xls":
        return _Inspection("xls", LEGACY_XLS)
    reader = "csv" if hint == "csv" else "txt"
    if _looks_like_text(data) or hint in ("txt", "csv"):
        return _Inspection(reader)
    return _Inspection(hint or "unknown", "unrecognised file type")


def _looks_like_html(head: str) -> bool:
    if head.startswith(("<!doctype html", "<html")):
        return True
    markers = ("<html", "<body", "<head>", "<table", "<div", "<p>", "<p ", "<br")
    return head.startswith("<") and any(marker in head for marker in markers)


_ASCII = bytes(range(128))


def _looks_like_text(data: bytes) -> bool:
    """Few control characters once decoded, and not mostly high bytes unless UTF-8:
    Windows-1252 Swedish has an å here and there, audio and images have them all over."""
    head = data[:4096]
    text = _decode_text(head)
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > len(text) // 50:
        return False
    high = len(head.translate(None, _ASCII))  # the bytes left once ASCII is deleted
    return high <= len(head) * 0.3 or _is_utf8_prefix(head)


def _is_utf8_prefix(head: bytes) -> bool:
    """Valid UTF-8 as far as it goes (the sample may end mid-character)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _inspect_ole(data: bytes, hint: str | None) -> _Inspection:
    """OLE2 holds legacy .doc/.xls and also password-protected .docx/.xlsx.

    The stream names are read from the directory entries directly (128-byte records of a
    UTF-16 name and its length) instead of a full OLE parser: that is all we need.
    """
    if _ole_has_stream(data, "EncryptionInfo"):
        return _Inspection(hint if hint in ("docx", "xlsx") else "unknown", ENCRYPTED)
    if _ole_has_stream(data, "WordDocument"):
        return _Inspection("doc", LEGACY_DOC)
    if _ole_has_stream(data, "Workbook") or _ole_has_stream(data, "Book"):
        return _Inspection("xls", LEGACY_XLS)
    if hint == "doc":
        return _Inspection("doc", LEGACY_DOC)
    if hint == "xls":
        return _Inspection("xls", LEGACY_XLS)
    return _Inspection("unknown", "an Office 97-2003 file that is not a document")


def _ole_has_stream(data: bytes, name: str) -> bool:
    """True when a directory entry names this stream.

    Entries sit at offsets divisible by 128 (sectors are 512 or 4096 bytes after a
    512-byte header) and store the name length at +64, which rules out the same words
    appearing in the document's own UTF-16 text.
    """
    needle = name.encode("utf-16-le") + b"\x00\x00"
    length = struct.pack("<H", len(needle))
    start = data.find(needle, 512)
    while start != -1:
        if start % 128 == 0 and data[start + 64 : start + 66] == length:
            return True
        start = data.find(needle, start + 1)
    return False


def _inspect_zip(data: bytes, hint: str | None, limits: Limits) -> _Inspection:
    """Limits from the central directory (no entry unpacked), then the kind."""
    entries = _zip_entry_count(data)
    if entries is not None and entries > _MAX_ZIP_ENTRIES:
        too_many = f"a zip with {entries} files, over the limit of {_MAX_ZIP_ENTRIES}"
        return _Inspection(hint or "unknown", too_many)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            over = _zip_limit_problem(infos, limits)
            if over:
                return _Inspection(_ooxml_kind(names) or hint or "unknown", over)
            kind = _zip_kind(archive, names)
            if kind in ("odt", "ods") and _odf_encrypted(archive):
                return _Inspection(kind, ENCRYPTED)
    except Exception as exc:  # BadZipFile, but also odd headers raising ValueError etc.
        label = hint if hint in _ZIP_KINDS else "zip"
        return _Inspection(hint or "unknown", f"damaged {label}: {_describe(exc)}")
    if kind is None:
        if hint in _ZIP_KINDS:
            return _Inspection(hint, f"damaged {hint}: no document inside the zip")
        return _Inspection("unknown", "a zip archive, not a document")
    return _Inspection(kind)


def _zip_entry_count(data: bytes) -> int | None:
    """Entries declared by the end-of-central-directory record (0xFFFF means zip64)."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if eocd == -1 or eocd + 12 > len(data):
        return None
    return int(struct.unpack_from("<H", data, eocd + 10)[0])


def _zip_limit_problem(infos: list[zipfile.ZipInfo], limits: Limits) -> str | None:
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unpacked > limits.max_uncompressed_bytes:
        limit = _size(limits.max_uncompressed_bytes)
        return f"unpacks to {_size(unpacked)}, over the limit of {limit} (a zip bomb?)"
    ratio = unpacked / max(packed, 1)
    if unpacked > _RATIO_FLOOR_BYTES and ratio > limits.max_compression_ratio:
        limit = f"{limits.max_compression_ratio:g}"
        return f"compressed {ratio:.0f}:1, over the limit of {limit}:1 (a zip bomb?)"
    return None


def _ooxml_kind(names: set[str]) -> str | None:
    """Word or Excel by their usual part names: free, nothing is unpacked."""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    if _ooxml_kind(names):
        return _ooxml_kind(names)
    if "mimetype" in names:
        mimetype = _read_prefix(archive, "mimetype", 200).decode("ascii", "replace").strip()
        if mimetype in _ODF_MIMETYPES:
            return _ODF_MIMETYPES[mimetype]
    if "[Content_Types].xml" in names:
        types = _read_prefix(archive, "[Content_Types].xml", 256 * 1024)
        for marker, kind in _OOXML_MAIN_TYPES.items():
            if marker in types:
                return kind
    return None


def _odf_encrypted(archive: zipfile.ZipFile) -> bool:
    manifest = _read_prefix(archive, "META-INF/manifest.xml", 1024 * 1024)
    return b"encryption-data" in manifest


def _read_prefix(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """At most `limit` unpacked bytes of one entry, whatever it claims to hold."""
    try:
        with archive.open(name) as entry:
            return entry.read(limit)
    except KeyError:
        return b""
