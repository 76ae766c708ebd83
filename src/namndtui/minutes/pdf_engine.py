"""How namndtui runs WeasyPrint and pydyf, its PDF writer: faster, the same document.

Each step is measured (docs/performance.md, "The PDF") and leaves what the PDF shows
unchanged: all but the last give the same bytes (SHA-256 checked on the 13-, 100- and
500-item minutes), the level-6 deflate the same content once inflated (pikepdf QDF
compare). Each patch checks that the library still has what it replaces and leaves another
version alone.
- `import_weasyprint`: the C libraries found in one reading of the linker's cache instead
  of ldconfig, gcc and ld run for every name WeasyPrint tries (the 13-item example).
- `collector_paused`: Python's cyclic garbage collector paused while WeasyPrint lays out
  and writes. Its box trees are millions of objects, and each full collection walks all
  of them again: the 500-item minutes take 28 % less CPU without it (33.3 → 24.1 s), for
  a higher peak (533 → 651 MB: cycles dropped during layout wait until collection resumes
  afterwards; 100 items: 183 MB either way).
- `cache_page_references`: pydyf rebuilds the list of all page references every time a
  structure element of the tagged PDF names its page, quadratic in the pages (15 million
  strings for 315 pages); now once per page count.
- `serialize_objects_once`: pydyf builds and deflates every object twice per write (the
  second time for the trailer's /ID); now once.
- `compress_at_default_level`: zlib level 6 instead of 9.
"""

from __future__ import annotations

import functools
import gc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any


def prepare() -> None:
    """Import WeasyPrint and apply the speed-ups (each once per process)."""
    import_weasyprint()
    cache_page_references()
    serialize_objects_once()
    compress_at_default_level()


def import_weasyprint() -> None:
    """Import WeasyPrint, finding its C libraries in the linker's cache.

    WeasyPrint tries several names for each library (Windows and macOS names first), and
    cffi asks `ctypes.util.find_library` about every name that does not load as it
    stands; on Linux each such question runs ldconfig, gcc and ld, 22 questions and 54
    processes: 0.17 s of CPU and 0.2-0.4 s of wall time on the 1.5 s budget of the
    13-item example. During the import the question is answered from one reading of
    `ldconfig -p` (what find_library reads first). A library the cache does not hold is
    then tried under its own name by the dynamic loader; if the import still fails it is
    done again the ordinary way."""
    import ctypes.util
    import sys

    if "weasyprint" in sys.modules or sys.platform != "linux":
        import weasyprint  # noqa: F401

        return
    find_library = ctypes.util.find_library
    ctypes.util.find_library = ldconfig_lookup()
    try:
        import weasyprint  # noqa: F401
    except OSError:
        for name in [m for m in sys.modules if m.split(".")[0] == "weasyprint"]:
            del sys.modules[name]
        ctypes.util.find_library = find_library
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = find_library


def ldconfig_lookup() -> Callable[[str], str | None]:
    """find_library's first step (`_findSoname_ldconfig`) with `ldconfig -p` run once."""
    import os
    import re
    import struct
    import subprocess

    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {
        "x86_64-64": "libc6,x86-64",
        "ppc64-64": "libc6,64bit",
        "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit",
        "ia64-64": "libc6,IA-64",
    }.get(machine, "libc6")
    try:
        cache = subprocess.run(
            ["/sbin/ldconfig", "-p"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env={"LC_ALL": "C", "LANG": "C"},
            check=False,
        ).stdout
    except OSError:
        cache = b""

    def find_library(name: str) -> str | None:
        found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}"), cache)
        return os.fsdecode(found.group(1)) if found else None

    return find_library


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) for the block; reference counting
    still frees what is dropped."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_page_references() -> None:
    """Give pydyf.PDF a `page_references` built once per page count (same value).

    The list of pages only grows (`PDF.add_page`), so the tuple of the first n page
    references never changes once built. Left alone if pydyf's class has no such
    property (another version)."""
    import pydyf

    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property) or getattr(original.fget, "_namndtui", False):
        return
    build = original.fget

    def page_references(pdf) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        cached = pdf.__dict__.get("_namndtui_page_refs")
        if cached is None or cached[0] != count:
            cached = (count, build(pdf))
            pdf.__dict__["_namndtui_page_refs"] = cached
        return cached[1]

    page_references._namndtui = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)


FLATE_LEVEL = 6  # zlib's default; pydyf asks for 9


class _Flate:
    """The zlib pydyf sees: every compressor at FLATE_LEVEL, the rest zlib's own."""

    def compressobj(self, level: int = -1, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(FLATE_LEVEL, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def compress_at_default_level() -> None:
    """pydyf deflates every stream at zlib level 9. On the minutes' content streams level
    6 takes a quarter of the time for 4 % more bytes (500 items: 0.85 → 0.20 s, 1.50 →
    1.56 MB); what the streams hold is the same. Left alone if pydyf does not use zlib
    by that name (another version)."""
    import pydyf

    if getattr(pydyf, "zlib", None) is zlib:
        pydyf.zlib = _Flate()


_WRITING: ContextVar[dict[int, tuple[object, bytes]] | None] = ContextVar(
    "namndtui_pdf_writing", default=None
)


def serialize_objects_once() -> None:
    """Make pydyf serialize (and compress) each numbered object once per `PDF.write`.

    For the trailer's `/ID`, which PDF/A requires, `PDF.write` hashes the bytes of every
    object after writing them: it builds them all again, deflating every stream a second
    time. While a write runs, the bytes of each numbered object are kept
    (with the object, so its id cannot be reused) and given back the second time; nothing
    changes an object during the write, so the file is the same byte for byte. Left alone
    if pydyf's classes have no such members (another version)."""
    import pydyf

    if getattr(pydyf.PDF.write, "_namndtui", False):
        return
    classes = (pydyf.Dictionary, pydyf.Array, pydyf.Stream, pydyf.String)
    if not all(isinstance(c.__dict__.get("data"), property) for c in classes):
        return
    for cls in classes:
        cls.data = property(_kept_bytes(cls.__dict__["data"].fget))
    write = pydyf.PDF.write

    @functools.wraps(write)
    def write_once(pdf, *args, **kwargs):
        token = _WRITING.set({})
        try:
            return write(pdf, *args, **kwargs)
        finally:
            _WRITING.reset(token)

    write_once._namndtui = True  # type: ignore[attr-defined]
    pydyf.PDF.write = write_once


def _kept_bytes(build: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
    def data(obj) -> bytes:
        kept = _WRITING.get()
        if kept is None or obj.number is None:  # not writing, or not an indirect object
            return build(obj)
        hit = kept.get(id(obj))
        if hit is None or hit[0] is not obj:
            hit = kept[id(obj)] = (obj, build(obj))
        return hit[1]

    return data
