"""Real file-system faults for the progress store: a tiny full tmpfs, and a read-only mount.

Each case runs in a child process inside its own mount namespace (`unshare --mount`, root only),
so nothing is mounted on the host. Elsewhere the simulated versions in test_progress_store.py run.
"""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None, reason="needs root and unshare to mount a private tmpfs"
)

SCRIPT = textwrap.dedent("""
    import os, subprocess, sys, json
    from nbkit.errors import ProgressStoreError
    from nbkit.progress.store import record_answer
    mnt, mode = sys.argv[1], sys.argv[2]
    path = os.path.join(mnt, "progress.json")
    record_answer("00-start-here", "series-number", "427", True, 1, path=path, learner="ana")
    before = open(path, "rb").read()
    if mode == "full":
        fd = os.open(os.path.join(mnt, "filler"), os.O_WRONLY | os.O_CREAT)   # fill the disk to the last byte
        try:
            while True:
                os.write(fd, b"x" * 512)
        except OSError:
            os.close(fd)
    else:
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
    try:
        record_answer("00-start-here", "series-number", "428", False, 2, path=path, learner="ana")
        print("NO ERROR")
    except ProgressStoreError as exc:
        print("ERROR:", exc)
    assert open(path, "rb").read() == before
    print("RECORDS:", len(json.load(open(path))["records"]))
""")


@pytest.mark.parametrize(
    "mode, message",
    [
        ("full", "No space left on device"),
        ("readonly", "Read-only file system"),
    ],
)
def test_real_fault_gives_clear_error_and_keeps_answers(tmp_path, mode, message):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    shell = f"mount -t tmpfs -o size=64k tmpfs {mnt} && {sys.executable} -c '{SCRIPT}' {mnt} {mode}"
    out = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("ERROR: ") and message in lines[0], lines
    assert "cannot save your answer" in lines[0] and "Earlier answers are safe" in lines[0]
    assert lines[1] == "RECORDS: 1"
