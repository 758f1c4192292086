from integrations.providers.registry import ProviderSpec, SettingsField

# Immich ids of assets and albums alike are UUIDs.
UUID_PATTERN = (
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)

SPEC = ProviderSpec(
    id="immich",
    name="Immich",
    connection_model="immich.ImmichConnection",
    card_template="integrations/cards/immich.html",
    asset_id_pattern=UUID_PATTERN,
    album_id_pattern=UUID_PATTERN,
    fields=(
        SettingsField(
            key="immich_url",
            label="Server URL",
            input_type="url",
            placeholder="https://immich.example.com",
            required=True,
            settings_key="immich_url",
            sort_order=0,
        ),
        SettingsField(
            key="immich_api_key",
            label="API key",
            input_type="password",
            placeholder="API Key",
            required=True,
            secret=True,
            sort_order=1,
        ),
        SettingsField(
            key="immich_auto_upload",
            label="Mirror journey photos to Immich on upload",
            input_type="checkbox",
            settings_key="auto_upload",
            payload_key="auto_upload",
            sort_order=5,
        ),
    ),
)
