"""Synology error codes, in words a user can act on.

DSM answers HTTP 200 with {"success": false, "error": {"code": N}}. The same
number means different things in SYNO.API.Auth (400-499: sign-in problems) and
in the other APIs, so sign-in codes are looked up in their own table first.
"""

from __future__ import annotations

from integrations.providers.base import (
    AssetNotFoundError,
    AuthError,
    BadResponseError,
    PermissionDeniedError,
    ProviderError,
    UnreachableError,
)

# Answers that mean "your session is gone": sign in again once and retry.
SESSION_EXPIRED_CODES = frozenset({106, 107, 119, 150})

_WAIT_AND_RETRY = "Wait a few minutes and try again."

# code -> (our code, message, error class, retryable)
_SIGN_IN_ERRORS: dict[int, tuple[str, str, type[ProviderError], bool]] = {
    400: (
        "synology.auth_failed",
        "The NAS rejected the username or password. Check both and try again.",
        AuthError,
        False,
    ),
    401: (
        "synology.account_disabled",
        "This account is disabled on the NAS. Ask the NAS administrator to enable it.",
        AuthError,
        False,
    ),
    402: (
        "synology.permission_denied",
        "This account may not sign in here. Check in DSM (Control Panel > "
        "User > Applications) that it is allowed to use Synology Photos.",
        PermissionDeniedError,
        False,
    ),
    403: (
        "synology.otp_required",
        "This account uses two-factor sign-in. Type the current one-time code "
        "from your authenticator app and test the connection again.",
        AuthError,
        False,
    ),
    404: (
        "synology.otp_invalid",
        "The one-time code was wrong or already used. Wait for a new code in "
        "your authenticator app, type it and test again.",
        AuthError,
        False,
    ),
    405: (
        "synology.wrong_portal",
        "The NAS does not accept sign-ins on this address or port. Use the "
        "address where Synology Photos opens in your browser.",
        AuthError,
        False,
    ),
    406: (
        "synology.otp_not_enrolled",
        "The NAS requires two-factor sign-in for this account, but it is not "
        "set up yet. Sign in to DSM in a browser once to set it up, then test "
        "again here with a one-time code.",
        AuthError,
        False,
    ),
    407: (
        "synology.ip_blocked",
        "The NAS blocked this server after too many failed sign-ins. Remove "
        "its address from DSM's auto-block list (Control Panel > Security), "
        "then try again.",
        AuthError,
        False,
    ),
    408: (
        "synology.password_expired",
        "The password of this account has expired and cannot be changed by "
        "you. Ask the NAS administrator to set a new one.",
        AuthError,
        False,
    ),
    409: (
        "synology.password_expired",
        "The password of this account has expired. Sign in to DSM in a browser "
        "to change it, then save the new password here.",
        AuthError,
        False,
    ),
    410: (
        "synology.password_must_change",
        "The NAS asks for a new password for this account. Sign in to DSM in a "
        "browser to change it, then save the new password here.",
        AuthError,
        False,
    ),
    411: (
        "synology.account_locked",
        "This account is locked after too many failed sign-ins. Wait, or ask "
        "the NAS administrator to unlock it.",
        AuthError,
        False,
    ),
    412: (
        "synology.guest_account",
        "Guest accounts cannot sign in. Use a regular DSM account.",
        AuthError,
        False,
    ),
    413: (
        "synology.otp_system_error",
        "The NAS's two-factor sign-in system is damaged. Ask the NAS "
        "administrator to check two-factor settings in DSM.",
        AuthError,
        False,
    ),
    414: (
        "synology.sign_in_failed",
        "The NAS could not sign this account in. Try signing in to DSM in a "
        "browser to see why.",
        AuthError,
        False,
    ),
    416: (
        "synology.sign_in_failed",
        "The NAS could not sign this account in. Try signing in to DSM in a "
        "browser to see why.",
        AuthError,
        False,
    ),
    417: (
        "synology.otp_system_error",
        "The NAS's two-factor sign-in system is full. Ask the NAS "
        "administrator to check two-factor settings in DSM.",
        AuthError,
        False,
    ),
    498: (
        "synology.upgrading",
        "The NAS is installing an update. " + _WAIT_AND_RETRY,
        UnreachableError,
        True,
    ),
    499: (
        "synology.not_ready",
        "The NAS is still starting up. " + _WAIT_AND_RETRY,
        UnreachableError,
        True,
    ),
}

