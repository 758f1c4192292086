"""The picker's server side: which of the user's own assets to show, a page at a time.

Browsing always uses the viewer's own connection: the picker shows only their
own library, through spec.client_for(viewer).
"""

from dataclasses import dataclass
from datetime import date

from photos.models import TripPhoto

PAGE_SIZE = 50
MODES = ("trip", "custom", "all", "album")


def parse_day(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class PickerQuery:
    mode: str = "trip"
    date_from: date | None = None
    date_to: date | None = None
    album_id: str = ""
    album_name: str = ""
    page: int = 1

    @classmethod
    def from_request(cls, params, trip) -> "PickerQuery":
        mode = params.get("mode") if params.get("mode") in MODES else "trip"
        try:
            page = max(1, int(params.get("page", 1)))
        except ValueError:
            page = 1
        date_from, date_to = parse_day(params.get("from")), parse_day(params.get("to"))
        if mode == "trip":
            date_from, date_to = trip.start_date, trip.end_date or trip.start_date
        elif mode == "all":
            date_from = date_to = None
        return cls(
            mode=mode,
            date_from=date_from,
            date_to=date_to,
            album_id=str(params.get("album", ""))[:200],
            album_name=str(params.get("album_name", ""))[:300],
            page=page,
        )

    def needs_dates(self) -> bool:
        return self.mode == "trip" and self.date_from is None

    def params(self, page: int) -> str:
        """The query string for another page of the same listing."""
        parts = [f"mode={self.mode}", f"page={page}"]
        if self.mode == "custom":
            parts += [f"from={self.date_from or ''}", f"to={self.date_to or ''}"]
        if self.mode == "album":
            parts.append(f"album={self.album_id}")
        return "&".join(parts)


def load_picker_page(user, trip, spec, query: PickerQuery) -> dict:
    """One page of assets plus what the template needs to mark and page them."""
    if query.needs_dates():
        return {"message": "Add dates to your trip to load photos.", "items": []}
    if query.mode == "album" and not query.album_id:
        return {"message": "Choose an album.", "items": []}

    client = spec.client_for(user)
    if query.mode == "album":
        page = client.album_assets(query.album_id, page=query.page, size=PAGE_SIZE)
    else:
        page = client.search(
            date_from=query.date_from,
            date_to=query.date_to,
            page=query.page,
            size=PAGE_SIZE,
        )

    added = set(
        TripPhoto.objects.filter(
            trip=trip, added_by=user, photo__provider=spec.id
        ).values_list("photo__asset_id", flat=True)
    )
    next_page = (page.next_page or query.page + 1) if page.has_more else None
    return {
        "items": page.items,
        "added": added,
        "next_params": query.params(next_page) if next_page else "",
        "message": "No photos found." if query.page == 1 and not page.items else "",
    }
