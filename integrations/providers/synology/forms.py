"""The settings card's form: the same fields the JSON API takes."""

from django import forms

from integrations.providers.synology.services import TypedSettings


class SynologySettingsForm(forms.Form):
    synology_url = forms.CharField(max_length=500, required=False)
    synology_username = forms.CharField(max_length=150, required=False)
    synology_password = forms.CharField(
        max_length=500, required=False, strip=False, widget=forms.PasswordInput
    )
    synology_otp = forms.CharField(max_length=20, required=False)
    synology_skip_ssl = forms.BooleanField(required=False)

    def typed(self) -> TypedSettings:
        data = self.cleaned_data
        return TypedSettings(
            url=data["synology_url"],
            username=data["synology_username"],
            password=data["synology_password"],
            skip_tls_verify=data["synology_skip_ssl"],
            otp_code=data["synology_otp"],
        )
