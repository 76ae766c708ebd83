"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations

import errno


class UserError(Exception):
    """A problem the user can fix (bad file, bad argument). Printed as one line.

    `exit_code` follows FORMAT.md: 2 when a file cannot be read or parsed at all,
    1 for validation findings and other refusals.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


# The system's reason for a failed file operation, in Swedish: Python's strerror is the C
# library's English ("Is a directory") and would stand inside a Swedish line.
OS_REASONS = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "åtkomst nekas",
    errno.EPERM: "åtkomst nekas",
    errno.EISDIR: "är en mapp",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "skrivskyddat filsystem",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EEXIST: "finns redan",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EIO: "läs- eller skrivfel på disken",
    errno.ELOOP: "symboliska länkar i en slinga",
    errno.EMFILE: "för många öppna filer",
    errno.ENFILE: "för många öppna filer",
    errno.EBUSY: "används av ett annat program",
    errno.ENOTEMPTY: "mappen är inte tom",
    errno.EXDEV: "kan inte flyttas mellan olika diskar",
}


def pdf_reason(err: BaseException) -> str:
    """Why a PDF could not be read, in Swedish (pypdf's and pdfminer's messages are
    English): the importers and `check-public` say it alike."""
    from pypdf import errors

    if isinstance(err, errors.EmptyFileError):
        return "filen är tom"
    if isinstance(err, errors.FileNotDecryptedError | errors.DependencyError):
        return "den är krypterad (lösenordsskyddad)"
    if isinstance(err, NotImplementedError):
        return "den är krypterad på ett sätt som inte stöds"
    if isinstance(err, errors.LimitReachedError | MemoryError):
        return "den är för stor"
    if isinstance(err, RecursionError):
        return "den är för djupt nästlad"
    return "den är skadad eller är ingen PDF-fil"


def os_reason(err: BaseException) -> str:
    """Why a file operation failed, in Swedish for the common errnos (`OS_REASONS`); the
    system's own text only for the others (or our own Swedish one: see _open_regular)."""
    if isinstance(err, OSError):
        if err.errno in OS_REASONS:
            return OS_REASONS[err.errno]
        if err.strerror:
            return err.strerror
    return str(err) or type(err).__name__
