"""Stored credentials: encrypted at rest, rotatable, never lost, never shown."""

import io

import pytest
from cryptography.fernet import Fernet
from django import forms
from django.core import serializers
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from integrations import crypto
from tests.testapp.models import Safe, Vault

pytestmark = pytest.mark.django_db

OLD_KEY = "the old passphrase"
NEW_KEY = "a brand new passphrase"


@pytest.fixture(autouse=True)
def _keys(settings):
    settings.ENCRYPTION_KEY = OLD_KEY
    settings.ENCRYPTION_KEY_PREVIOUS = []
    return settings


def stored(model, pk, column):
    """The column's text exactly as the database holds it."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(column)
    # Identifiers come from the model and are quoted; the value is a parameter.
    sql = f"SELECT {column} FROM {table} WHERE id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return cursor.fetchone()[0]


def rotate():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("rotate_encryption_key", stdout=out, stderr=err)
    except CommandError as failure:
        return out.getvalue(), err.getvalue(), failure
    return out.getvalue(), err.getvalue(), None


def test_the_database_never_holds_the_plaintext():
    vault = Vault.objects.create(name="immich", secret="immich-api-key-123")

    raw = stored(Vault, vault.pk, "secret")
    assert raw.startswith("enc:v1:")
    assert "immich-api-key-123" not in raw
    assert Vault.objects.get(pk=vault.pk).secret == "immich-api-key-123"


def test_a_blank_secret_is_stored_blank():
    vault = Vault.objects.create(name="empty")
    assert stored(Vault, vault.pk, "secret") == ""
    assert Vault.objects.get(pk=vault.pk).secret == ""
    assert Vault.objects.filter(secret="").count() == 1


@pytest.mark.parametrize(
    "key",
    [
        "correct horse battery staple",
        "x",
        Fernet.generate_key().decode(),
    ],
)
def test_any_passphrase_or_a_fernet_key_works(settings, key):
    settings.ENCRYPTION_KEY = key
    vault = Vault.objects.create(name="k", secret="s3cret")
    assert Vault.objects.get(pk=vault.pk).secret == "s3cret"


def test_a_real_fernet_key_is_used_as_it_is(settings):
    key = Fernet.generate_key()
    settings.ENCRYPTION_KEY = key.decode()
    token = crypto.encrypt("s3cret").removeprefix("enc:v1:")
    assert Fernet(key).decrypt(token.encode()) == b"s3cret"


def test_an_empty_key_is_a_configuration_error(settings):
    settings.ENCRYPTION_KEY = "  "
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("s3cret")


def test_after_rotation_the_old_key_can_go(settings):
    vaults = [Vault.objects.create(name=f"v{i}", secret=f"key-{i}") for i in range(3)]
    Vault.objects.create(name="blank")
    settings.ENCRYPTION_KEY = NEW_KEY
    settings.ENCRYPTION_KEY_PREVIOUS = [OLD_KEY]
    before = stored(Vault, vaults[0].pk, "secret")

    out, _err, failure = rotate()

    assert failure is None
    assert "testapp.Vault.secret: 3 rotated, 0 already current, 1 empty" in out
    assert stored(Vault, vaults[0].pk, "secret") != before
    settings.ENCRYPTION_KEY_PREVIOUS = []
    assert [Vault.objects.get(pk=v.pk).secret for v in vaults] == [
        "key-0",
        "key-1",
        "key-2",
    ]


def test_a_second_rotation_changes_nothing(settings):
    vault = Vault.objects.create(name="v", secret="key")
    settings.ENCRYPTION_KEY = NEW_KEY
    settings.ENCRYPTION_KEY_PREVIOUS = [OLD_KEY]
    rotate()
    once = stored(Vault, vault.pk, "secret")

    out, _err, failure = rotate()

    assert failure is None
    assert "testapp.Vault.secret: 0 rotated, 1 already current" in out
    assert stored(Vault, vault.pk, "secret") == once


def test_rotation_covers_every_encrypted_column_once(settings):
    Safe.objects.create(name="safe", secret="a", token="b", pin="1234")
    settings.ENCRYPTION_KEY = NEW_KEY
    settings.ENCRYPTION_KEY_PREVIOUS = [OLD_KEY]

    out, _err, _failure = rotate()

    assert out.count("testapp.Vault.secret: 1 rotated") == 1
    assert "testapp.Vault.token: 1 rotated" in out
    assert "testapp.Safe.pin: 1 rotated" in out
    assert "testapp.Safe.secret" not in out


def test_an_unreadable_value_reads_as_undecryptable(settings):
    vault = Vault.objects.create(name="lost", secret="key")
    settings.ENCRYPTION_KEY = NEW_KEY  # the old key is gone for good

    secret = Vault.objects.get(pk=vault.pk).secret
    assert isinstance(secret, crypto.Undecryptable)
    assert not secret
    assert str(secret) == "" and f"{secret}" == ""
    assert not crypto.is_readable(secret)


def test_saving_an_unreadable_value_keeps_its_ciphertext(settings):
    vault = Vault.objects.create(name="lost", secret="key")
    original = stored(Vault, vault.pk, "secret")
    settings.ENCRYPTION_KEY = NEW_KEY

    reloaded = Vault.objects.get(pk=vault.pk)
    reloaded.name = "renamed"
    reloaded.save()

    assert stored(Vault, vault.pk, "secret") == original


def test_rotation_lists_unreadable_values_keeps_them_and_fails(settings):
    lost = Vault.objects.create(name="lost", secret="key")
    original = stored(Vault, lost.pk, "secret")
    settings.ENCRYPTION_KEY = NEW_KEY
    readable = Vault.objects.create(name="fine", secret="other")

    out, err, failure = rotate()

    assert failure is not None and failure.returncode != 0
    assert "1 already current, 0 empty, 1 unreadable" in out
    assert f"testapp.Vault pk={lost.pk} field=secret" in err
    assert f"pk={readable.pk}" not in err
    assert stored(Vault, lost.pk, "secret") == original
    assert Vault.objects.filter(pk=lost.pk).exists()


def test_a_dump_carries_the_ciphertext_and_loads_back():
    vault = Vault.objects.create(name="dumped", secret="immich-api-key-123")

    dump = serializers.serialize("json", Vault.objects.filter(pk=vault.pk))
    assert "immich-api-key-123" not in dump
    assert "enc:v1:" in dump

    Vault.objects.all().delete()
    for obj in serializers.deserialize("json", dump):
        obj.save()
    assert Vault.objects.get(pk=vault.pk).secret == "immich-api-key-123"


class VaultForm(forms.ModelForm):
    class Meta:
        model = Vault
        fields = ["name", "secret"]


def test_a_form_never_shows_the_secret_and_blank_keeps_it():
    vault = Vault.objects.create(name="v", secret="immich-api-key-123")

    assert "immich-api-key-123" not in str(VaultForm(instance=vault))
    form = VaultForm({"name": "renamed", "secret": ""}, instance=vault)
    assert form.is_valid(), form.errors
    form.save()
    assert Vault.objects.get(pk=vault.pk).secret == "immich-api-key-123"

    form = VaultForm({"name": "renamed", "secret": "new-key"}, instance=vault)
    assert form.is_valid(), form.errors
    form.save()
    assert Vault.objects.get(pk=vault.pk).secret == "new-key"
