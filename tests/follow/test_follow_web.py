"""`namndtui follow MEETING --web`: served by textual-serve on 127.0.0.1, fetched with a
local HTTP client; another address only with --host, with a warning and Sal only."""

from __future__ import annotations

import asyncio
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from namndtui import cli
from namndtui.commands import follow as follow_command

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str:
    """The page at `url`, waiting (up to `timeout`) until the server answers."""
    end = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > end:
                raise
            time.sleep(0.05)  # the server is starting: ask again


async def app_output(url: str, wanted: str, timeout: float = 30) -> bool:
    """Connect as the page does, ask for a 100×30 terminal, and wait until the app's
    output holds `wanted`."""
    import aiohttp

    data = b""
    end = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
        while time.monotonic() < end and wanted.encode() not in data:
            message = await ws.receive(timeout=timeout)
            if message.type == aiohttp.WSMsgType.BINARY:
                data += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                data += message.data.encode()
            else:
                break
    return wanted.encode() in data


@pytest.mark.slow
def test_web_mode_serves_the_follow_view_on_loopback(folder) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-m", "namndtui", "follow", str(folder), "--web", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/")
        assert "namndtui – följ" in page
        # our page: Swedish, and nothing fetched from another server (textual-serve's own
        # page loads a font from Google)
        assert '<html lang="sv">' in page and "Starta igen" in page
        assert "googleapis" not in page
        assert f"ws://127.0.0.1:{port}/ws" in page
        # The browser's side: the websocket runs the follow view itself.
        assert asyncio.run(app_output(f"http://127.0.0.1:{port}/ws", "Sal/Ordf"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _, err = server.communicate(timeout=30)
    message = err.decode("utf-8")
    assert f"http://127.0.0.1:{port}" in message
    assert "VARNING" not in message
    assert sorted(p.name for p in folder.iterdir()) == ["meeting.toml"]  # nothing written


@pytest.fixture
def any_address(monkeypatch) -> None:
    """Every address can be listened on (192.0.2.10 is nobody's; 8000 may be taken here):
    the tests with a FakeServer check what is said and served, not this computer."""
    monkeypatch.setattr(follow_command, "address_problem", lambda host, port: "")


@pytest.fixture
def unknown_name(monkeypatch) -> None:
    """saknas.invalid does not resolve, without asking a name server (no network here)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "saknas.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


class FakeServer:
    made: list[FakeServer] = []

    def __init__(self, command: str, host: str, port: int, title: str, **kwargs: Any) -> None:
        self.command, self.host, self.port = command, host, port
        self.templates_path = kwargs.get("templates_path")
        FakeServer.made.append(self)

    def serve(self) -> None:
        pass


def test_another_address_warns_and_serves_sal_only(
    folder, monkeypatch, capsys, any_address
) -> None:
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    FakeServer.made.clear()
    code = cli.main(["follow", str(folder), "--web", "--host", "192.0.2.10", "--port", "8123"])
    assert code == 0
    err = capsys.readouterr().err
    assert "VARNING" in err and "192.0.2.10:8123" in err and "Alla som når" in err
    (made,) = FakeServer.made
    assert (made.host, made.port) == ("192.0.2.10", 8123)
    assert "--bara-sal" in made.command and "follow" in made.command


def test_loopback_needs_no_warning(folder, monkeypatch, capsys, any_address) -> None:
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    FakeServer.made.clear()
    assert cli.main(["follow", str(folder), "--web", "--ordforande"]) == 0
    assert "VARNING" not in capsys.readouterr().err
    (made,) = FakeServer.made
    assert made.host == "127.0.0.1" and "--ordforande" in made.command
    assert "--bara-sal" not in made.command


def test_bad_port_and_bad_meeting_are_one_line(folder, tmp_path, capsys) -> None:
    assert cli.main(["follow", str(folder), "--web", "--port", "0"]) == 2
    assert "--port 0" in capsys.readouterr().err
    assert cli.main(["follow", str(tmp_path / "saknas")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_loopback_addresses() -> None:
    assert follow_command.is_loopback("127.0.0.1")
    assert follow_command.is_loopback("::1")
    assert follow_command.is_loopback("localhost")
    assert not follow_command.is_loopback("0.0.0.0")
    assert not follow_command.is_loopback("192.168.1.5")


def test_a_follower_gives_way_to_the_writer() -> None:
    """`namndtui follow` lowers its own CPU priority (nice +5); in a child process, so
    the test run keeps its own."""
    code = (
        "import os; from namndtui.commands.follow import lower_priority; "
        "before = os.nice(0); lower_priority(); print(before, os.nice(0))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = map(int, out.stdout.split())
    assert after == min(before + follow_command.NICENESS, 19)  # 19: the lowest there is
    assert follow_command.NICENESS > 0


def test_conflicting_view_flags_are_one_swedish_line(folder, monkeypatch, capsys) -> None:
    """--ordforande with --bara-sal, the chair's view served on the network (only Sal is),
    or --host/--port without --web: refused with one line and exit 2, before anything is
    read or served."""
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    FakeServer.made.clear()
    assert cli.main(["follow", str(folder), "--ordforande", "--bara-sal"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["namndtui: " + follow_command.BOTH_VIEWS]
    web = ["follow", str(folder), "--web", "--host", "192.0.2.10", "--ordforande"]
    assert cli.main(web) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["namndtui: " + follow_command.CHAIR_ON_NETWORK.format(host="192.0.2.10")]
    assert FakeServer.made == []
    for flag in (["--host", "0.0.0.0"], ["--port", "8123"]):  # an address without --web
        assert cli.main(["follow", str(folder), *flag]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert err == ["namndtui: " + follow_command.WEB_ONLY]
    missing = folder / "saknas"
    assert cli.main(["follow", str(missing), "--bara-sal"]) == 2
    assert str(missing) in capsys.readouterr().err  # one flag alone: on to the path


class TakenPort(FakeServer):
    def serve(self) -> None:
        raise OSError(errno.EADDRINUSE, "Address already in use")


def test_a_taken_port_is_a_swedish_line_not_a_traceback(
    folder, monkeypatch, capsys, any_address
) -> None:
    """Taken between the check and the server's bind: still one Swedish line."""
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", TakenPort)
    assert cli.main(["follow", str(folder), "--web", "--port", "8123"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        err[-1]
        == "namndtui: kan inte visa på 127.0.0.1:8123: "
        + (follow_command.BIND_ERRORS[errno.EADDRINUSE])
    )


class UnknownName(FakeServer):
    def serve(self) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def test_an_unknown_or_empty_host_is_a_swedish_line(
    folder, monkeypatch, capsys, unknown_name
) -> None:
    """A --host name that does not resolve gets a Swedish reason (the resolver's own is
    English); an empty --host (every network, shown as "http://:8000") is refused before
    anything is served; an IPv6 address is written in brackets in the URL."""
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", UnknownName)
    assert cli.main(["follow", str(folder), "--web", "--host", "saknas.invalid"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        f"namndtui: kan inte visa på saknas.invalid:8000: {follow_command.UNKNOWN_HOST}"
    )
    FakeServer.made.clear()
    for blank in ("", " "):
        assert cli.main(["follow", str(folder), "--web", "--host", blank]) == 2
        assert capsys.readouterr().err.strip() == "namndtui: " + follow_command.NO_HOST
    assert FakeServer.made == []
    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    monkeypatch.setattr(follow_command, "address_problem", lambda host, port: "")
    assert cli.main(["follow", str(folder), "--web", "--host", "::1", "--port", "8123"]) == 0
    assert "http://[::1]:8123" in capsys.readouterr().err


def test_a_bad_address_is_said_before_anything_is_served(
    folder, monkeypatch, capsys, unknown_name
) -> None:
    """A taken port, an address not this computer's, a name that does not resolve: one
    Swedish line and exit 2, and no server made – textual-serve prints its banner before
    it binds, so the line came after the banner."""
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    FakeServer.made.clear()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["follow", str(folder), "--web", "--port", str(port)]) == 2
        captured = capsys.readouterr()
        why = follow_command.BIND_ERRORS[errno.EADDRINUSE]
        assert captured.err == f"namndtui: kan inte visa på 127.0.0.1:{port}: {why}\n"
        assert captured.out == ""
    for host, why in (
        ("192.0.2.10", follow_command.BIND_ERRORS[errno.EADDRNOTAVAIL]),
        ("saknas.invalid", follow_command.UNKNOWN_HOST),
    ):
        assert cli.main(["follow", str(folder), "--web", "--host", host]) == 2
        err = capsys.readouterr().err
        assert err == f"namndtui: kan inte visa på {host}:8000: {why}\n"  # no VARNING first
    assert FakeServer.made == []


def test_the_page_is_swedish_and_fetches_nothing_from_another_server(
    folder, monkeypatch, any_address
) -> None:
    import textual_serve.server

    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    FakeServer.made.clear()
    assert cli.main(["follow", str(folder), "--web", "--port", "8124"]) == 0
    (made,) = FakeServer.made
    page = (Path(made.templates_path) / "app_index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in page
    assert "Visningen är avslutad." in page and "Session ended" not in page
    # textual-serve's own page loads a font from fonts.googleapis.com: a projector offline
    # waits for it, and every visitor's address goes to Google
    assert "https://" not in page and "googleapis" not in page
    assert "{{ app_websocket_url }}" in page  # still textual-serve's page otherwise
