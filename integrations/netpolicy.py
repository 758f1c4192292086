"""Which addresses the server may connect to on a user's behalf.

Users type their photo server's URL, and the server fetches from it: without
this policy a user could make it reach the cloud metadata service, the admin
interfaces on its own loopback, or machines on its private network.
`integrations.net` applies `vet_outbound_url` to every request and redirect.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from integrations.providers.base import (
    BlockedByPolicyError,
    InvalidInputError,
    ProviderError,
    UnreachableError,
)

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
DEFAULT_PORTS = {"http": 80, "https": 443}
LOCAL_NAME_SUFFIXES = (".local", ".internal")


@dataclass(frozen=True)
class AddressClass:
    """A kind of address the policy refuses unless something admits it.

    `internal`: ALLOW_INTERNAL_NETWORK admits it. `allowlistable`: an
    OUTBOUND_ALLOWLIST entry admits it. Link-local is neither, ever.
    """

    label: str
    internal: bool = False
    allowlistable: bool = False


LOOPBACK = AddressClass("loopback", allowlistable=True)
UNSPECIFIED = AddressClass("unspecified")
LINK_LOCAL = AddressClass("link-local")
METADATA = AddressClass("link-local (cloud metadata)")
MULTICAST = AddressClass("multicast")
BROADCAST = AddressClass("broadcast")
RESERVED = AddressClass("reserved", allowlistable=True)
PRIVATE = AddressClass("private network", internal=True, allowlistable=True)
LOCAL_NAME = AddressClass("local network name", internal=True, allowlistable=True)

_nets = ipaddress.ip_network
# Cloud instance metadata: AWS/GCP/Azure/Oracle, AWS ECS, AWS over IPv6, and
# Alibaba's, which sits inside the CGNAT range and so needs naming here.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
PRIVATE_NETWORKS = tuple(
    _nets(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",  # carrier-grade NAT, also Tailscale
        "fc00::/7",  # unique local
        "fec0::/10",  # deprecated site-local
    )
)
THIS_NETWORK = _nets("0.0.0.0/8")  # Linux connects 0.x.x.x to the local host
NAT64 = _nets("64:ff9b::/96")
NAT64_LOCAL = _nets("64:ff9b:1::/48")  # where the IPv4 sits depends on the site
IPV4_COMPATIBLE = _nets("::/96")
IPV4_TRANSLATED = _nets("::ffff:0:0:0/96")


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 transition address carries, if any.

    Such an address reaches the embedded IPv4 host through a translator or
    tunnel, so it deserves the same verdict as that host.
    """
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip.sixtofour is not None:
        return ip.sixtofour
    low32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in NAT64 or ip in IPV4_TRANSLATED:
        return low32
    if ip in IPV4_COMPATIBLE and int(ip) > 1:  # but not :: and ::1 themselves
        return low32
    return None


def classify_address(ip: IPAddress) -> AddressClass | None:
    """The refused class an address falls in, or None for a public address."""
    embedded = embedded_ipv4(ip)
    if embedded is not None:
        return classify_address(embedded)
    if ip in METADATA_ADDRESSES:
        return METADATA
    if ip.is_unspecified or ip in THIS_NETWORK:
        return UNSPECIFIED
    if ip.is_loopback:
        return LOOPBACK
    if ip.is_link_local:
        return LINK_LOCAL
    if ip.is_multicast:
        return MULTICAST
    if ip == ipaddress.IPv4Address("255.255.255.255"):
        return BROADCAST
    if any(ip in net for net in PRIVATE_NETWORKS):
        return PRIVATE
    if ip in NAT64_LOCAL or ip.is_reserved or not ip.is_global:
        # Documentation, benchmarking, protocol-assignment and unallocated
        # ranges: no photo server lives there.
        return RESERVED
    return None


@dataclass(frozen=True)
class OutboundURL:
    """A URL's parts once its form has been checked (no DNS yet)."""

    scheme: str
    host: str  # lower case, no brackets, no trailing dot
    port: int
    host_header: str

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)


@dataclass(frozen=True)
class VettedTarget(OutboundURL):
    """A URL whose every resolved address the policy admitted.

    `address` is the one to connect to. `internal_label` names the class of
    a non-public address that a setting admitted, for the warning on save.
    """

    addresses: tuple[str, ...] = ()
    internal_label: str | None = None

    @property
    def address(self) -> str:
        return self.addresses[0]

    @property
    def warning(self) -> str | None:
        if self.internal_label is None:
            return None
        return (
            f"{self.host} resolves to a {self.internal_label} address. The server "
            "will connect to it for this user; make sure that is intended."
        )


def split_typed_url(text: str, *, code: str = "provider.invalid_input"):
    """urlsplit for what a user typed: a ValueError becomes a message to act on."""
    try:
        return urlsplit(text)
    except ValueError:  # unbalanced "[" or "]" around an IPv6 address
        raise InvalidInputError(
            "That address cannot be read; check the brackets around an IPv6 "
            "address, for example https://[fd00::5]:2283.",
            code=code,
        ) from None


