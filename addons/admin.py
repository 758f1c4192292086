from django.contrib import admin

from addons.models import Addon, PhotoProvider


class PhotoProviderInline(admin.TabularInline):
    model = PhotoProvider
    fields = ["name", "description", "enabled"]
    readonly_fields = ["name", "description"]
    extra = 0
    can_delete = False
    verbose_name = "photo provider"
    verbose_name_plural = (
        "Photo providers (each has its own switch, independent of the addon's)"
    )

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Addon)
class AddonAdmin(admin.ModelAdmin):
    list_display = ["name", "enabled", "providers"]
    list_editable = ["enabled"]
    fields = ["name", "description", "enabled"]
    readonly_fields = ["name", "description"]
    inlines = [PhotoProviderInline]

    @admin.display(description="Photo providers")
    def providers(self, addon):
        return (
            ", ".join(
                f"{p.name} ({'on' if p.enabled else 'off'})"
                for p in addon.photo_providers.all()
            )
            or "-"
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PhotoProvider)
class PhotoProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "addon", "enabled"]
    list_editable = ["enabled"]
    fields = ["name", "addon", "description", "enabled"]
    readonly_fields = ["name", "addon", "description"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
