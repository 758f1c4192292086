"""Storing uploaded images as local photos, one accepted or refused per file.

Originals are kept exactly as uploaded under MEDIA_ROOT/journey/ with a random
name (the user's file name never reaches the path); a thumbnail and a JPEG
preview sit beside them. photos.local serves all three.
"""

import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from photos.local import preview_path_for
from photos.models import LOCAL_PROVIDER, MediaType, Photo
from trek.journeys import images

logger = logging.getLogger(__name__)

UPLOAD_DIR = "journey"


def max_upload_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES


@dataclass
class StoredImage:
    photo: Photo
    facts: images.ImageFacts


@dataclass
class Rejection:
    file_name: str
    reason: str

    def as_dict(self) -> dict:
        return {"file_name": self.file_name, "error": self.reason}


@dataclass
class UploadOutcome:
    stored: list[StoredImage] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def check_and_store(owner, uploaded_files) -> UploadOutcome:
    """Store every acceptable file as a local Photo of `owner`; explain the rest."""
    outcome = UploadOutcome()
    limit = max_upload_bytes()
    for upload in uploaded_files:
        name = str(upload.name or "unnamed")[:200]
        if upload.size > limit:
            reason = f"The file is larger than {filesizeformat(limit)}."
            outcome.rejected.append(Rejection(name, reason))
            continue
        try:
            facts = images.inspect_image(upload)
        except images.NotAnImage as refusal:
            outcome.rejected.append(Rejection(name, str(refusal)))
            continue
        outcome.stored.append(StoredImage(_store(owner, upload, facts), facts))
    logger.info(
        "user %s uploaded %s images, %s refused",
        owner.pk,
        len(outcome.stored),
        len(outcome.rejected),
    )
    return outcome


def _store(owner, upload, facts: images.ImageFacts) -> Photo:
    stem = uuid.uuid4().hex
    file_path = f"{UPLOAD_DIR}/{stem}{facts.extension}"
    thumbnail_path = f"{UPLOAD_DIR}/thumbs/{stem}.jpg"

    _write(file_path, upload.chunks())
    _write(thumbnail_path, [images.thumbnail_jpeg(upload)])
    _write(preview_path_for(file_path), [images.preview_jpeg(upload)])

    return Photo.objects.create(
        provider=LOCAL_PROVIDER,
        owner=owner,
        media_type=MediaType.IMAGE,
        file_path=file_path,
        thumbnail_path=thumbnail_path,
        width=facts.width,
        height=facts.height,
        taken_at=facts.taken_at,
        taken_at_utc_offset=_offset_minutes(facts.taken_at),
    )


def _offset_minutes(moment) -> int | None:
    # EXIF without an offset was read as UTC: showing it in UTC gives back the
    # camera's own clock, which is the best there is.
    if moment is None or moment.utcoffset() is None:
        return None
    return int(moment.utcoffset().total_seconds() // 60)


def _write(relative: str, blocks) -> None:
    path = Path(settings.MEDIA_ROOT) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as handle:
        for block in blocks:
            handle.write(block)


def delete_files(photo: Photo) -> None:
    """Remove an upload's original and renditions from disk."""
    root = Path(settings.MEDIA_ROOT)
    for relative in (
        photo.file_path,
        photo.thumbnail_path,
        preview_path_for(photo.file_path),
    ):
        if relative:
            (root / relative).unlink(missing_ok=True)
