"""The Journey addon and the two photo providers, all switched off."""

from django.db import migrations


def seed(apps, schema_editor):
    Addon = apps.get_model("addons", "Addon")
    PhotoProvider = apps.get_model("addons", "PhotoProvider")
    journey, _ = Addon.objects.get_or_create(
        pk="journey",
        defaults={
            "name": "Journey",
            "description": "Travel journals with stories, photos and uploads.",
            "type": "global",
            "icon": "Compass",
            "sort_order": 35,
        },
    )
    for sort_order, (provider_id, name, description) in enumerate(
        [
            ("immich", "Immich", "Browse and attach photos from your Immich server."),
            (
                "synologyphotos",
                "Synology Photos",
                "Browse and attach photos from Synology Photos on your NAS.",
            ),
        ]
    ):
        PhotoProvider.objects.get_or_create(
            pk=provider_id,
            defaults={
                "addon": journey,
                "name": name,
                "description": description,
                "sort_order": sort_order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("addons", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
