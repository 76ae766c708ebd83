"""Secrecy (OSL) and personal data (GDPR): one record, the complete original and a
public version that leaks nothing.

- `marking`: which § is secret, on what ground; the fixed phrases of the minutes;
- `mask`: personnummer, telephone numbers, e-mail addresses and listed names → masked;
- `public`: the public view of a record (a pure function of meeting and state);
- `check`: the leak checker behind `namndtui check-public` and the export's own check;
- `publish`: the public files (`export --publicering`).

No Textual, no I/O except `check`'s reading of the files it is asked to scan and
`publish`'s callers. See docs/secrecy.md.
"""
