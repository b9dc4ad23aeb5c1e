"""``nbkit doctor``: one line per check, what to fix, and exit codes scripts can rely on."""

from .cli_helpers import nbkit


def lines(r):
    return r.stdout.splitlines()


def test_doctor_all_set():
    r = nbkit("doctor")
    assert r.returncode == 0, r.stdout
    out = lines(r)
    for name in (
        "Python",
        "pandas",
        "altair",
        "ipywidgets",
        "jupyterlab",
        "anywidget",
        "vl-convert-python",
        "pysbd",
        "platformdirs",
        "filelock",
        "jsonschema",
        "pyyaml",
    ):
        assert any(line.startswith(f"ok    {name}: ") for line in out), name
    assert any(line.startswith("ok    widgets in JupyterLab: @jupyter-widgets/jupyterlab-manager ") for line in out)
    assert any(
        line.startswith("ok    offline charts: anywidget and vl-convert import; a test chart drew as SVG")
        for line in out
    )
    assert "ok    course data: interview of 21 paragraphs; 9 quiz banks, " in r.stdout
    assert out[-1].startswith("All set: nothing to fix")


def test_doctor_unwritable_progress_folder(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "progress.json"
    r = nbkit("doctor", env={"NBKIT_PROGRESS": str(target)})
    assert r.returncode == 1
    out = lines(r)
    i = next(i for i, line in enumerate(out) if line.startswith("FIX   progress store: "))
    assert f"{target} (from NBKIT_PROGRESS): cannot write in {blocker}" in out[i]
    assert out[i + 1] == (
        "      -> set NBKIT_PROGRESS to a file in a folder you can write to, "
        "e.g. export NBKIT_PROGRESS=$HOME/nbkit-progress.json"
    )
    assert out[-1] == "1 problem(s) to fix, 0 optional part(s) missing."


def test_doctor_reports_progress_location(tmp_path):
    target = tmp_path / "sub" / "p.json"
    r = nbkit("doctor", env={"NBKIT_PROGRESS": str(target)})
    assert (
        f"ok    progress store: {target} (from NBKIT_PROGRESS), writable, will be created at the first answer"
        in r.stdout
    )
    assert not target.exists()  # the check leaves no file behind


def test_doctor_missing_chromium_is_a_note(tmp_path):
    r = nbkit("doctor", env={"NBKIT_CHROMIUM": str(tmp_path / "no-chromium")})
    assert r.returncode == 0
    assert "note  Chromium: not found; needed only for handouts as PDF (HTML handouts work without it)" in lines(r)
    assert nbkit("doctor", "--strict", env={"NBKIT_CHROMIUM": str(tmp_path / "no-chromium")}).returncode == 1


def test_find_chromium_order(tmp_path, monkeypatch):
    """NBKIT_CHROMIUM wins (None when it is no executable), then Debian's /usr/bin/chromium, then PATH."""
    from nbkit import chromium
    from nbkit.config import settings

    exe = tmp_path / "bin" / "chromium-browser"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    plain = tmp_path / "not-executable"
    plain.write_text("")
    assert chromium.find_chromium(settings({"NBKIT_CHROMIUM": str(exe)})) == str(exe)
    assert chromium.find_chromium(settings({"NBKIT_CHROMIUM": str(plain)})) is None
    monkeypatch.setattr(chromium, "DEBIAN_CHROMIUM", str(tmp_path / "no-debian-chromium"))
    monkeypatch.setenv("PATH", str(exe.parent))
    monkeypatch.delenv("NBKIT_CHROMIUM", raising=False)
    assert chromium.find_chromium() == str(exe)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert chromium.find_chromium() is None
