from integrations.providers.registry import ProviderSpec, SettingsField
from integrations.providers.synology.asset_ids import ASSET_ID_PATTERN

SPEC = ProviderSpec(
    id="synologyphotos",
    name="Synology Photos",
    connection_model="synology.SynologyConnection",
    card_template="integrations/cards/synologyphotos.html",
    # "<item id>_<thumbnail cache key>" plus "-t" for a Shared Space item and
    # "-a<album id>" for an item seen in an album shared with the user. The
    # cache key itself is "<unit id>_<timestamp>"; see synology/asset_ids.py.
    asset_id_pattern=ASSET_ID_PATTERN,
    # An album id is a number, as in the "-a<album id>" of an asset id.
    album_id_pattern=r"[0-9]{1,12}",
    fields=(
        SettingsField(
            key="synology_url",
            label="Server URL",
            input_type="url",
            placeholder="https://synology.example.com/photo",
            hint="Include the Photos path, for example https://nas:5001/photo",
            required=True,
            settings_key="synology_url",
            sort_order=0,
        ),
        SettingsField(
            key="synology_username",
            label="Username",
            input_type="text",
            placeholder="Username",
            required=True,
            settings_key="synology_username",
            sort_order=1,
        ),
        SettingsField(
            key="synology_password",
            label="Password",
            input_type="password",
            placeholder="Password",
            required=True,
            secret=True,
            sort_order=2,
        ),
        SettingsField(
            key="synology_otp",
            label="One-time code (two-factor sign-in)",
            input_type="text",
            placeholder="123456",
            sort_order=3,
        ),
        SettingsField(
            key="synology_skip_ssl",
            label="Skip SSL verification",
            input_type="checkbox",
            settings_key="synology_skip_ssl",
            sort_order=4,
        ),
    ),
)
