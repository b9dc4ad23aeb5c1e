"""``nbkit class serve|link|status|collect|stop``: a whole class on one JupyterHub (docs/classroom.md).

- ``serve --roster roster.csv``: one system user per learner (prefix ``nbk-``, home 0700), then the hub
  in the foreground (Ctrl-C or ``nbkit class stop`` ends it); loopback unless ``--ip`` says otherwise;
- ``link``: the address to hand out; ``status``: who has a server and when each last answered;
- ``collect --output DIR``: every learner's answers as ``nbkit progress merge`` writes them;
- ``votes [ITEM [ITEM]]``: the class's latest votes on a poll, or before vs. after (notebook 08's two polls);
- ``stop [--remove-users]``: the hub and every learner's server stopped, users kept or removed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from . import NOTEBOOKS, OK, PROBLEM, UsageError, say
from .seminar_cmd import add_vote_arguments, show_votes

HELP = "run a whole class on one JupyterHub: serve, link, status, collect, votes, stop"

#: The class's state (hub database, secrets, class.json): root's, mode 0700.
STATE = "/var/lib/nbkit-class"
TLS_ADVICE = (
    "WARNING: the hub listens on {ip}, not only on this machine: anyone on that network can reach the sign-in "
    "page, and without HTTPS passwords and answers travel unencrypted. Use a classroom network you trust, and "
    "give --ssl-cert and --ssl-key (docs/classroom.md, 'Beyond loopback')."
)
TLS_NOTE = "Note: the hub listens on {ip} with HTTPS; anyone on that network can reach the sign-in page."


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    state_help = f"the class's state folder (default: {STATE})"

    s = sub.add_parser("serve", help="create the learners' users and run the hub (as root)")
    s.add_argument("--roster", required=True, metavar="CSV", help="the class: one name[,display_name] per line")
    s.add_argument("--ip", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    s.add_argument("--course", default=NOTEBOOKS, metavar="DIR", help=f"the notebooks to copy (default: {NOTEBOOKS})")
    s.add_argument(
        "--ssl-cert", metavar="FILE", help="HTTPS certificate (PEM), with --ssl-key: for --ip beyond loopback"
    )
    s.add_argument("--ssl-key", metavar="FILE", help="the certificate's private key (PEM), readable by root only")
    s.add_argument("--teacher", default="teacher", help="the hub admin's user name (default: teacher)")
    s.add_argument("--state", default=STATE, metavar="DIR", help=state_help)

    for name, text in (("link", "print the address to hand out"), ("status", "who has a server, last answers")):
        q = sub.add_parser(name, help=text)
        q.add_argument("--state", default=STATE, metavar="DIR", help=state_help)

    c = sub.add_parser("collect", help="every learner's answers into class.csv, class-summary.csv and a chart")
    c.add_argument("--output", "-o", required=True, metavar="DIR", help="folder to write the class files to")
    c.add_argument("--state", default=STATE, metavar="DIR", help=state_help)

    v = sub.add_parser("votes", help="the class's votes on a poll, before vs. after, from every learner's answers")
    add_vote_arguments(v)
    v.add_argument("--state", default=STATE, metavar="DIR", help=state_help)

    t = sub.add_parser("stop", help="stop the hub and every learner's server")
    t.add_argument("--remove-users", action="store_true", help="also remove the learners' users and homes")
    t.add_argument("--state", default=STATE, metavar="DIR", help=state_help)


def serve(args) -> int:
    from ..classroom.roster import read_roster
    from ..classroom.serve import exec_hub, is_loopback, prepare

    roster, course = Path(args.roster), Path(args.course)
    if not roster.is_file():
        raise UsageError(f"{roster} not found; give the roster CSV (one name[,display_name] per line)")
    if not course.is_dir():
        raise UsageError(f"{course} is not a folder; give the course's notebooks folder with --course")
    if bool(args.ssl_cert) != bool(args.ssl_key):
        raise UsageError("give both --ssl-cert and --ssl-key, or neither")
    ssl = (Path(args.ssl_cert), Path(args.ssl_key)) if args.ssl_cert else None
    for path in ssl or ():
        if not path.is_file():
            raise UsageError(f"{path} not found; give the PEM files of the HTTPS certificate and its key")
    learners = read_roster(roster)
    state = prepare(learners, Path(args.state), course, args.ip, args.port, args.teacher, ssl)
    if not is_loopback(args.ip):
        say((TLS_NOTE if ssl else TLS_ADVICE).format(ip=args.ip))
    say(f"{len(learners)} learners ready (users {learners[0].username} ...); state in {state.folder}")
    say(f"Hand out: {link_text(state)}   (stop with Ctrl-C or `nbkit class stop`)")
    exec_hub(state)
    return OK  # not reached: the hub replaced this process


def link_text(state) -> str:
    from urllib.parse import quote

    from ..classroom.hub_config import DEFAULT_URL

    return f"{state.public_url}/hub/login?next={quote('/hub/user-redirect' + DEFAULT_URL, safe='')}"


def link(args) -> int:
    from ..classroom.hub_config import load_state

    print(link_text(load_state(args.state)))
    return OK


def status(args) -> int:
    from ..classroom.hub_config import load_state
    from ..classroom.status import COLUMNS, rows

    table = rows(load_state(args.state))
    widths = {c: max(len(c), *(len(str(r[c])) for r in table)) for c in COLUMNS}
    print("  ".join(c.ljust(widths[c]) for c in COLUMNS).rstrip())
    for r in table:
        print("  ".join(str(r[c]).ljust(widths[c]) for c in COLUMNS).rstrip())
    running = sum(r["server"] == "running" for r in table)
    say(f"{running} of {len(table)} learners have a running server; {sum(r['answers'] > 0 for r in table)} answered")
    return OK


def collect(args) -> int:
    from ..classroom.collect import gather
    from ..classroom.hub_config import load_state
    from .progress_cmd import merge

    state = load_state(args.state)
    with tempfile.TemporaryDirectory(prefix="nbkit-class-") as tmp:
        found = gather(state, tmp)
        missing = sorted(name for name, ok in found.items() if not ok)
        if missing:
            say(f"no answers yet from {len(missing)} learner(s): {', '.join(missing)}")
        if not any(found.values()):
            say("No learner has answered yet; nothing written.")
            return PROBLEM
        return merge(argparse.Namespace(folder=tmp, output=args.output))


def votes(args) -> int:
    from ..classroom.collect import class_results

    results = class_results(args.state)
    if results.empty:
        say("No learner has answered yet; nothing to count.")
        return PROBLEM
    return show_votes(results, args)


def stop(args) -> int:
    from ..classroom.hub_config import load_state
    from ..classroom.stop import remove_users, stop_hub, stop_learner_processes

    state = load_state(args.state)
    pid = stop_hub(state)
    say(f"hub (pid {pid}) stopped" if pid else "the hub was not running")
    left = stop_learner_processes(state)
    if left:
        say(f"{len(left)} learner process(es) left over stopped: {', '.join(map(str, left))}")
    if args.remove_users:
        gone = remove_users(state)
        say(f"{len(gone)} learner user(s) and their homes removed")
    return OK


def run(args) -> int:
    """Run a whole class on one JupyterHub on this machine (as root). See docs/classroom.md.

    nbkit class serve --roster roster.csv [--ip 127.0.0.1] [--port 8000] [--state DIR]
    nbkit class link | status [--state DIR]
    nbkit class collect --output DIR [--state DIR]  -> class.csv, class-summary.csv, class-chart.html
    nbkit class votes [ITEM [ITEM]] [--chart FILE.html] [--state DIR]   (default: poll-before poll-after)
    nbkit class stop [--remove-users] [--state DIR]
    """
    if args.action != "serve" and not Path(args.state).is_dir():
        raise UsageError(f"{args.state}: no class state here; start one with `nbkit class serve --state {args.state}`")
    actions = {"serve": serve, "link": link, "status": status, "collect": collect, "votes": votes, "stop": stop}
    sys.stdout.flush()
    return actions[args.action](args)
