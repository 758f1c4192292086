"""The outbound network policy: which targets the server may reach, and how.

Name resolution is controlled by the `dns` fixture; the only real connections
go to small HTTP(S) servers on 127.0.0.1, admitted through OUTBOUND_ALLOWLIST.
"""

import ast
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from integrations import net
from integrations.providers.base import (
    BadResponseError,
    BlockedByPolicyError,
    InvalidInputError,
    ProviderTimeoutError,
    UnreachableError,
)
from tests.fakes.tls import make_certificate

PUBLIC_V4 = "93.184.216.34"
PUBLIC_V6 = "2606:4700::1111"
_real_getaddrinfo = socket.getaddrinfo


@pytest.fixture(autouse=True)
def _closed_network(settings):
    settings.ALLOW_INTERNAL_NETWORK = False
    settings.OUTBOUND_ALLOWLIST = []


@pytest.fixture
def dns(monkeypatch):
    """A resolver the test controls: dns["name"] = [answers] or [[1st], [2nd]]."""

    class FakeDNS(dict):
        def getaddrinfo(self, host, port, *args, **kwargs):
            self.calls.append(host)
            if host not in self:
                # IP literals and numeric IPv4 spellings go to the real resolver,
                # which parses them without touching the network.
                flags = socket.AI_NUMERICHOST
                return _real_getaddrinfo(host, port, 0, socket.SOCK_STREAM, 0, flags)
            answers = self[host]
            if answers and isinstance(answers[0], list):
                answers = answers.pop(0) if len(answers) > 1 else answers[0]
            return [_addrinfo(ip, port) for ip in answers]

    fake = FakeDNS()
    fake.calls = []
    monkeypatch.setattr(socket, "getaddrinfo", fake.getaddrinfo)
    return fake


def _addrinfo(ip, port):
    if ":" in ip:
        return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (ip, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))


# --- the table ------------------------------------------------------------------

# (url, what the name resolves to, ALLOW_INTERNAL_NETWORK, refusal or None)
TARGETS = [
    # loopback, unspecified, link-local, multicast, reserved: always refused
    ("http://127.0.0.1/", None, True, "loopback"),
    ("http://loop.test/", ["127.0.0.5"], True, "loopback"),
    ("http://[::1]:2283/", None, True, "loopback"),
    ("http://localhost6.test/", ["::1"], True, "loopback"),
    ("http://0.0.0.0/", None, True, "unspecified"),
    ("http://0.1.2.3/", None, True, "unspecified"),
    ("http://[::]/", None, True, "unspecified"),
    ("http://169.254.169.254/latest/meta-data/", None, True, "cloud metadata"),
    ("http://metadata.google.internal/", ["169.254.169.254"], True, "cloud metadata"),
    ("http://100.100.100.200/", None, True, "cloud metadata"),
    ("http://[fd00:ec2::254]/", None, True, "cloud metadata"),
    ("http://169.254.10.1/", None, True, "link-local"),
    ("http://[fe80::1]/", None, True, "link-local"),
    ("http://ll6.test/", ["fe80::abcd"], True, "link-local"),
    ("http://224.0.0.1/", None, True, "multicast"),
    ("http://[ff02::1]/", None, True, "multicast"),
    ("http://255.255.255.255/", None, True, "broadcast"),
    ("http://240.0.0.1/", None, True, "reserved"),
    ("http://192.0.2.10/", None, True, "reserved"),
    # IPv6 forms that carry a refused IPv4
    ("http://[::ffff:127.0.0.1]/", None, True, "loopback"),
    ("http://[::ffff:169.254.169.254]/", None, True, "cloud metadata"),
    ("http://[::ffff:0:127.0.0.1]/", None, True, "loopback"),
    ("http://[::127.0.0.1]/", None, True, "loopback"),
    ("http://[64:ff9b::a9fe:a9fe]/", None, True, "cloud metadata"),
    ("http://[2002:7f00:1::1]/", None, True, "loopback"),
    ("http://[2002:a9fe:a9fe::1]/", None, True, "cloud metadata"),
    ("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", None, True, "loopback"),
    ("http://[64:ff9b::a00:1]/", None, False, "private network"),
    # decimal, octal and hex spellings of 127.0.0.1, resolved for real
    ("http://2130706433/", None, True, "loopback"),
    ("http://0x7f.1/", None, True, "loopback"),
    ("http://017700000001/", None, True, "loopback"),
    ("http://127.1/", None, True, "loopback"),
    # every answer counts, not just the first
    ("http://mixed.test/", [PUBLIC_V4, "127.0.0.1"], True, "loopback"),
    ("http://mixed6.test/", [PUBLIC_V6, "10.0.0.8"], False, "private network"),
    # private ranges and local names: refused while ALLOW_INTERNAL_NETWORK is off
    ("http://10.1.2.3/", None, False, "private network"),
    ("http://172.16.5.4/", None, False, "private network"),
    ("http://172.31.255.1/", None, False, "private network"),
    ("http://192.168.1.10/", None, False, "private network"),
    ("http://100.64.0.7/", None, False, "private network"),
    ("http://[fd12:3456::1]/", None, False, "private network"),
    ("http://[fc00::1]/", None, False, "private network"),
    ("http://nas.test/", ["192.168.1.20"], False, "private network"),
    ("http://mapped.test/", ["::ffff:10.0.0.1"], False, "private network"),
    ("http://nas.local/", [PUBLIC_V4], False, "local network name"),
    ("http://photos.internal/", [PUBLIC_V4], False, "local network name"),
    # ... and admitted while it is on
    ("http://10.1.2.3/", None, True, None),
    ("http://100.64.0.7/", None, True, None),
    ("http://[fd12:3456::1]/", None, True, None),
    ("http://nas.local:2283/", ["192.168.1.20"], True, None),
    ("http://photos.internal/", [PUBLIC_V4], True, None),
    # public targets
    (f"http://{PUBLIC_V4}/", None, False, None),
    (f"https://[{PUBLIC_V6}]/", None, False, None),
    ("https://photos.example.com/", [PUBLIC_V4, PUBLIC_V6], False, None),
    ("http://[64:ff9b::5db8:d822]/", None, False, None),
    ("http://[2002:5db8:d822::1]/", None, False, None),
]


