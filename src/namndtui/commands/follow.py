"""`namndtui follow MEETING [--web [--port N] [--host ADDR]]`: follow a meeting live.

A read-only view of the meeting's journal for the room's screen (Sal) and the chair
(Ordförande), docs/follow.md. It never takes the writer's lock and writes nothing: the
meeting file is read without the parse cache (which would write to the user's cache
folder), the § numbering is found as the writer finds it, without writing it anywhere.

`--web` serves the same app in a browser with textual-serve, on 127.0.0.1 unless `--host`
names another address; then a warning says that anyone on that network can read the
meeting, and only the room's layout (Sal: secret items by public title only) is served.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

from namndtui.errors import UserError
from namndtui.storage import os_reason, read_input

DEFAULT_HOST = "127.0.0.1"
# The browser's page: textual-serve's, in Swedish and without a font fetched from Google
# (follow/web/app_index.html); textual-serve keeps serving its own scripts and styles.
WEB_PAGE = Path(__file__).resolve().parent.parent / "follow" / "web"
DEFAULT_PORT = 8000

NETWORK_WARNING = (
    "namndtui: VARNING: visningen serveras på {host}:{port}. Alla som når den adressen på "
    "nätverket kan läsa sammanträdet (bara salens vy: sekretessärenden visas med § och "
    "offentlig rubrik). Använd 127.0.0.1 om bara den här datorn ska visa den."
)
# A follower is a display: on a computer it shares with the writer (the secretary's
# laptop driving the projector) it gives way to the writer for the CPU (docs/follow.md).
# +5: the writer gets about three times its share; +10 (nine times) made the room's
# screen lag past its 200 ms budget on a machine at load 10 (docs/performance.md).
NICENESS = 5
# The view flags exclude each other: one clear line (exit 2) instead of one silently winning.
BOTH_VIEWS = (
    "--ordforande och --bara-sal går inte att kombinera: --bara-sal visar bara salens vy, "
    "--ordforande börjar i ordförandens. Välj en av dem."
)
WEB_ONLY = "--host och --port gäller visningen i webbläsaren: lägg till --web."
CHAIR_ON_NETWORK = (
    "--ordforande går inte med --host {host}: på nätverket serveras bara salens vy. "
    "Använd --host 127.0.0.1 för ordförandens vy, eller utelämna --ordforande."
)
CANNOT_SERVE = "kan inte visa på {host}:{port}: {why}"
BIND_ERRORS = {
    errno.EADDRINUSE: "porten används redan (välj en annan med --port)",
    errno.EADDRNOTAVAIL: "adressen hör inte till den här datorn",
    errno.EACCES: "åtkomst nekas (portar under 1024 kräver administratör)",
}
UNKNOWN_HOST = "namnet går inte att slå upp till en adress"
NO_HOST = "--host: ange en adress, t.ex. 127.0.0.1 (bara den här datorn)."
SERVING = "namndtui: följ sammanträdet i webbläsaren på http://{host}:{port} (ctrl+c avslutar)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="MEETING", help="mötesmappen eller dess meeting.toml")
    parser.add_argument("--web", action="store_true", help="visa i en webbläsare (textual-serve)")
    parser.add_argument("--port", type=int, help=f"port för --web (standard {DEFAULT_PORT})")
    parser.add_argument(
        "--host",
        help=(
            f"adress för --web (standard {DEFAULT_HOST}); en annan adress gör visningen "
            "läsbar för alla på nätverket"
        ),
    )
    parser.add_argument(
        "--ordforande",
        action="store_true",
        help="börja i ordförandens vy (annars salens)",
    )
    parser.add_argument(
        "--bara-sal",
        action="store_true",
        help="visa bara salens vy (l växlar inte): för en skärm som alla ser",
    )


def load_for_following(path: Path) -> tuple[Any, Path]:
    """(meeting, folder) for MEETING, reading only: no parse cache, no journal header
    written; the § numbering as the writer finds it (docs/follow.md)."""
    from namndtui.meetingfile import MeetingFileError, check_meeting_bytes, resolve_meeting_path
    from namndtui.minutes.numbering import with_numbering

    try:
        file = resolve_meeting_path(path)
        data = read_input(file)  # a FIFO or /dev/zero: refused, never a hang
    except MeetingFileError as err:
        raise UserError(str(err.problems[0]) if err.problems else str(err), 2) from None
    except OSError as err:
        raise UserError(f"{path}: kan inte läsas: {os_reason(err)}", 2) from None
    meeting, problems, code = check_meeting_bytes(data, str(file))
    if meeting is None:
        first = problems[0] if problems else f"{file}: ogiltig"
        raise UserError(str(first), code or 2)
    return with_numbering(meeting, file.parent), file.parent


def lower_priority() -> None:
    """Run this process at a lower CPU priority (nice +5): the writer's key-to-durable
    time comes first when both want the CPU. Best effort (no `os.nice` on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICENESS)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(path: Path, *, chair: bool, room_only: bool) -> str:
    """The command textual-serve runs for each browser: this same follow view."""
    args = [sys.executable, "-m", "namndtui", "follow", str(path)]
    if room_only:
        args.append("--bara-sal")
    elif chair:
        args.append("--ordforande")
    return shlex.join(args)


