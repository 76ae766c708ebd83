"""The optional ed25519 signature of the seal (issue 20): `namndtui nyckel` makes the key,
export --justerat signs the seal with it, the loader and validate check the signature, and
a recomputed seal without the key is caught."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

import pytest
from tests.minutes import scenario as sc

from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.seal import document_seal
from namndtui.minutes.signing import create_key, fingerprint
from namndtui.minutes.source import load_meeting_for_record

from .conftest import cli


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


@pytest.fixture(scope="module")
def signed_template(tmp_path_factory) -> tuple[Path, Path]:
    """(data home with a key, the testby meeting justered with it), made once."""
    base = tmp_path_factory.mktemp("signed")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(base / "xdg"))
        assert cli("nyckel")[0] == 0
        folder = sc.copy_tree(base)
        meeting = load_meeting_for_record(folder / "meeting.toml")
        sc.record_meeting(folder, meeting, sc.meeting_events()).close()
        code, _out, err = cli("export", str(folder), "--justerat", "2024-03-07")
    assert code == 0, err
    return base / "xdg", folder


@pytest.fixture
def signed(signed_template, tmp_path, monkeypatch) -> Path:
    """A private copy of the signed meeting, its key in the data folder."""
    home, template = signed_template
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    folder = tmp_path / "m"
    folder.mkdir()
    for path in template.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def test_nyckel_makes_a_private_key_once(data_home) -> None:
    code, out, _err = cli("nyckel")
    assert code == 0 and "Ny nyckel skapad" in out
    key = data_home / "namndtui" / "nyckel" / "ed25519.pem"
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.parent.stat().st_mode & 0o777 == 0o700
    public = re.search(r"Publik nyckel: (ed25519:\S+)", out).group(1)
    assert f"Fingeravtryck: {fingerprint(public)}" in out
    code, again, _err = cli("nyckel")
    assert code == 0 and "Nyckeln finns" in again and public in again
    os.chmod(key, 0o644)  # others can read it: not used
    code, _out, err = cli("nyckel")
    assert code == 2 and "kan läsas av andra" in err and "Traceback" not in err


def test_justering_signs_the_seal(signed) -> None:
    text = (signed / "protokoll.toml").read_text(encoding="utf-8")
    seal = tomllib.loads(text)["seal"]
    assert seal["signature"].startswith("ed25519:") and seal["public_key"].startswith("ed25519:")
    lines = (signed / "journal.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    last = [json.loads(line)["event"] for line in lines][-2]
    assert last["type"] == "minutes_sealed" and last["signature"] == seal["signature"]
    code, out, _err = cli("validate", str(signed / "protokoll.toml"))
    own = fingerprint(seal["public_key"])
    assert code == 0 and f"justerat och förseglat, signerat med nyckel {own}, din nyckel" in out
    minutes = load_protokoll(signed)
    assert render_toml(minutes) == text  # the signature survives a re-render
    assert cli("export", str(signed))[0] == 0  # the same minutes: written as they are
    assert (signed / "protokoll.toml").read_text(encoding="utf-8") == text


def _reseal(text: str, place: str) -> str:
    """What a forger without the key does: edit, then recompute the seal."""
    text = re.sub(r'\nplace = "[^"]*"', f'\nplace = "{place}"', text, count=1)
    data = tomllib.loads(text)
    return re.sub(r'(\[seal\]\nchecksum = )"[^"]+"', rf'\1"{document_seal(data)}"', text)


def test_a_recomputed_seal_without_the_key_is_caught(signed) -> None:
    path = signed / "protokoll.toml"
    path.write_text(_reseal(path.read_text(encoding="utf-8"), "Annan lokal"), encoding="utf-8")
    code, out, _err = cli("validate", str(path))
    assert code == 1 and "sigillets signatur stämmer inte" in out and "protokoll.toml:" in out


def test_a_changed_signature_is_caught_when_the_meeting_folder_is_validated(signed) -> None:
    """`validate MAPP` said 'filen är giltig' for a protokoll.toml beside the meeting whose
    signature had been changed; only `validate protokoll.toml` caught it (qa)."""
    path = signed / "protokoll.toml"
    text = path.read_text(encoding="utf-8")

    def flip(m: re.Match) -> str:
        return m[1] + ("B" if m[2] == "A" else "A")

    path.write_text(re.sub(r'(signature = "ed25519:)(.)', flip, text, count=1), "utf-8")
    code, out, _err = cli("validate", str(signed))
    assert code == 1 and "sigillets signatur stämmer inte" in out, out


def test_a_seal_signed_with_another_key_is_not_yours(signed, tmp_path) -> None:
    path = signed / "protokoll.toml"
    forged = _reseal(path.read_text(encoding="utf-8"), "Annan lokal")
    other, _created = create_key(tmp_path / "forger.pem")
    checksum = tomllib.loads(forged)["seal"]["checksum"]
    signature = other.sign(checksum)
    forged = re.sub(r'signature = "[^"]+"', f'signature = "{signature.signature}"', forged)
    forged = re.sub(r'public_key = "[^"]+"', f'public_key = "{signature.public_key}"', forged)
    path.write_text(forged, encoding="utf-8")
    code, out, _err = cli("validate", str(path))
    assert f"signerat med nyckel {fingerprint(other.public_key)}" in out
    assert "din nyckel" not in out  # the fingerprint is what tells a forgery
    # … and beside its meeting the journal's seal says the file is not what it recorded
    assert code == 1 and "motsvarar inte journalen" in out


def test_without_a_key_nothing_is_signed() -> None:
    """(The reliability tests' justered meeting of test_revision.py was made without a
    key; the golden's validate line says "ej signerat", tests/reliability/test_seal.py.)"""
    from namndtui.minutes.revision import seal_event, signed_by

    minutes = load_protokoll(sc.GOLDEN / "testby" / "protokoll.toml")
    assert signed_by(minutes) == ""
    event = seal_event(minutes)
    assert event.signature == "" and event.public_key == ""


def _sealed_events(folder: Path) -> list[dict]:
    lines = (folder / "journal.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    events = [json.loads(line)["event"] for line in lines]
    return [e for e in events if e["type"] == "minutes_sealed"]


def test_a_plain_export_after_a_rattelse_records_and_signs_the_new_seal(signed) -> None:
    """A rättelse recorded after the justering (in the TUI) changes the seal. A plain
    export wrote that seal unrecorded and unsigned; it now takes the lock and records it,
    signed, as --justerat does. Two exports at once record it once (both compared before
    the lock, the second again under it), and while the meeting is open elsewhere nothing
    is written."""
    from namndtui.commands.export import SEAL_NEEDS_JOURNAL, seal_recorded
    from namndtui.minutes.source import load_source
    from namndtui.minutes.write import write_files
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    meeting = load_meeting_for_record(signed / "meeting.toml")
    wrong = ev.DecisionRecorded(
        sc.ANMALAN, ("Anmälan av delegationsbeslut läggs till handlingarna.",)
    )
    before = (signed / "protokoll.toml").read_bytes()
    with Record.open(meeting, signed) as tui:
        tui.apply(ev.CorrectionMade(sc.ANMALAN, "Månaden saknades i beslutet.", wrong.to_dict()))
        code, _out, err = cli("export", str(signed))  # the TUI holds the journal
        assert code == 1 and SEAL_NEEDS_JOURNAL in err and "Traceback" not in err
    assert (signed / "protokoll.toml").read_bytes() == before
    assert len(_sealed_events(signed)) == 1
    write_files(load_source(str(signed)).minutes, signed)  # as a plain export wrote it before
    code, out, _err = cli("validate", str(signed))
    assert code == 1 and "är inte registrerat i journalen" in out
    first, second = load_source(str(signed)), load_source(str(signed))
    write_files(seal_recorded(first, str(signed)).minutes, signed)
    write_files(seal_recorded(second, str(signed)).minutes, signed)
    sealed = _sealed_events(signed)
    assert len(sealed) == 2  # the justering's and the rättelse's, once
    seal = tomllib.loads((signed / "protokoll.toml").read_text(encoding="utf-8"))["seal"]
    assert seal["checksum"] == sealed[-1]["checksum"] != sealed[0]["checksum"]
    assert seal["signature"] == sealed[-1]["signature"]
    code, out, _err = cli("validate", str(signed))
    assert code == 0 and "Traceback" not in out
    code, out, _err = cli("validate", str(signed / "protokoll.toml"))
    assert code == 0 and "din nyckel" in out
    assert cli("export", str(signed))[0] == 0  # nothing more to record
    assert len(_sealed_events(signed)) == 2
