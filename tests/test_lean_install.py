"""The lean learner environment: the core package alone works, a learner's kernel loads only what it uses,
the shipped JupyterChart bundle is altair's own, and a command whose extra is missing says which to install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from nbkit.extras import COMMAND_EXTRAS, MissingExtraError, extra_packages, missing_packages, require
from nbkit.jsonschema_import import OFFLINE_BUNDLE, built_from
from nbkit.resources import data_file

from .conftest import ROOT

#: Wheels of the core dependencies, downloaded by `make test`'s install step while the network is there.
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
#: What a learner's kernel must not load when charts draw in the browser.
NOT_IN_KERNEL = ["jupyter_server", "jupyterlab", "nbclient", "nbconvert", "voila", "vl_convert"]


def test_shipped_bundle_was_built_for_the_installed_altair():
    recorded = json.loads(data_file("charts/jupyterchart-offline.json").read_text(encoding="utf-8"))
    assert recorded == built_from()
    assert recorded["vl_version"] == "v6_4"


@pytest.mark.slow  # starts vl-convert's JavaScript engine
def test_shipped_bundle_is_what_altair_builds_with_vl_convert(tmp_path):
    pytest.importorskip("vl_convert")
    code = "import sys; from nbkit.jsonschema_import import write_offline_bundle; write_offline_bundle(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, capture_output=True)
    built = (tmp_path / "jupyterchart-offline.js").read_bytes()
    assert built == data_file(OFFLINE_BUNDLE).read_bytes()
    assert b"vega" in built


def test_extras_are_read_from_the_installed_metadata():
    assert extra_packages("tools") == ["nbclient", "nbconvert", "vl-convert-python"]
    assert extra_packages("lab") == ["jupyterlab", "voila"]
    assert extra_packages("class") == ["jupyterhub", "jupyterhub-firstuseauthenticator"]
    assert set(extra_packages("test")) >= {"jupyterlab", "nbconvert", "jupyterhub", "pyarrow", "pytest"}
    assert COMMAND_EXTRAS == {"handout": "tools", "app": "lab", "class": "class"}
    assert missing_packages("tools") == []  # make test installs every extra
    with pytest.raises(ValueError, match="nbkit has no extra named 'nope'"):
        extra_packages("nope")


def test_a_missing_extra_is_nbkits_own_error_naming_the_extra(monkeypatch):
    import importlib.metadata

    real = importlib.metadata.version

    def without_nbconvert(name):
        if name in ("nbconvert", "vl-convert-python"):
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(importlib.metadata, "version", without_nbconvert)
    with pytest.raises(MissingExtraError) as info:
        require("tools", "nbkit handout")
    assert str(info.value) == (
        'nbkit handout needs nbconvert, vl-convert-python (nbkit\'s "tools" extra), which are not installed here. '
        'Install it with: pip install "nbkit[tools]"'
    )
    assert info.value.missing == ["nbconvert", "vl-convert-python"]
    require("lab", "nbkit app")  # installed: nothing raised


@pytest.mark.slow  # a kernel runs notebook 03
def test_a_learners_kernel_loads_neither_the_server_nor_the_tools(tmp_path):
    """Notebook 03 in a kernel started the way JupyterLab starts it (JPY_SESSION_NAME set): charts draw in
    the browser, and the kernel never imports vl-convert, nbconvert, nbclient, JupyterLab or Voila."""
    import nbformat
    from jupyter_client.manager import start_new_kernel

    nb = nbformat.read(ROOT / "notebooks" / "03-pyongyangs-calculus.ipynb", as_version=4)
    env = {**os.environ, "JPY_SESSION_NAME": str(tmp_path / "03.ipynb"), "NBKIT_PROGRESS": str(tmp_path / "p.json")}
    env.pop("NBKIT_RENDERER", None)
    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(ROOT / "notebooks"))
    try:
        failed = []
        for cell in nb.cells:
            if cell.cell_type == "code":
                reply = kc.execute_interactive(cell.source, timeout=120, output_hook=lambda msg: None)
                if reply["content"]["status"] != "ok":
                    failed.append(cell.source.splitlines()[0])
        assert failed == []
        printed: list[str] = []
        probe = (
            "import sys, json, altair; from altair.jupyter import JupyterChart; "
            "print(json.dumps([altair.renderers.active, JupyterChart._is_offline, sorted(sys.modules)]))"
        )
        kc.execute_interactive(
            probe,
            timeout=30,
            output_hook=lambda m: printed.append(m["content"]["text"]) if m["msg_type"] == "stream" else None,
        )
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    renderer, offline, modules = json.loads("".join(printed))
    assert (renderer, offline) == ("jupyter", True)
    assert {"pandas", "altair", "anywidget", "ipywidgets", "nbkit.quiz"} <= set(modules)
    assert [m for m in NOT_IN_KERNEL if m in modules] == []


# --- the core package alone, in a fresh virtualenv, from the wheelhouse, with no network --------------
@pytest.fixture(scope="module")
def core_venv(tmp_path_factory):
    if not any(WHEELHOUSE.glob("pandas-*.whl")):
        message = f"no wheelhouse at {WHEELHOUSE}: `make test` downloads the core wheels there first"
        if os.environ.get("NBKIT_REQUIRE_OFFLINE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    tmp = tmp_path_factory.mktemp("core-venv")
    pip = [sys.executable, "-m", "pip"]
    subprocess.run(
        [*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(tmp / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp / "dist").glob("nbkit-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp / "venv")], check=True)
    python = tmp / "venv" / "bin" / "python"
    install = [*pip, "--python", str(python), "install", "--quiet", "--no-index", "--find-links", str(WHEELHOUSE)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True, text=True)
    return python


def _run(python: Path, code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH", "NBKIT_RENDERER"))}
    env["NBKIT_PROGRESS"] = str(tmp_path / "progress.json")
    return subprocess.run(
        [str(python), "-c", textwrap.dedent(code)], cwd=tmp_path, env=env, capture_output=True, text=True
    )


@pytest.mark.slow  # builds a virtualenv and installs the core package into it
def test_the_core_package_alone_gives_the_interview_a_quiz_and_a_chart(core_venv, tmp_path):
    code = """
        import importlib.util, json, sys
        import IPython  # as in a kernel: charts get the shipped offline bundle
        import nbkit
        iv = nbkit.load_interview()
        from nbkit.quiz.engine import feedback_text
        item = nbkit.quiz.get_item("00-start-here", "series-number")
        result = nbkit.quiz.check(item, "427")
        view = nbkit.quiz.view("00-start-here", "series-number")
        chart = nbkit.charts.argument_map(iv.claims, iv.argument_links, questions=[2])
        nbkit.setup("jupyter")
        import altair
        widget = altair.JupyterChart(chart)
        absent = [m for m in ("jupyterlab", "voila", "nbconvert", "nbclient", "vl_convert", "jupyter_server")
                  if importlib.util.find_spec(m) is None]
        print(json.dumps({
            "paragraphs": len(iv.paragraphs), "status": result.status,
            "feedback": feedback_text(item, result, 1).splitlines()[:2],
            "widget": type(view.widget).__name__, "schema": chart.to_dict()["$schema"],
            "offline": type(widget)._is_offline, "vega_in_widget": "vega" in widget._esm,
            "absent": absent, "vl_convert_loaded": "vl_convert" in sys.modules,
            "nbkit": nbkit.__file__.startswith(sys.prefix),
        }))
    """
    out = _run(core_venv, code, tmp_path)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got.pop("schema").startswith("https://vega.github.io/schema/vega-lite/v6.")
    assert got == {
        "paragraphs": 21,
        "status": "correct",
        "feedback": ["Correct. Attempt 1.", "Yes: paragraph 1 says this conversation “is the 427th” in the series."],
        "widget": "QuizWidget",
        "offline": True,
        "vega_in_widget": True,
        "absent": ["jupyterlab", "voila", "nbconvert", "nbclient", "vl_convert", "jupyter_server"],
        "vl_convert_loaded": False,
        "nbkit": True,
    }


@pytest.mark.slow  # uses the core virtualenv
def test_commands_whose_extra_is_missing_say_which_to_install(core_venv, tmp_path):
    code = """
        from nbkit.errors import NbkitError
        from nbkit.extras import COMMAND_EXTRAS, require_for_command
        for command in COMMAND_EXTRAS:
            try:
                require_for_command(command)
            except NbkitError as exc:
                print(exc)
        require_for_command("doctor")  # the core package is all it needs
    """
    out = _run(core_venv, code, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        'nbkit handout needs nbclient, nbconvert, vl-convert-python (nbkit\'s "tools" extra), which are not '
        'installed here. Install it with: pip install "nbkit[tools]"',
        'nbkit app needs jupyterlab, voila (nbkit\'s "lab" extra), which are not installed here. '
        'Install it with: pip install "nbkit[lab]"',
        'nbkit class needs jupyterhub, jupyterhub-firstuseauthenticator (nbkit\'s "class" extra), which are not '
        'installed here. Install it with: pip install "nbkit[class]"',
    ]
