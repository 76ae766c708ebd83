"""protokoll.toml's format: its version, the versions read, the file name and its bounds.

Shared by the writer (`protokoll_write.py`), the reader (`protokoll_read.py`), the seal
(`seal.py`) and whoever looks for the file (numbering, revision, source) without loading
either.
"""

from __future__ import annotations

from namndtui.vocabulary import ATTENDANCE_CHANGES

FORMAT_PROTOKOLL = "namndtui/protokoll/3"
# Version 1 had no questions (formal motions were put with the material ones); it is read,
# its chair's finding taken as the finding of the question its motion belongs to.
# Version 2 files were written before and after the seal existed: justered ones without a
# [seal] are read as unsealed (`Minutes.unsealed`). Version 3: justered minutes are always
# sealed, and may carry [[revisions]] (a later version written with export --force).
FORMATS_READ = ("namndtui/protokoll/1", "namndtui/protokoll/2", FORMAT_PROTOKOLL)
PROTOKOLL_FILENAME = "protokoll.toml"
SEAL = "seal"  # the table sealing justered minutes: [seal] checksum = "sha256:…"
CHANGE_KINDS = ATTENDANCE_CHANGES
MAX_NUMBER = 999_999  # the largest § number, count or round a protokoll may hold


def lf_newlines(text: str) -> str:
    """The text of a protokoll.toml as it was written, when only its line endings were
    changed on the way (a copy through Windows, git's autocrlf, an editor): the writer puts
    no carriage return in the file (toml_text escapes one as \\r), so a CRLF is a newline
    converted, and inside a multi-line string it would change the text and every checksum
    over it ("§ 122 har ändrats efter justeringen" for an unchanged file)."""
    return text.replace("\r\n", "\n")