def view_conflict(args: argparse.Namespace) -> str | None:
    """Why the view flags cannot all be honoured, or None: the chair's view and the room's
    view only, the chair's view served beyond this computer (only Sal is), or an address
    for the browser without --web (--host/--port are None when not given)."""
    if not args.web and (args.host is not None or args.port is not None):
        return WEB_ONLY
    if args.ordforande and args.bara_sal:
        return BOTH_VIEWS
    if args.ordforande and args.web and not is_loopback(args.host or DEFAULT_HOST):
        return CHAIR_ON_NETWORK.format(host=args.host)
    return None


def run(args: argparse.Namespace) -> int:
    conflict = view_conflict(args)
    if conflict:
        raise UserError(conflict, 2)
    args.host = DEFAULT_HOST if args.host is None else args.host
    args.port = DEFAULT_PORT if args.port is None else args.port
    path = Path(args.path)
    meeting, folder = load_for_following(path)
    if args.web:
        return _serve(args, path.resolve())
    from namndtui.tui.follow_app import CHAIR, SAL, FollowApp

    layout = CHAIR if args.ordforande else SAL
    app = FollowApp(meeting, folder, layout=layout, room_only=args.bara_sal)
    lower_priority()  # here only: each browser's follow process under --web comes here too
    result = app.run()
    return int(result) if isinstance(result, int) else (app.return_code or 0)


def url_host(host: str) -> str:
    """`host` as a URL writes it: an IPv6 address in brackets ("[::1]")."""
    return f"[{host}]" if ":" in host else host


def _bind_error(err: OSError) -> str:
    """Why the server could not listen, in Swedish (an unknown name, a taken port …)."""
    if isinstance(err, socket.gaierror):  # its errno is an EAI_* code, not an errno
        return UNKNOWN_HOST
    return BIND_ERRORS.get(err.errno or 0, os_reason(err))


def address_problem(host: str, port: int) -> str:
    """Why the server could not listen on host:port, in Swedish ("" when it can): each
    address the name gives is bound once and let go, as the server binds it (reusing an
    address in TIME_WAIT, never a port someone listens on), before anything is printed –
    textual-serve prints its banner before it binds. (Taken in between: `_serve` still
    says so.)"""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, ValueError) as err:  # gaierror: an unknown name; idna, NUL: a bad one
        return _bind_error(err) if isinstance(err, OSError) else UNKNOWN_HOST
    for family, kind, proto, _name, address in infos:
        try:
            with socket.socket(family, kind, proto) as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(address)
        except OSError as err:
            return _bind_error(err)
    return ""


def _serve(args: argparse.Namespace, path: Path) -> int:
    if not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: ange en port mellan 1 och 65535.", 2)
    if not args.host.strip():  # "" would listen on every network, shown as "http://:8000"
        raise UserError(NO_HOST, 2)
    local, shown = is_loopback(args.host), url_host(args.host)
    if why := address_problem(args.host, args.port):
        raise UserError(CANNOT_SERVE.format(host=shown, port=args.port, why=why), 2)
    if not local:
        print(NETWORK_WARNING.format(host=shown, port=args.port), file=sys.stderr)
    from textual_serve.server import Server

    command = serve_command(path, chair=args.ordforande, room_only=not local or args.bara_sal)
    print(SERVING.format(host=shown, port=args.port), file=sys.stderr)
    server = Server(
        command, host=args.host, port=args.port, title="namndtui – följ", templates_path=WEB_PAGE
    )
    try:
        server.serve()
    except OSError as err:  # the address is not this computer's, or the port is taken
        why = _bind_error(err)
        raise UserError(CANNOT_SERVE.format(host=shown, port=args.port, why=why), 2) from None
    return 0
