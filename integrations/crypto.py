"""Encryption of stored credentials with MultiFernet.

The first key encrypts; every key (primary, then ENCRYPTION_KEY_PREVIOUS) may
decrypt. Any passphrase works as a key: the Fernet key is derived from it, so an
admin can paste a random string rather than a base64 Fernet key.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

PREFIX = "enc:v1:"


class Undecryptable:
    """Stands for a stored secret that no configured key can open.

    It is falsy and prints as nothing, so it can never leak into a response;
    code that needs the secret checks `is_readable()` and asks the user to
    reconnect instead.
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
    """A Fernet key from a Fernet key as is, or derived from any passphrase."""
    candidate = passphrase.strip().encode()
    try:
        if len(base64.urlsafe_b64decode(candidate)) == 32:
            return candidate
    except (ValueError, TypeError):
        pass
    digest = hashlib.sha256(b"trek-photos:" + candidate).digest()
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=4)
def _fernet(primary: str, previous: tuple[str, ...]) -> MultiFernet:
    keys = [primary, *previous]
    return MultiFernet([Fernet(fernet_key(key)) for key in keys if key.strip()])


def current_fernet() -> MultiFernet:
    return _fernet(settings.ENCRYPTION_KEY, tuple(settings.ENCRYPTION_KEY_PREVIOUS))


def primary_fernet() -> Fernet:
    return Fernet(fernet_key(settings.ENCRYPTION_KEY))


def encrypt(plaintext: str) -> str:
    token = current_fernet().encrypt(plaintext.encode())
    return PREFIX + token.decode()


def decrypt(stored: str) -> str | Undecryptable:
    """The plaintext, or an Undecryptable marker when no key opens it."""
    if not stored.startswith(PREFIX):
        return Undecryptable(stored)
    try:
        return current_fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except (InvalidToken, ValueError):
        return Undecryptable(stored)


def is_encrypted_with_primary(stored: str) -> bool:
    if not stored.startswith(PREFIX):
        return False
    try:
        primary_fernet().decrypt(stored[len(PREFIX) :].encode())
    except (InvalidToken, ValueError):
        return False
    return True
