"""The CLI as a hostile tester drives it: crashes become exit 2 with one line, output never clobbers an input,
a device or a symlink, and a run that read nothing does not pass."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()
ARTICLE = "# Launch\n\nClaude 4 was released in May 2025 and scored 72% on SWE-bench.\n"


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1"})
    assert "Traceback" not in (result.stdout or "") + (result.stderr or "")
    return result


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-c", "from claimcheck.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "in"


def test_binary_baseline_is_exit_2_with_a_message(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "base.json"
    baseline.write_bytes(b"\xb5\x00\xff\xfe" * 50)
    result = run("audit", str(folder), "--baseline", str(baseline))
    assert result.exit_code == 2 and "baseline" in result.stderr


def test_stdout_that_cannot_be_written_is_exit_2_in_one_line(folder: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-c", "from claimcheck.cli import main; main()", "audit", str(folder)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "cannot write" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # the error and nothing else but the summary


def test_closed_pipe_exits_quietly(folder: Path, tmp_path: Path) -> None:
    for index in range(40):
        (folder / f"b{index}.md").write_text(ARTICLE.replace("72%", f"{index}%"), encoding="utf-8")
    script = f"{sys.executable} -c 'from claimcheck.cli import main; main()' extract {folder} -f json | head -c 10"
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr and "Broken pipe" not in result.stderr and "Exception" not in result.stderr


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_is_exit_2_with_a_hint_and_debug_shows_the_traceback(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], debug: bool
) -> None:
    from claimcheck import cli, pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")  # stands for any bug: the library never raises this on purpose

    monkeypatch.setattr(pipeline, "audit", broken)
    monkeypatch.setattr(sys, "argv", ["claimcheck", *(["--debug"] if debug else []), "audit", str(folder)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    if debug:
        assert "Traceback" in err and "ZeroDivisionError" in err
    else:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "internal error" in lines[0] and "a bug" in lines[0] and "--debug" in lines[0]


def test_every_input_skipped_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "y.txt").write_bytes(b"")
    for command in ("audit", "extract", "timeline"):
        result = run(command, str(tmp_path))
        assert result.exit_code == 2 and "nothing was read" in result.stderr, command


def test_output_naming_an_input_article_is_refused_unless_forced(folder: Path) -> None:
    article = folder / "a.md"
    result = run("audit", str(folder), "-o", str(article), "-f", "markdown")
    assert result.exit_code == 2 and "input" in result.stderr
    assert article.read_text("utf-8") == ARTICLE
    result = run("audit", str(article), "-o", str(article), "-f", "markdown")
    assert result.exit_code == 2 and article.read_text("utf-8") == ARTICLE
    assert run("audit", str(folder), "-o", str(article), "-f", "markdown", "--force").exit_code == 0


def test_output_over_a_file_the_run_reads_is_refused_whatever_its_suffix(folder: Path, tmp_path: Path) -> None:
    """The guard asks discovery's own rule (loading.sources.read_by): claim records and sources.yaml are read too."""
    assert run("extract", str(folder), "--out", str(folder / "claims")).exit_code == 0
    [record] = (folder / "claims").glob("*.yaml")
    kept = record.read_text("utf-8")
    result = run("audit", str(folder), "-o", str(record), "-f", "json")
    assert result.exit_code == 2 and "inside the input folder" in result.stderr
    assert record.read_text("utf-8") == kept  # a person's reviews are never overwritten by a report
    metadata = folder / "sources.yaml"
    metadata.write_text("a.md: {outlet: Example}\n", encoding="utf-8")
    assert run("audit", str(folder), "-o", str(metadata), "-f", "json").exit_code == 2
    # a report the next run would not read may go into the folder: a new .json, or a hidden folder
    assert run("audit", str(folder), "-o", str(folder / "report.json"), "-f", "json").exit_code == 0
    (folder / ".reports").mkdir()
    assert run("audit", str(folder), "-o", str(folder / ".reports" / "r.md"), "-f", "markdown").exit_code == 0


