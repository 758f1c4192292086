"""A model field that keeps its text encrypted at rest (see integrations.crypto)."""

from django.db import models

from integrations import crypto


class EncryptedTextField(models.TextField):
    """Stores `enc:v1:<token>`; reads back plaintext, or an Undecryptable marker.

    Blank values are stored as the empty string, unencrypted: there is nothing
    to hide, and "is a secret saved?" stays a plain query.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        if not value:
            return ""
        return crypto.decrypt(value)

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        if isinstance(value, crypto.Undecryptable):
            return value.ciphertext
        if not value:
            return ""
        return crypto.encrypt(str(value))
