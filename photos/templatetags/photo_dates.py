"""Dates of photos as they read where the photos were taken.

Django shows an aware datetime in the server's time zone. A photo's taken-at
time should instead read as the clock where it was taken: providers give it in
the photo's own UTC offset (or naive, as that wall clock), and these filters
format it as it is, without converting it.
"""

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def where_taken(moment, format_name="DATETIME_FORMAT"):
    """`{{ asset.taken_at|where_taken:"Y-m-d" }}`: the local date or time.

    Deliberately not `expects_localtime`, so the value arrives unconverted.
    """
    if not moment:
        return ""
    return formats.date_format(moment, format_name)