def parse_outbound_url(url: str) -> OutboundURL:
    """Check the URL's form; raise InvalidInputError saying what to fix."""
    try:
        parts = urlsplit(str(url).strip())
        port = parts.port
    except ValueError as exc:
        raise InvalidInputError(
            "The server address is not a valid URL (check the host and port)."
        ) from exc
    if parts.scheme not in DEFAULT_PORTS:
        raise InvalidInputError(
            "The server address must start with http:// or https://."
        )
    if not parts.hostname:
        raise InvalidInputError("The server address has no host name.")
    if parts.username is not None or parts.password is not None:
        raise InvalidInputError(
            "Remove the user name and password from the server address; enter "
            "credentials in their own fields."
        )
    return OutboundURL(
        scheme=parts.scheme,
        host=parts.hostname.rstrip("."),
        port=port or DEFAULT_PORTS[parts.scheme],
        host_header=parts.netloc,
    )


def resolve_host(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for `host`, in its order.

    getaddrinfo also turns decimal, octal and hex IPv4 spellings
    (2130706433, 0x7f.1) into the address they mean, so those are vetted as
    what they really are.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise UnreachableError(
            f"The name {host} could not be resolved. Check the server address.",
            code="network.dns",
        ) from exc
    addresses: list[IPAddress] = []
    for family, _type, _proto, _canon, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6):
            ip = ipaddress.ip_address(sockaddr[0])
            if ip not in addresses:
                addresses.append(ip)
    if not addresses:
        raise UnreachableError(
            f"The name {host} has no usable address.", code="network.dns"
        )
    return addresses


@dataclass(frozen=True)
class Allowlist:
    """OUTBOUND_ALLOWLIST: `host`, `host:port` (names) or CIDR (addresses)."""

    hosts: frozenset[tuple[str, int | None]]
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]

    @classmethod
    def from_settings(cls) -> Allowlist:
        hosts, networks = set(), []
        for entry in getattr(settings, "OUTBOUND_ALLOWLIST", []):
            entry = entry.strip().lower()
            try:
                if "/" in entry:
                    networks.append(ipaddress.ip_network(entry, strict=False))
                elif entry:
                    hosts.add(_allowlist_host(entry))
            except ValueError:
                logger.warning("ignoring unusable OUTBOUND_ALLOWLIST entry %r", entry)
        return cls(frozenset(hosts), tuple(networks))

    def admits_host(self, host: str, port: int) -> bool:
        host = _normal_host(host)
        return (host, None) in self.hosts or (host, port) in self.hosts

    def admits_address(self, ip: IPAddress) -> bool:
        return any(ip in net for net in self.networks)


def _allowlist_host(entry: str) -> tuple[str, int | None]:
    try:  # a bare IPv6 address has colons but no port
        return (str(ipaddress.ip_address(entry)), None)
    except ValueError:
        parts = urlsplit("//" + entry)
        if not parts.hostname:
            raise ValueError(entry) from None
        return (_normal_host(parts.hostname), parts.port)


def _normal_host(host: str) -> str:
    host = host.lower().rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def vet_outbound_url(url: str) -> VettedTarget:
    """Parse, resolve and vet `url`; raise if any resolved address is refused."""
    parsed = parse_outbound_url(url)
    allowlist = Allowlist.from_settings()
    host_listed = allowlist.admits_host(parsed.host, parsed.port)
    addresses = resolve_host(parsed.host, parsed.port)

    internal_label = None
    for ip in addresses:
        kind = classify_address(ip)
        if kind is not None:
            _check_admitted(
                kind, parsed.host, host_listed or allowlist.admits_address(ip), ip
            )
            internal_label = internal_label or kind.label

    if parsed.host.endswith(LOCAL_NAME_SUFFIXES):
        every_listed = all(allowlist.admits_address(ip) for ip in addresses)
        _check_admitted(LOCAL_NAME, parsed.host, host_listed or every_listed, None)
        internal_label = internal_label or LOCAL_NAME.label

    return VettedTarget(
        **vars(parsed),
        addresses=tuple(str(ip) for ip in addresses),
        internal_label=internal_label,
    )


def _check_admitted(kind: AddressClass, host: str, listed: bool, ip) -> None:
    if kind.allowlistable and listed:
        return
    if kind.internal and settings.ALLOW_INTERNAL_NETWORK:
        return
    logger.warning("refused outbound connection to %s (%s, %s)", host, ip, kind.label)
    raise BlockedByPolicyError(_refusal_message(kind, host))


def _refusal_message(kind: AddressClass, host: str) -> str:
    if kind is LOCAL_NAME:
        reason = f"it is a {kind.label}"
    else:
        article = "an" if kind.label[0] in "aeiou" else "a"
        reason = f"it resolves to {article} {kind.label} address"
    message = f"Refused to connect to {host}: {reason}."

    if kind.internal:
        return (
            f"{message} To allow photo servers on your own network, set "
            "ALLOW_INTERNAL_NETWORK=true, or add this host to OUTBOUND_ALLOWLIST."
        )
    if kind.allowlistable:
        return f"{message} If this is your photo server, add it to OUTBOUND_ALLOWLIST."
    return f"{message} Such addresses are never allowed."


def private_address_warning(url: str) -> str | None:
    """A warning for the user when an admitted URL points into a private network.

    Returns None for public targets and for URLs the policy refuses: call
    `vet_outbound_url` first to report those.
    """
    try:
        return vet_outbound_url(url).warning
    except ProviderError:
        return None
