from django import forms

from trek.journeys.models import Journey, JourneyEntry, Role
from trek.trips.models import Trip


class JourneyForm(forms.ModelForm):
    class Meta:
        model = Journey
        fields = ["title", "trips"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trips"].queryset = Trip.objects.visible_to(user)
        self.fields["trips"].required = False


class EntryForm(forms.ModelForm):
    class Meta:
        model = JourneyEntry
        fields = ["entry_date", "title", "story"]
        widgets = {"entry_date": forms.DateInput(attrs={"type": "date"})}

    def save(self, *, journey, author):
        entry = super().save(commit=False)
        entry.journey = journey
        entry.author = author
        entry.save()
        return entry


class ContributorForm(forms.Form):
    username = forms.CharField(max_length=150)
    role = forms.ChoiceField(choices=Role.choices)


class PickerForm(forms.Form):
    provider = forms.ChoiceField(choices=())
    date_from = forms.DateField(
        required=False, widget=forms.DateInput({"type": "date"})
    )
    date_to = forms.DateField(required=False, widget=forms.DateInput({"type": "date"}))
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [(p.id, p.name) for p in providers]
