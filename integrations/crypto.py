"""Encryption of stored credentials with MultiFernet.

The first key (ENCRYPTION_KEY) encrypts; it and every key in
ENCRYPTION_KEY_PREVIOUS may decrypt, so keys can be rotated without downtime
(see the rotate_encryption_key command). A stored value reads
`enc:v1:<Fernet token>`.

Any passphrase works as a key. A real Fernet key (44 characters of url-safe
base64) is used as it is; anything else is stretched with scrypt, because an
admin may well paste a short phrase and the database may well leak.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc:v1:"
# A fixed salt: derivation must give the same key on every machine that shares
# the passphrase, and there is nowhere else to keep one.
KDF_SALT = b"trek-photos/stored-credentials/v1"


class Undecryptable:
    """Stands for a stored secret that no configured key can open.

    It is falsy and prints as nothing, so it can never leak into a response;
    code that needs the secret checks `is_readable()` and asks the user to
    reconnect instead. Saving it writes the original ciphertext back, so a
    later key change can still recover it.
    """

    __slots__ = ("ciphertext",)

    def __init__(self, ciphertext: str):
        self.ciphertext = ciphertext

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "<Undecryptable secret>"

    def __eq__(self, other) -> bool:
        return isinstance(other, Undecryptable) and other.ciphertext == self.ciphertext

    def __hash__(self) -> int:
        return hash(self.ciphertext)


def is_readable(value) -> bool:
    return not isinstance(value, Undecryptable)


def fernet_key(passphrase: str) -> bytes:
    """A Fernet key: the value itself when it is one, else derived from it."""
    candidate = passphrase.strip()
    if not candidate:
        raise ImproperlyConfigured("An encryption key is empty.")
    if _is_fernet_key(candidate):
        return candidate.encode()
    derived = hashlib.scrypt(
        candidate.encode(), salt=KDF_SALT, n=2**14, r=8, p=1, dklen=32
    )
    return base64.urlsafe_b64encode(derived)


def _is_fernet_key(value: str) -> bool:
    if len(value) != 44:
        return False
    try:
        raw = base64.b64decode(value, altchars=b"-_", validate=True)
    except (ValueError, binascii.Error):
        return False
    return len(raw) == 32


@lru_cache(maxsize=16)
def _fernet(key: str) -> Fernet:
    # Cached per key: scrypt is slow on purpose.
    return Fernet(fernet_key(key))


def primary_fernet() -> Fernet:
    if not (settings.ENCRYPTION_KEY or "").strip():
        raise ImproperlyConfigured(
            "ENCRYPTION_KEY is empty. Set it (or ENCRYPTION_KEY_FILE), or unset it "
            "to have one generated into DATA_DIR."
        )
    return _fernet(settings.ENCRYPTION_KEY)


def current_fernet() -> MultiFernet:
    """The primary key first, then every previous one."""
    previous = [_fernet(key) for key in settings.ENCRYPTION_KEY_PREVIOUS if key.strip()]
    return MultiFernet([primary_fernet(), *previous])


def encrypt(plaintext: str) -> str:
    token = primary_fernet().encrypt(plaintext.encode())
    return PREFIX + token.decode()


def decrypt(stored: str) -> str | Undecryptable:
    """The plaintext, or an Undecryptable marker when no key opens it."""
    token = _token(stored)
    if token is None:
        return Undecryptable(stored)
    try:
        return current_fernet().decrypt(token).decode()
    except (InvalidToken, UnicodeDecodeError):
        return Undecryptable(stored)


def reencrypt(stored: str) -> str | Undecryptable:
    """`stored` encrypted with the primary key, or Undecryptable."""
    token = _token(stored)
    if token is None:
        return Undecryptable(stored)
    try:
        return PREFIX + current_fernet().rotate(token).decode()
    except InvalidToken:
        return Undecryptable(stored)


def is_encrypted_with_primary(stored: str) -> bool:
    token = _token(stored)
    if token is None:
        return False
    try:
        primary_fernet().decrypt(token)
    except InvalidToken:
        return False
    return True


def _token(stored: str) -> bytes | None:
    if not stored.startswith(PREFIX):
        return None
    return stored[len(PREFIX) :].encode()
