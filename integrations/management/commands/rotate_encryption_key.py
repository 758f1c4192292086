"""Re-encrypt every stored secret with the primary ENCRYPTION_KEY.

Run it after moving the old key into ENCRYPTION_KEY_PREVIOUS and setting the
new one; once it reports no unreadable values, the old key can be dropped.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, models, transaction

from integrations import crypto
from integrations.fields import EncryptedTextField

logger = logging.getLogger(__name__)


@dataclass
class ColumnReport:
    label: str  # "app.Model.field"
    counts: Counter = field(default_factory=Counter)
    unreadable_pks: list = field(default_factory=list)


def encrypted_columns() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every EncryptedTextField of every installed model, each column once."""
    columns = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        # Local fields only: a child model shares its parent's columns.
        for model_field in model._meta.local_concrete_fields:
            if isinstance(model_field, EncryptedTextField):
                columns.append((model, model_field))
    return columns


def rotate_column(model, model_field, *, using: str, write: bool) -> ColumnReport:
    """Re-encrypt one column; touch only the rows whose value changes."""
    report = ColumnReport(f"{model._meta.label}.{model_field.name}")
    # Read the stored text as it is: a plain TextField skips the decryption.
    raw = models.ExpressionWrapper(
        models.F(model_field.attname), output_field=models.TextField()
    )
    rows = (
        model._base_manager.using(using)
        .annotate(stored=raw)
        .values_list("pk", "stored")
        .order_by("pk")
    )

    changed = []
    for pk, stored in rows.iterator(chunk_size=1000):
        outcome, new_value = _rotate_value(stored)
        report.counts[outcome] += 1
        if outcome == "unreadable":
            report.unreadable_pks.append(pk)
        elif outcome == "rotated":
            changed.append((pk, new_value))

    # Written after the read finishes: SQLite does not isolate a cursor from
    # writes to the table it is reading.
    if write:
        for pk, new_value in changed:
            model._base_manager.using(using).filter(pk=pk).update(
                **{
                    model_field.attname: models.Value(
                        new_value, output_field=models.TextField()
                    )
                }
            )
    return report


def _rotate_value(stored: str | None) -> tuple[str, str | None]:
    if not stored:
        return "empty", None
    if crypto.is_encrypted_with_primary(stored):
        return "current", None
    new_value = crypto.reencrypt(stored)
    if not crypto.is_readable(new_value):
        return "unreadable", None
    return "rotated", new_value


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column with the primary ENCRYPTION_KEY. "
        "Values no configured key can open are listed and left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would change without writing anything.",
        )

    def handle(self, *args, database, dry_run, **options):
        with transaction.atomic(using=database):
            reports = [
                rotate_column(model, model_field, using=database, write=not dry_run)
                for model, model_field in encrypted_columns()
            ]

        for report in reports:
            self.stdout.write(_summary(report))
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        unreadable = [
            (report.label, pk) for report in reports for pk in report.unreadable_pks
        ]
        if not unreadable:
            self.stdout.write(self.style.SUCCESS("Every stored secret is readable."))
            return

        self.stderr.write("No configured key can open these values; they were kept:")
        for label, pk in unreadable:
            model_label, field_name = label.rsplit(".", 1)
            self.stderr.write(f"  {model_label} pk={pk} field={field_name}")
        logger.warning("key rotation left %d unreadable values", len(unreadable))
        raise CommandError(
            f"{len(unreadable)} value(s) could not be decrypted. Add the key they "
            "were written with to ENCRYPTION_KEY_PREVIOUS and run this again, or "
            "ask the owners to reconnect."
        )


def _summary(report: ColumnReport) -> str:
    counts = report.counts
    return (
        f"{report.label}: {counts['rotated']} rotated, "
        f"{counts['current']} already current, {counts['empty']} empty, "
        f"{counts['unreadable']} unreadable"
    )
