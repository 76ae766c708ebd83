"""argparse's own strings in Swedish (usage, help, errors), so that no line of
`namndtui … --help` or of a usage error is English.

argparse looks its strings up through `gettext` (domain 'argparse') at the moment it
prints them, via its module-global `_`; `install()` points that at this table. Strings not
in the table pass through unchanged.
"""

from __future__ import annotations

import argparse

SWEDISH: dict[str, str] = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "show program's version number and exit": "visa programmets version och avsluta",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "expected one argument": "ett värde krävs",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde krävs",
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "not allowed with argument %s": "går inte tillsammans med %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan vara %(matches)s"
    ),
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "ignored explicit argument %r": "ignorerat argument %r",
    "unexpected option string: %s": "oväntad flagga: %s",
    "%r is not callable": "%r kan inte anropas",
}


def gettext(message: str) -> str:
    return SWEDISH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "%s värde krävs" if n == 1 else "%s värden krävs"
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Swedish (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
