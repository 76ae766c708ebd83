"""The system's reason for a failed file operation is Swedish in every Swedish line (QA:
"kunde inte skriva protokollet: Is a directory"): `storage.os_reason` gives the common
errnos a Swedish phrase; only an unknown one keeps the system's text."""

from __future__ import annotations

import errno
import os

import pytest
from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.storage import OS_REASONS, input_problem, os_reason

# The phrases QA asked for; the others of OS_REASONS are checked to be Swedish below.
COMMON = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "åtkomst nekas",
    errno.EISDIR: "är en mapp",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "skrivskyddat filsystem",
}
ASKED = (errno.EPERM, errno.ENOTDIR, errno.EDQUOT, errno.EEXIST, errno.ENAMETOOLONG, errno.EIO)


@pytest.mark.parametrize(("code", "swedish"), sorted(COMMON.items()))
def test_common_errnos_are_swedish(code: int, swedish: str) -> None:
    assert os_reason(OSError(code, os.strerror(code))) == swedish
    assert os_reason(OSError(code, os.strerror(code), "/x/y")) == swedish  # no path in it
    assert os.strerror(code) not in input_problem(OSError(code, os.strerror(code)))


def test_every_phrase_is_swedish_not_the_system_text() -> None:
    assert set(ASKED) <= set(OS_REASONS)
    for code, phrase in OS_REASONS.items():
        assert phrase != os.strerror(code) and phrase[0].islower()


def test_the_system_text_is_only_the_fallback() -> None:
    assert os_reason(OSError(errno.ECONNRESET, "Connection reset by peer")) == (
        "Connection reset by peer"
    )
    assert os_reason(OSError(errno.EINVAL, "är ingen vanlig fil")) == "är ingen vanlig fil"
    assert os_reason(OSError("något gick fel")) == "något gick fel"  # no errno
    assert os_reason(OSError()) == "OSError"
    assert os_reason(ValueError("fel")) == "fel"


def test_export_over_a_folder_says_so_in_swedish(tmp_path, capsys) -> None:
    folder = sc.copy_tree(tmp_path)
    (folder / "protokoll.toml").mkdir()
    assert main(["export", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "kunde inte skriva protokollet: är en mapp" in err
    assert "Is a directory" not in err
