"""Admin switches: addons (such as Journey) and the photo providers under it."""

from django.db import models


class Addon(models.Model):
    id = models.SlugField(primary_key=True, max_length=50)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    type = models.CharField(
        max_length=20,
        choices=[
            ("trip", "Trip"),
            ("global", "Global"),
            ("integration", "Integration"),
        ],
        default="global",
    )
    icon = models.CharField(max_length=50, blank=True)
    enabled = models.BooleanField(default=False)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]

    def __str__(self):
        return self.name


class PhotoProvider(models.Model):
    """A photo provider switch, shown under the Journey addon.

    `addon` only places the provider in the admin; whether a provider is on
    depends on its own `enabled` flag alone.
    """

    # Not editable: the admin then keeps the id in a hidden input, which lets
    # the providers be switched inline on the Journey page.
    id = models.SlugField(primary_key=True, max_length=50, editable=False)
    addon = models.ForeignKey(
        Addon, on_delete=models.PROTECT, related_name="photo_providers"
    )
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    icon = models.CharField(max_length=50, default="Image")
    enabled = models.BooleanField(default=False)
    sort_order = models.IntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]

    def __str__(self):
        return self.name
