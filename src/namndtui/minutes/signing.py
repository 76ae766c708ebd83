"""An optional ed25519 signature over the seal of justered minutes (`cryptography`).

The seal (`[seal] checksum`) can be recomputed by anyone who can write the folder; a
signature cannot, without the private key. `namndtui nyckel` makes a key in the user's
data folder (`key_path()`, the file 0600 in a 0700 folder); when one is there, every seal
export records (MinutesSealed) is signed, and protokoll.toml's `[seal]` carries
`signature` and `public_key`. The loader verifies the signature against that public key;
who the key belongs to is for the reader to check by its fingerprint (docs/reliability.md,
"The signature": what it protects against and what not).

The message signed is `MESSAGE_PREFIX + checksum` (the seal's "sha256:…" text).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from namndtui.errors import UserError
from namndtui.storage import os_reason, read_input

KEY_FILENAME = "ed25519.pem"
PREFIX = "ed25519:"
MESSAGE_PREFIX = b"namndtui-seal/1\n"  # so a signature of a seal is nothing else's


def key_path() -> Path:
    """Where the user's private key lives: the data folder (platformdirs; on Linux
    $XDG_DATA_HOME/namndtui/nyckel/ed25519.pem, default ~/.local/share/…)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("namndtui")) / "nyckel" / KEY_FILENAME


@dataclass(frozen=True)
class Signature:
    """A seal signed: both as text, "ed25519:<base64>"."""

    signature: str
    public_key: str


class Signer:
    """A private key, loaded."""

    def __init__(self, private_key) -> None:  # Ed25519PrivateKey
        self._key = private_key

    @property
    def public_key(self) -> str:
        from cryptography.hazmat.primitives import serialization

        raw = self._key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return PREFIX + base64.b64encode(raw).decode()

    def sign(self, checksum: str) -> Signature:
        raw = self._key.sign(MESSAGE_PREFIX + checksum.encode())
        return Signature(PREFIX + base64.b64encode(raw).decode(), self.public_key)


def fingerprint(public_key: str) -> str:
    """A short, readable name of a public key: 16 hex digits of its SHA-256, in fours."""
    digest = hashlib.sha256(public_key.encode()).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def verify(checksum: str, signature: str, public_key: str) -> bool:
    """True when `signature` is `public_key`'s signature of the seal `checksum`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw_key, raw_sig = _raw(public_key), _raw(signature)
    if raw_key is None or raw_sig is None or len(raw_key) != 32 or len(raw_sig) != 64:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(
            raw_sig, MESSAGE_PREFIX + checksum.encode()
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def _raw(text: str) -> bytes | None:
    if not text.startswith(PREFIX):
        return None
    try:
        return base64.b64decode(text[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        return None


def load_signer(path: Path | None = None) -> Signer | None:
    """The user's key, or None when there is none. Raises UserError (exit 2) for a key
    file that others can read or that is not an ed25519 key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = path or key_path()
    try:
        info = path.stat()
        data = read_input(path, 64 * 1024)  # a FIFO or /dev/zero: refused, never a hang
    except FileNotFoundError:
        return None
    except OSError as err:
        raise UserError(f"{path}: nyckeln kan inte läsas: {os_reason(err)}", 2) from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(
            f"{path}: nyckelfilen kan läsas av andra än du; gör den privat (chmod 600) "
            "eller skapa en ny", 2,
        )  # fmt: skip
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError(
            f"{path}: ingen ed25519-nyckel som går att använda (skadad, lösenordsskyddad "
            "eller av annat slag); flytta undan filen och skapa en ny med namndtui nyckel", 2,
        )  # fmt: skip
    return Signer(key)


def create_key(path: Path | None = None) -> tuple[Signer, bool]:
    """The user's key, made first when there is none (file 0600, folder 0700, never
    overwritten); returns it and whether it was made now."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = path or key_path()
    existing = load_signer(path)
    if existing is not None:
        return existing, False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    return Signer(key), True