@pytest.mark.parametrize(("url", "answers", "internal", "refusal"), TARGETS)
def test_policy_table(settings, dns, url, answers, internal, refusal):
    settings.ALLOW_INTERNAL_NETWORK = internal
    if answers is not None:
        dns[urlsplit(url).hostname] = answers

    if refusal is None:
        target = net.vet_outbound_url(url)
        assert target.addresses
        return
    with pytest.raises(BlockedByPolicyError) as refused:
        net.vet_outbound_url(url)
    assert refusal in refused.value.message


def test_table_covers_enough_targets():
    assert len(TARGETS) >= 30


def test_refusal_says_which_setting_would_allow_it(dns):
    with pytest.raises(BlockedByPolicyError) as private:
        net.vet_outbound_url("http://10.0.0.1/")
    assert "set ALLOW_INTERNAL_NETWORK=true" in private.value.message
    assert "OUTBOUND_ALLOWLIST" in private.value.message

    with pytest.raises(BlockedByPolicyError) as loopback:
        net.vet_outbound_url("http://127.0.0.1/")
    assert "add it to OUTBOUND_ALLOWLIST" in loopback.value.message

    with pytest.raises(BlockedByPolicyError) as metadata:
        net.vet_outbound_url("http://169.254.169.254/")
    assert "never allowed" in metadata.value.message
    assert "OUTBOUND_ALLOWLIST" not in metadata.value.message


def test_refusal_names_the_host_but_not_the_query_or_address(dns):
    dns["nas.test"] = ["192.168.7.7"]
    with pytest.raises(BlockedByPolicyError) as refused:
        net.vet_outbound_url("http://nas.test/webapi/entry.cgi?_sid=s3cr3t")
    assert "nas.test" in refused.value.message
    assert "s3cr3t" not in refused.value.message
    assert "192.168.7.7" not in refused.value.message


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("ftp://photos.example.com/", "http:// or https://"),
        ("file:///etc/passwd", "http:// or https://"),
        ("photos.example.com", "http:// or https://"),
        ("http://", "no host name"),
        ("http://admin:hunter2@photos.example.com/", "user name and password"),
        ("http://admin@photos.example.com/", "user name and password"),
        ("http://photos.example.com:99999/", "not a valid URL"),
    ],
)
def test_unusable_urls_say_what_to_fix(url, hint):
    with pytest.raises(InvalidInputError) as invalid:
        net.vet_outbound_url(url)
    assert hint in invalid.value.message
    assert "hunter2" not in invalid.value.message


def test_a_name_that_does_not_resolve(dns):
    with pytest.raises(UnreachableError) as failed:
        net.vet_outbound_url("https://nowhere.test/")
    assert failed.value.code == "network.dns"
    assert "nowhere.test could not be resolved" in failed.value.message


