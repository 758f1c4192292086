"""URL converters shared by every app."""


class IdConverter:
    """A database id in a URL: digits that fit a 64-bit integer.

    Longer numbers cannot name a row; turning them away here makes them a 404
    instead of an overflow inside the database driver.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)
