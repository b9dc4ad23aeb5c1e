"""Nothing nbkit does needs the network: loaders, quizzes and charts run with sockets blocked in-process.

socket.socket.connect / connect_ex, socket.create_connection and socket.getaddrinfo raise unless the
address is loopback (127.0.0.0/8, ::1, localhost) or a Unix socket. scripts/offline.sh runs the whole
suite in a network namespace without interfaces; this test needs no privileges and names the call.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

import nbkit

from .expected_frames import ANNOTATION_COLUMNS


class NetworkBlocked(AssertionError):
    pass


def _is_local(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode()
    host = str(host)
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture
def no_network(monkeypatch):
    """Block every non-loopback connection and name lookup for the duration of a test."""
    calls = []
    real_connect, real_connect_ex, real_getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def check(address):
        if isinstance(address, tuple) and not _is_local(address[0]):
            calls.append(address)
            raise NetworkBlocked(f"nbkit tried to reach {address!r}; nbkit must work offline")

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        check((host, 0))
        return real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        check(address)
        raise NetworkBlocked("create_connection is not used by nbkit")  # pragma: no cover

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return calls


def test_the_block_works(no_network):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("pypi.org", 443)
    s = socket.socket()
    try:
        with pytest.raises(NetworkBlocked):
            s.connect(("192.0.2.1", 80))
    finally:
        s.close()
    assert _is_local("127.0.0.1") and _is_local("::1") and not _is_local("10.0.0.1")


def test_loaders_offline(no_network, tmp_path):
    from nbkit.synthetic import synthetic_interview

    iv = nbkit.load_interview()
    assert len(iv.sentences) == 50 and len(iv.tokens) == 1170
    for name in ANNOTATION_COLUMNS:
        assert len(getattr(iv, name)) > 0, name
    paths = []
    for seed in range(3):
        paths.append(tmp_path / f"s{seed}.txt")
        paths[-1].write_text(synthetic_interview(seed), encoding="utf-8")
    assert len(nbkit.load_corpus(paths)["meta"]) == 3
    assert no_network == []


def test_quizzes_offline(no_network, tmp_path):
    from nbkit.quiz import check, fallback_html, list_banks, load_bank, view

    banks = list_banks()
    assert len(banks) == 9
    for stem in banks:
        bank = load_bank(stem)
        for item in bank.items:
            assert fallback_html(item)
    item = load_bank(banks[0]).items[0]
    right = next(i for i, a in enumerate(item.data["answers"]) if a.get("correct"))  # index of the option
    assert check(item, right).correct
    widget_view = view(banks[0], item.id, store_path=tmp_path / "progress.json")  # ipywidgets, no browser
    assert widget_view.widget is not None
    assert no_network == []


def test_charts_offline_to_svg(no_network, tmp_path):
    import nbkit.charts as charts

    iv = nbkit.load_interview()
    chart = charts.answer_lengths(iv.paragraphs)
    out = nbkit.save_chart(chart, tmp_path / "answer_lengths.svg")
    assert out.read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert no_network == []