# --- the allow-list -----------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "url", "admitted"),
    [
        ("photos.lan", "http://photos.lan:2283/", True),
        ("PHOTOS.LAN", "http://photos.lan./", True),
        ("photos.lan", "http://other.lan/", False),
        ("photos.lan:2283", "http://photos.lan:2283/", True),
        ("photos.lan:2283", "http://photos.lan:8080/", False),
        ("photos.lan:443", "https://photos.lan/", True),
        ("127.0.0.0/8", "http://photos.lan/", True),
        ("127.0.0.0/8", "http://other.lan/", True),
        ("192.168.1.0/24", "http://nas.lan/", True),
        ("192.168.1.0/24", "http://far.lan/", False),
        ("127.0.0.1", "http://127.0.0.1:2283/", True),
        ("127.0.0.1", "http://photos.lan/", False),
        ("[::1]:2283", "http://[::1]:2283/", True),
        ("::1", "http://[0:0::1]/", True),
        ("nas.local", "http://nas.local/", True),
        ("192.168.1.0/24", "http://nas.local/", True),
        ("not a / network", "http://photos.lan/", False),
    ],
)
def test_allowlist(settings, dns, entry, url, admitted):
    dns.update(
        {
            "photos.lan": ["127.0.0.1"],
            "other.lan": ["127.0.0.2"],
            "nas.lan": ["192.168.1.5"],
            "far.lan": ["192.168.2.5"],
            "nas.local": ["192.168.1.9"],
        }
    )
    settings.OUTBOUND_ALLOWLIST = [entry]
    if admitted:
        assert net.vet_outbound_url(url).addresses
    else:
        with pytest.raises(BlockedByPolicyError):
            net.vet_outbound_url(url)


@pytest.mark.parametrize(
    ("entry", "url"),
    [
        ("169.254.169.254", "http://169.254.169.254/"),
        ("169.254.0.0/16", "http://169.254.169.254/"),
        ("0.0.0.0/0", "http://169.254.1.1/"),
        ("metadata.test", "http://metadata.test/"),
        ("fe80::/10", "http://[fe80::1]/"),
        ("::/0", "http://[::ffff:169.254.169.254]/"),
    ],
)
def test_allowlist_never_admits_link_local(settings, dns, entry, url):
    dns["metadata.test"] = ["169.254.169.254"]
    settings.OUTBOUND_ALLOWLIST = [entry]
    settings.ALLOW_INTERNAL_NETWORK = True
    with pytest.raises(BlockedByPolicyError) as refused:
        net.vet_outbound_url(url)
    assert "link-local" in refused.value.message


def test_private_address_warning(settings, dns):
    dns["nas.test"] = ["192.168.1.20"]
    dns["photos.example.com"] = [PUBLIC_V4]
    settings.ALLOW_INTERNAL_NETWORK = True

    warning = net.private_address_warning("http://nas.test/")
    assert "nas.test" in warning and "private network" in warning
    assert net.private_address_warning("https://photos.example.com/") is None
    assert net.private_address_warning("http://127.0.0.1/") is None  # refused instead


# --- a real server on 127.0.0.1 -------------------------------------------------


class Recorder(BaseHTTPRequestHandler):
    """Answers by path; remembers what each request carried."""

    routes: dict = {}
    seen: list = []

    def do_GET(self):
        self.server.seen.append((self.command, self.path, dict(self.headers)))
        route = self.server.routes.get(self.path.split("?")[0], (200, {}, b"ok"))
        if callable(route):
            return route(self)
        status, headers, body = route
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def _serve(tls_context=None):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.daemon_threads = True
    server.routes, server.seen = {}, []
    if tls_context is not None:
        server.socket = tls_context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture
def server(settings, dns):
    httpd = _serve()
    httpd.port = httpd.server_address[1]
    dns["photos.test"] = ["127.0.0.1"]
    dns["other.test"] = ["127.0.0.1"]
    settings.OUTBOUND_ALLOWLIST = ["127.0.0.0/8"]
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _url(server, path, host="photos.test"):
    return f"http://{host}:{server.port}{path}"


def test_connects_to_the_vetted_address_with_the_name_in_host(server, dns):
    # A second lookup would answer an unroutable address: the request must not
    # make one.
    dns["photos.test"] = [["127.0.0.1"], ["192.0.2.1"]]

    with net.OutboundSession(connect_timeout=1) as session:
        response = session.get(_url(server, "/hello"))

    assert response.status_code == 200
    assert dns.calls.count("photos.test") == 1
    assert server.seen[0][2]["Host"] == f"photos.test:{server.port}"


