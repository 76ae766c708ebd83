"""The checksums of protokoll.toml: each justified §'s, and the seal over justered minutes.

Both are `sha256:…` over a canonical form of what a TOML reader gets back (JSON with sorted
keys, dates and times in ISO form), so layout, quoting and key order do not matter but any
changed word, number, vote, name or flag does. The writer computes them
(`protokoll_write.py`); the reader verifies them and names what changed (`protokoll_read.py`),
with the seal's optional ed25519 signature (`signing.py`). See docs/minutes.md, "The seal".
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from namndtui.minutes.protokoll_format import SEAL
from namndtui.tomlcheck import Problem, Reader, format_path

SEAL_KEYS = {"checksum": "str", "signature": "str", "public_key": "str"}


def document_seal(document: dict[str, Any]) -> str:
    """`sha256:…` over a whole parsed protokoll.toml but its `[seal]`: meeting facts,
    justering, attendance, officials, changes, corrections and every § (docs/minutes.md)."""
    return _sha256({k: v for k, v in document.items() if k != SEAL})


def paragraph_checksum(table: dict[str, Any]) -> str:
    """`sha256:…` over the canonical content of one parsed [[paragraphs]] table.

    Canonical: every key and sub-table but `checksum` itself, as JSON with sorted keys
    (dates and times in ISO form), so layout, quoting and key order do not matter but
    any changed word, number, vote, name or flag does.
    """
    content = {k: v for k, v in table.items() if k != "checksum"}
    return _sha256(content)


def _sha256(content: dict[str, Any]) -> str:
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def verify_checksum(r: Reader, path: tuple, raw: Any, *, justered: bool = False) -> None:
    """A justified paragraph changed after it was written is reported, never accepted.

    A justified § (or any § of justered minutes) without its checksum is reported too:
    deleting the line must not unlock it; see docs/minutes.md.
    """
    if not isinstance(raw, dict):
        return
    number = raw.get("number")
    label = f"§ {number}" if isinstance(number, int) else format_path(path)
    if not isinstance(raw.get("checksum"), str):
        if raw.get("justified") is True or justered:
            r.problems.append(
                Problem(
                    r.filename,
                    r.locator.line(path),
                    f"{label} är justerad men saknar kontrollsumma (checksum)",
                )
            )
        return
    if raw["checksum"] == paragraph_checksum(raw):
        return
    r.problems.append(
        Problem(
            r.filename,
            r.locator.line(path),
            f"{label} har ändrats efter justeringen (kontrollsumman stämmer inte)",
        )
    )


def verify_seal(r: Reader, data: dict[str, Any], root: dict[str, Any], *, justered: bool) -> None:
    """Justered minutes carry a seal over the whole document; a change anywhere under it,
    a deleted or added §, or a missing seal is reported (docs/minutes.md, "The seal")."""
    if SEAL not in root:
        if justered:
            r.problems.append(
                Problem(
                    r.filename,
                    r.locator.line(("justering", "justered")),
                    "protokollet är justerat men saknar sigill ([seal])",
                )
            )
        return
    seal = r.table(root[SEAL], (SEAL,), SEAL_KEYS, ("checksum",))
    if "checksum" not in seal:
        return
    if seal["checksum"] == document_seal(data):
        _verify_signature(r, seal)
        return
    r.problems.append(
        Problem(
            r.filename,
            r.locator.line((SEAL, "checksum")),
            "protokollet har ändrats efter justeringen (sigillet stämmer inte)",
        )
    )


def _verify_signature(r: Reader, seal: dict[str, Any]) -> None:
    """A signed seal must carry a good ed25519 signature by the key beside it."""
    if "signature" not in seal and "public_key" not in seal:
        return
    from namndtui.minutes.signing import verify

    if verify(seal["checksum"], seal.get("signature", ""), seal.get("public_key", "")):
        return
    r.problems.append(
        Problem(
            r.filename,
            r.locator.line((SEAL, "signature" if "signature" in seal else "public_key")),
            "sigillets signatur stämmer inte (protokollet eller signaturen har ändrats)",
        )
    )
