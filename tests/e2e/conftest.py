"""Fixtures of the browser tests: one JupyterLab server and one headless Chromium per session,
a fresh page per test, and a screenshot in test-artifacts/ whenever a test fails.

Chromium is Debian's (/usr/bin/chromium). Without it the tests skip and say how to enable them;
with NBKIT_E2E_REQUIRED=1 (CI) a missing browser fails the run instead.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from . import browser_page, servers


def _browser_missing() -> str | None:
    if not os.access(browser_page.CHROMIUM, os.X_OK):
        return browser_page.ENABLE_HINT.format(path=browser_page.CHROMIUM)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the browser tests need Playwright's Python package: pip install -e '.[test]'"
    return None


def _required() -> bool:
    return browser_page.browser_required()


def pytest_collection_modifyitems(config, items):
    reason = _browser_missing()
    if reason is None or _required():
        return  # with NBKIT_E2E_REQUIRED=1 the `browser` fixture fails loudly instead
    mark = pytest.mark.skip(reason=reason + " (set NBKIT_E2E_REQUIRED=1 to make this a failure)")
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(mark)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)


@pytest.fixture(scope="session")
def e2e_tmp():
    path = Path(tempfile.mkdtemp(prefix="nbkit-e2e-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(e2e_tmp):
    """One headless Debian Chromium for the session, with a fresh profile."""
    reason = _browser_missing()
    if reason is not None:
        pytest.fail(f"{browser_page.ENV_REQUIRED}=1 but {reason}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(e2e_tmp / "chromium-profile"),
            executable_path=browser_page.CHROMIUM,
            headless=True,
            args=browser_page.CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            locale="en-GB",
            timezone_id="UTC",
            service_workers="block",
        )
        context.set_default_timeout(browser_page.TIMEOUT_MS)
        yield context
        context.close()


@pytest.fixture(scope="session")
def lab(e2e_tmp, browser):
    """JupyterLab on 127.0.0.1 with a token, hermetic folders and its own learner progress file."""
    tmp = e2e_tmp / "lab"
    tmp.mkdir()
    server = servers.start_lab(tmp, sys.executable)
    yield server
    server.stop()
    if server.proc.returncode not in (0, -15, None):
        print(f"JupyterLab log:\n{server.log_tail()}")


@pytest.fixture
def tab(browser, request):
    """A new tab with a log of requests beyond loopback; on failure its screenshot goes to test-artifacts/."""
    pg = browser.new_page()
    log = browser_page.RequestLog()
    log.attach(pg)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield browser_page.Tab(pg, log, errors)
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        browser_page.ARTIFACTS.mkdir(exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
        try:
            pg.screenshot(path=str(browser_page.ARTIFACTS / f"{stem}.png"), full_page=True)
            (browser_page.ARTIFACTS / f"{stem}.requests.txt").write_text(
                "external:\n"
                + "\n".join(log.external)
                + "\nfailed:\n"
                + "\n".join(log.failed)
                + "\npage errors:\n"
                + "\n".join(errors)
                + "\n",
                encoding="utf-8",
            )
        except Exception as exc:  # a crashed page still lets the test report its own failure
            print(f"could not save the failure screenshot: {exc}")
        for server in ("lab", "voila_app"):
            if server in request.fixturenames:
                srv = request.getfixturevalue(server)
                shutil.copy(srv.log, browser_page.ARTIFACTS / f"{stem}.{server}.log")
    pg.close()
