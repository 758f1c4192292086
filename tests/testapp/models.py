"""Test-only models exercising shared model fields."""

from django.db import models

from integrations.fields import EncryptedTextField


class Vault(models.Model):
    """Two encrypted columns, so rotation is seen handling more than one."""

    name = models.CharField(max_length=50)
    secret = EncryptedTextField()
    token = EncryptedTextField()

    def __str__(self) -> str:
        return self.name


class Safe(Vault):
    """A child table: its parent's encrypted columns must be rotated once."""

    pin = EncryptedTextField()