def test_output_into_an_input_folder_is_refused_and_a_forced_report_is_not_audited_next_time(folder: Path) -> None:
    report = folder / "report.md"
    assert run("audit", str(folder), "-o", str(report), "-f", "markdown").exit_code == 2
    assert not report.exists()
    assert run("audit", str(folder), "-o", str(report), "-f", "markdown", "--force").exit_code == 0
    table = folder / "report.txt"
    assert run("audit", str(folder), "-o", str(table), "--force").exit_code == 0
    data = json.loads(run("extract", str(folder), "-f", "json").stdout)
    assert [s["path"].rsplit("/", 1)[-1] for s in data["sources"]] == ["a.md"]
    reasons = {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in data["skipped"]}
    assert "claimcheck report" in reasons["report.md"] and "claimcheck report" in reasons["report.txt"]


def test_output_respects_umask(folder: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run("audit", str(folder), "-o", str(tmp_path / "r.md")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.md").stat().st_mode) == 0o644


def test_output_keeps_an_existing_files_mode(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert run("audit", str(folder), "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text("utf-8") != "old\n"


def test_output_writes_through_a_symlink_to_its_target(folder: Path, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run("audit", str(folder), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and "Launch" not in target.read_text("utf-8") and target.read_text("utf-8") != "old\n"


def test_output_to_a_device_writes_to_it_and_never_replaces_it(folder: Path, tmp_path: Path) -> None:
    # through a symlink in tmp_path, so a regression replaces the link, never the machine's /dev/null
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    result = run("audit", str(folder), "-o", str(link))
    assert result.exit_code == 0
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_to_dev_stdout_reaches_stdout(folder: Path, tmp_path: Path) -> None:
    link = tmp_path / "stdout"  # a link to /dev/stdout: a regression replaces the link, not the machine's device
    link.symlink_to("/dev/stdout")
    result = cli("audit", str(folder), "-f", "json", "-o", str(link))
    assert result.returncode == 0 and json.loads(result.stdout)["schema"].startswith("claimcheck.report/")
    assert link.is_symlink() and os.path.islink("/dev/stdout")


def _busy_folder(root: Path, articles: int) -> Path:
    """Enough articles that an audit runs for many seconds on any machine (every sentence a different one, so
    the extractor's per-sentence caches do not make 400 copies of one article cost one)."""
    inputs = root / "in"
    inputs.mkdir()
    for index in range(articles):
        body = "".join(
            f"Nimbus-{n} scored {60 + n % 30}% on LogicBench in May 2025, and its price fell to ${n % 9 + 1} per "
            f"million input tokens, about {n % 7 + 2}x cheaper than Nimbus-{n + 1}.\n\n"
            for n in range(index * 40, index * 40 + 40)
        )
        (inputs / f"note-{index}.md").write_text(f"# Note {index}\n\n{body}", encoding="utf-8")
    return inputs


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is a POSIX signal")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_one_line_exits_130_and_leaves_the_output_and_no_temp_files(tmp_path: Path, jobs: str) -> None:
    import signal
    import time

    inputs = _busy_folder(tmp_path, 400)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    report = out_dir / "report.md"
    report.write_text("last week's report\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    temp_before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("claimcheck-*"))
    # -m claimcheck: the console entry point, as a user runs it
    process = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "audit", str(inputs), "-o", str(report), "-j", jobs, "-f", "markdown"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)
    assert process.poll() is None, "the run finished before it could be interrupted: make the input larger"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr == "claimcheck: interrupted\n" and stdout == ""
    assert report.read_text("utf-8") == "last week's report\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no temporary file left anywhere
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("claimcheck-*")) == temp_before


def test_ctrl_c_while_the_cli_is_still_importing_is_interrupted_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import types

    from claimcheck import console

    class Importing(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            raise KeyboardInterrupt  # what Ctrl-C during `from .cli import main` looks like

    monkeypatch.setitem(sys.modules, "claimcheck.cli", Importing("claimcheck.cli"))
    with pytest.raises(SystemExit) as exit_info:
        console.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "claimcheck: interrupted\n"