def test_a_name_that_rebinds_after_save_is_refused_at_connect(server, dns, settings):
    settings.OUTBOUND_ALLOWLIST = ["photos.test"]
    dns["rebind.test"] = [[PUBLIC_V4], ["127.0.0.1"]]
    net.vet_outbound_url(_url(server, "/", host="rebind.test"))  # on save

    with pytest.raises(BlockedByPolicyError) as refused:
        net.OutboundSession().get(_url(server, "/", host="rebind.test"))
    assert "loopback" in refused.value.message
    assert server.seen == []


@pytest.mark.parametrize(
    ("location", "refusal"),
    [
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::ffff:169.254.169.254]/", "cloud metadata"),
        ("http://10.0.0.1/", "private network"),
        ("http://internal.test/", "private network"),
        ("http://0x7f000001/", "loopback"),
    ],
)
def test_each_redirect_hop_is_vetted(server, dns, settings, location, refusal):
    settings.OUTBOUND_ALLOWLIST = ["photos.test"]
    dns["internal.test"] = ["10.1.1.1"]
    server.routes["/go"] = (302, {"Location": location}, b"")

    with pytest.raises(BlockedByPolicyError) as refused:
        net.OutboundSession().get(_url(server, "/go?_sid=s3cr3t"))
    assert refusal in refused.value.message
    assert "s3cr3t" not in refused.value.message


def test_redirects_are_followed_up_to_three_hops(server):
    for hop in (1, 2, 3):
        server.routes[f"/r{hop}"] = (302, {"Location": f"/r{hop - 1}"}, b"")
    server.routes["/r0"] = (200, {}, b"arrived")

    response = net.OutboundSession().get(_url(server, "/r3"))
    assert response.content == b"arrived"


def test_a_fourth_hop_is_a_bad_response(server):
    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(BadResponseError) as failed:
        net.OutboundSession().get(_url(server, "/loop"))
    assert failed.value.code == "network.too_many_redirects"
    assert len(server.seen) == 4


def test_credentials_stay_with_their_host(server):
    cross = _url(server, "/landing?from=cross", host="other.test")
    server.routes["/cross"] = (307, {"Location": cross}, b"")
    server.routes["/same"] = (302, {"Location": "/landing?from=same"}, b"")
    session = net.OutboundSession(credential_headers=("x-api-key",))
    secrets = {"X-Api-Key": "k3y", "Authorization": "Bearer t0k", "Cookie": "id=c00"}

    session.get(_url(server, "/same"), headers=secrets)
    session.get(_url(server, "/cross"), headers=secrets, params={"_sid": "s3cr3t"})

    landed = {path: headers for _, path, headers in server.seen if "landing" in path}
    same, cross_hop = landed["/landing?from=same"], landed["/landing?from=cross"]
    assert same["X-Api-Key"] == "k3y" and same["Authorization"] == "Bearer t0k"
    assert cross_hop["Host"] == f"other.test:{server.port}"
    for name in ("X-Api-Key", "Authorization", "Cookie"):
        assert name not in cross_hop
    assert "/landing?from=cross" in landed  # the _sid query did not follow


def test_a_body_never_follows_a_redirect_to_another_host(server):
    elsewhere = _url(server, "/login", host="other.test")
    server.routes["/login"] = (307, {"Location": elsewhere}, b"")
    with pytest.raises(BadResponseError) as refused:
        net.OutboundSession().post(_url(server, "/login"), data={"passwd": "pw"})
    assert refused.value.code == "network.cross_host_redirect"
    assert [path for _, path, _ in server.seen] == ["/login"]


def test_see_other_turns_a_post_into_a_get(server):
    server.routes["/upload"] = (303, {"Location": "/done"}, b"")
    response = net.OutboundSession().post(_url(server, "/upload"), data=b"x" * 10)
    assert response.status_code == 200
    assert server.seen[-1][:2] == ("GET", "/done")


def test_responses_stream(server):
    client_has_first_chunk = threading.Event()
    outcome = {}

    def slow_body(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "10")
        handler.end_headers()
        handler.wfile.write(b"first")
        handler.wfile.flush()
        outcome["streamed"] = client_has_first_chunk.wait(5)
        handler.wfile.write(b"later")

    server.routes["/big"] = slow_body
    response = net.OutboundSession().get(_url(server, "/big"), stream=True)
    chunks = net.stream_body(response, chunk_size=5)
    assert next(chunks) == b"first"
    client_has_first_chunk.set()
    assert b"".join(chunks) == b"later"
    response.close()
    assert outcome["streamed"] is True