_NOT_PHOTOS = (
    "No Synology Photos was found at this address. Check that the address "
    "includes the Photos path (for example https://nas.local:5001/photo) and "
    "that Synology Photos is installed."
)
_CLIENT_BUG = (
    "Synology Photos did not understand our request (error {code}). "
    "Your Photos version may be unsupported."
)
_SESSION_LOST = (
    "The NAS ended our session and did not accept a new one. Test the "
    "connection in Settings."
)

_API_ERRORS: dict[int, tuple[str, str, type[ProviderError], bool]] = {
    100: (
        "synology.unknown",
        "The NAS reported an unknown error. " + _WAIT_AND_RETRY,
        BadResponseError,
        True,
    ),
    101: ("synology.bad_request", _CLIENT_BUG, BadResponseError, False),
    102: ("synology.not_photos", _NOT_PHOTOS, BadResponseError, False),
    103: ("synology.unsupported", _CLIENT_BUG, BadResponseError, False),
    104: ("synology.unsupported", _CLIENT_BUG, BadResponseError, False),
    105: (
        "synology.no_permission",
        "This account lacks the permission for that in Synology Photos.",
        PermissionDeniedError,
        False,
    ),
    106: ("synology.session_expired", _SESSION_LOST, AuthError, False),
    107: ("synology.session_expired", _SESSION_LOST, AuthError, False),
    108: (
        "synology.failed",
        "The NAS could not complete the request.",
        BadResponseError,
        False,
    ),
    109: (
        "synology.busy",
        "The NAS is busy. " + _WAIT_AND_RETRY,
        UnreachableError,
        True,
    ),
    110: (
        "synology.busy",
        "The NAS is busy. " + _WAIT_AND_RETRY,
        UnreachableError,
        True,
    ),
    111: (
        "synology.busy",
        "The NAS is busy. " + _WAIT_AND_RETRY,
        UnreachableError,
        True,
    ),
    114: ("synology.bad_request", _CLIENT_BUG, BadResponseError, False),
    117: (
        "synology.internal_error",
        "Synology Photos hit an internal error for this item. " + _WAIT_AND_RETRY,
        BadResponseError,
        True,
    ),
    118: (
        "synology.busy",
        "The NAS is busy. " + _WAIT_AND_RETRY,
        UnreachableError,
        True,
    ),
    119: ("synology.session_expired", _SESSION_LOST, AuthError, False),
    120: ("synology.bad_request", _CLIENT_BUG, BadResponseError, False),
    150: ("synology.session_expired", _SESSION_LOST, AuthError, False),
    160: (
        "synology.no_photos_privilege",
        "This account is not allowed to use "
        "Synology Photos. Ask the NAS administrator to allow it (DSM Control "
        "Panel > User > Applications).",
        PermissionDeniedError,
        False,
    ),
    609: (
        "synology.not_found",
        "Synology Photos does not have that album or photo any more.",
        AssetNotFoundError,
        False,
    ),
    620: (
        "synology.unsupported_format",
        "Synology Photos cannot read this file format.",
        BadResponseError,
        False,
    ),
    803: (
        "synology.no_permission",
        "This account has no access to that in Synology Photos.",
        PermissionDeniedError,
        False,
    ),
}


def sign_in_error(code: int) -> ProviderError:
    """The error for a failed SYNO.API.Auth login."""
    if code in _SIGN_IN_ERRORS:
        return _build(code, _SIGN_IN_ERRORS[code])
    return api_error(code)


def api_error(code: int) -> ProviderError:
    """The error for a failed call to any other Synology API."""
    entry = _API_ERRORS.get(code)
    if entry is None:
        entry = (
            "synology.error",
            f"Synology Photos refused the request (error {code}).",
            BadResponseError,
            False,
        )
    return _build(code, entry)


def _build(code: int, entry) -> ProviderError:
    our_code, message, error_class, retryable = entry
    # The Synology number goes into the message only where it helps support;
    # the HTTP status we answer with is decided by the error class alone.
    return error_class(message.format(code=code), code=our_code, retryable=retryable)


NOT_PHOTOS_MESSAGE = _NOT_PHOTOS
