"""Errors that reach the user as one clear line, never as a traceback."""

from __future__ import annotations


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
