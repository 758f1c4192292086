from django import forms
from django.contrib.auth import get_user_model

from trek.trips.models import Trip


class TripForm(forms.ModelForm):
    class Meta:
        model = Trip
        fields = ["title", "start_date", "end_date"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The trip cannot end before it starts.")
        return cleaned


class AddMemberForm(forms.Form):
    username = forms.CharField(max_length=150)

    def __init__(self, *args, trip, **kwargs):
        super().__init__(*args, **kwargs)
        self.trip = trip

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(f'There is no user called "{username}".')
        if user == self.trip.owner or self.trip.members.filter(user=user).exists():
            raise forms.ValidationError(f"{username} is already on this trip.")
        self.user = user
        return username