def test_a_slow_server_times_out(server):
    server.routes["/slow"] = lambda handler: time.sleep(1.5)
    with pytest.raises(ProviderTimeoutError):
        net.OutboundSession(read_timeout=0.3).get(_url(server, "/slow"))


def _dripping(handler, *, pause=0.1, length=100):
    handler.send_response(200)
    handler.send_header("Content-Length", str(length))
    handler.end_headers()
    for _ in range(length):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(pause)


def test_a_server_dripping_its_answer_is_cut_off_at_the_total_timeout(server):
    server.routes["/drip"] = _dripping
    session = net.OutboundSession(read_timeout=1, total_timeout=0.5)

    with pytest.raises(ProviderTimeoutError) as failed:
        session.get(_url(server, "/drip"))

    assert "took too long to send its answer" in failed.value.message


def test_a_stream_is_left_to_its_reader(server):
    # Image streams may be long; the reader relays them chunk by chunk.
    server.routes["/drip"] = lambda handler: _dripping(handler, pause=0, length=10)
    response = net.OutboundSession(total_timeout=0.5).get(
        _url(server, "/drip"), stream=True
    )
    assert b"".join(net.stream_body(response)) == b" " * 10


def test_an_oversized_answer_is_not_read(server, settings):
    settings.OUTBOUND_MAX_BODY_BYTES = 1000
    server.routes["/big"] = (200, {}, b"x" * 5000)

    with pytest.raises(BadResponseError) as failed:
        net.OutboundSession().get(_url(server, "/big"))

    assert failed.value.code == "network.too_large"


def test_a_whole_answer_is_read_before_it_is_returned(server):
    server.routes["/one"] = (200, {"Content-Type": "application/json"}, b'{"a": 1}')
    session = net.OutboundSession()

    assert session.get(_url(server, "/one")).json() == {"a": 1}
    assert session.get(_url(server, "/one")).json() == {"a": 1}


def test_a_refused_connection(server):
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    with pytest.raises(UnreachableError) as failed:
        net.OutboundSession().get(f"http://photos.test:{port}/")
    assert failed.value.code == "network.refused"
    assert "refused" in failed.value.message


def test_timeouts_are_always_set(settings):
    settings.OUTBOUND_CONNECT_TIMEOUT = 4.0
    settings.OUTBOUND_READ_TIMEOUT = 9.0
    assert net.OutboundSession().timeout == (4.0, 9.0)
    assert net.OutboundSession(read_timeout=2).timeout == (4.0, 2)


# --- TLS -------------------------------------------------------------------------


@pytest.fixture
def tls_server(settings, dns, tmp_path):
    cert_path, key_path = make_certificate(tmp_path, "photos.test")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    names = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    httpd = _serve(context)
    httpd.port, httpd.ca, httpd.sni_names = httpd.server_address[1], cert_path, names
    dns["photos.test"] = ["127.0.0.1"]
    dns["other.test"] = ["127.0.0.1"]
    settings.OUTBOUND_ALLOWLIST = ["127.0.0.0/8"]
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_tls_keeps_the_name_for_sni_and_the_certificate(tls_server):
    url = f"https://photos.test:{tls_server.port}/"
    response = net.OutboundSession().get(url, verify=str(tls_server.ca))
    assert response.status_code == 200
    assert tls_server.sni_names == ["photos.test"]


def test_a_certificate_for_another_name_is_refused(tls_server):
    url = f"https://other.test:{tls_server.port}/"
    with pytest.raises(UnreachableError) as failed:
        net.OutboundSession().get(url, verify=str(tls_server.ca))
    assert failed.value.code == "network.tls"


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_an_untrusted_certificate_points_to_skip_ssl_verification(tls_server):
    url = f"https://photos.test:{tls_server.port}/"
    with pytest.raises(UnreachableError) as failed:
        net.OutboundSession().get(url)
    assert failed.value.code == "network.tls"
    assert "certificate" in failed.value.message
    assert "Skip SSL verification" in failed.value.message

    skipping = net.OutboundSession(verify_tls=False)
    assert skipping.get(url).status_code == 200


# --- one way out -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_but_net_imports_requests():
    offenders = []
    for package in ("trek", "addons", "integrations", "photos"):
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "integrations" / "net.py":
                continue
            if _imports_requests(path):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _imports_requests(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(name == "requests" or name.startswith("requests.") for name in names):
            return True
    return False
