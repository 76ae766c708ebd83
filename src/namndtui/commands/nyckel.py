"""`namndtui nyckel`: the secretary's ed25519 key for signing the seal of justered minutes.

Makes the key in the user's data folder when there is none (the file readable only by
the user), and prints where it is, the public key and its fingerprint — the line to
give the registrator or the diarium, so that others can check the signature's key.
No Textual import.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: it makes the key once, then shows it


def run(args: argparse.Namespace) -> int:
    from namndtui.minutes.signing import create_key, fingerprint, key_path
    from namndtui.textcheck import visible

    del args
    signer, created = create_key()
    path = visible(str(key_path()))
    if created:
        print(f"Ny nyckel skapad: {path} (läsbar bara för dig).")
        print("Protokoll som justeras med namndtui export --justerat signeras nu med den.")
    else:
        print(f"Nyckeln finns: {path}")
    print(f"Publik nyckel: {signer.public_key}")
    print(f"Fingeravtryck: {fingerprint(signer.public_key)}")
    return 0
