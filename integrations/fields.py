"""A model field that keeps its text encrypted at rest (see integrations.crypto)."""

from django import forms
from django.db import models

from integrations import crypto


class EncryptedTextField(models.TextField):
    """Stores `enc:v1:<token>`; reads back plaintext, or an Undecryptable marker.

    Blank values are stored as the empty string, unencrypted: there is nothing
    to hide, and "is a secret saved?" stays a plain query. Every other lookup
    is meaningless, since each save encrypts afresh.

    The value is write-only outside the code that uses it: forms render it as
    an empty password input, a blank form value keeps the stored secret, and
    serialisation (dumpdata) writes the ciphertext, not the plaintext.
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
        # Deserialising a dump hands back the ciphertext value_to_string wrote.
        if isinstance(value, str) and value.startswith(crypto.PREFIX):
            return crypto.decrypt(value)
        return value

    def get_prep_value(self, value):
        if isinstance(value, crypto.Undecryptable):
            return value.ciphertext
        if not value:
            return ""
        return crypto.encrypt(str(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        # The widget is not negotiable: the admin would otherwise swap in a
        # textarea that shows the plaintext.
        kwargs["widget"] = forms.PasswordInput(render_value=False)
        defaults = {"form_class": forms.CharField, "required": False, "strip": False}
        return super().formfield(**{**defaults, **kwargs})

    def save_form_data(self, instance, data):
        # The form never shows the stored secret, so a blank answer means
        # "leave it as it is", not "erase it".
        if data:
            super().save_form_data(instance, data)
