"""Create the first administrator, once.

Uses DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD when both are
set; otherwise, if no administrator exists yet, creates "admin" with a
generated password and prints it this one time.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the first administrator if there is none."

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip()
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")

        if username and password:
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Administrator {username!r} already exists.")
                return
            User.objects.create_superuser(username=username, password=password)
            self.stdout.write(
                self.style.SUCCESS(f"Created administrator {username!r}.")
            )
            return

        if User.objects.filter(is_superuser=True).exists():
            return
        username = username or "admin"
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created administrator {username!r} with password {password}\n"
                "This password is shown only once: sign in and change it."
            )
        )
