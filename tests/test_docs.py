"""The README and the teaching guide match what the project ships."""

import re
import subprocess

from nbkit.cli import COMMANDS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_gives_the_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "make lab" in quick and "make test" in quick


def test_readme_screenshots_exist_and_come_from_the_tests():
    images = re.findall(r"!\[[^\]]+\]\((docs/img/[\w.-]+\.png)\)", README)
    assert len(images) >= 3
    for image in images:
        data = (ROOT / image).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), image
        # each screenshot is written by a browser test (NBKIT_SCREENSHOTS=1)
        assert any(
            image.split("/")[-1] in p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "e2e").glob("*.py")
        ), image


def test_for_teachers_section_names_every_command():
    section = README.split("## For teachers", 1)[1].split("\n## ", 1)[0]
    for name in COMMANDS:
        assert f"nbkit {name}" in section, name


def test_readme_lists_every_notebook():
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert f"`{nb.stem}`" in README, nb.stem


def test_teaching_guide_has_plans_and_no_leftover_placeholders():
    guide = (ROOT / "docs" / "teaching-guide.md").read_text(encoding="utf-8")
    assert "### 50-minute seminar" in guide and "### 90-minute seminar" in guide
    assert "nbkit progress merge" in guide and "answer-key" in guide
    assert "LEAD:" not in guide and "To be completed" not in guide


def test_readme_quotes_the_current_benchmark_table():
    def block(text):
        return text.split("<!-- results:start -->", 1)[1].split("<!-- results:end -->", 1)[0]

    bench = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    assert block(README) == block(bench)
    assert "| Start-up" in block(README) and "Target" in block(README)


def _folder_map() -> dict[str, str]:
    """README's folder map: folder -> what the row says is there."""
    table = README.split("| folder | what is there |\n", 1)[1].split("\n\n", 1)[0]
    rows = [line.split(" | ", 1) for line in table.splitlines() if line.startswith("| `")]
    return {folder.strip("| `"): what for folder, what in rows}


PATHLIKE = re.compile(r"`([\w.*-]*/[\w./*-]*|[\w*-]+\.(?:py|md|sh|ipynb|yaml|json|csv))`")


def test_folder_map_names_only_what_exists():
    rows = _folder_map()
    for folder, what in rows.items():
        assert (ROOT / folder).is_dir(), folder
        for name in PATHLIKE.findall(what):
            found = [p for base in (ROOT / folder, ROOT) for p in base.glob(name.rstrip("/"))]
            assert found, f"README folder map, row {folder}: {name} does not exist"


def test_folder_map_names_every_folder():
    rows = _folder_map()
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    top = {line.split("/", 1)[0] + "/" for line in tracked if "/" in line}
    packages = {p.parent.relative_to(ROOT).as_posix() + "/" for p in (ROOT / "nbkit").rglob("__init__.py")}
    wanted = top | packages | {"tests/e2e/", "nbkit/data/"}
    assert wanted - set(rows) == set(), "add a row to the README folder map for each of these"
