"""The pre-commit hooks in .pre-commit-hooks.yaml, run by pre-commit itself in a temporary git repository.

pre-commit's ``language: python`` builds a virtualenv and pip-installs this repository into it, which needs a
package index; so by default the hook definitions run as ``repo: local`` hooks with ``language: system`` and the
installed ``claimcheck`` (same id, entry, files, types and serial setting: everything that decides which files
reach claimcheck and how). Set ``CLAIMCHECK_TEST_PRECOMMIT_INSTALL=1`` to also run the real ``language: python``
install through ``pre-commit try-repo``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=repo, check=True, capture_output=True
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    _git(root, "init", "-q")
    (root / "a.md").write_text("# A\n\nClaude 4 was released in May 2025.\n")
    (root / "b.md").write_text("# B\n\nAnthropic launched Claude 4 in May 2025.\n")
    (root / "notes.py").write_text("x = '2024'\n")  # not an article: the hook must not pass it
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "articles")
    return root


def _local_config(repo: Path) -> None:
    hooks = []
    for hook in HOOKS:
        local = dict(hook)
        local["language"] = "system"
        local["entry"] = f"{sys.executable} -m claimcheck {hook['entry'].removeprefix('claimcheck ')}"
        hooks.append(local)
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600
    )


def test_hook_definitions_have_the_shape_pre_commit_expects() -> None:
    for hook in HOOKS:
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["language"] == "python" and hook["entry"].startswith("claimcheck audit")
        assert hook["require_serial"] is True  # one run sees every changed article at once


def test_hook_passes_agreeing_articles_and_fails_on_a_contradiction(repo: Path) -> None:
    _local_config(repo)
    ok = _pre_commit(repo, "run", "claimcheck", "--all-files")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout
    # the changed-articles hook sees only what the commit changes: both sides of the contradiction here
    (repo / "a.md").write_text("# A\n\nClaude 4 was released in May 2025, the lab said.\n")
    (repo / "b.md").write_text("# B\n\nAnthropic launched Claude 4 in 2024.\n")
    _git(repo, "add", "a.md", "b.md")
    failed = _pre_commit(repo, "run", "claimcheck")  # staged files only, as in a commit
    assert failed.returncode == 1
    assert "Failed" in failed.stdout and "Claude 4 / release date" in failed.stdout
    assert "notes.py" not in failed.stdout


def test_all_articles_hook_audits_the_whole_repository(repo: Path) -> None:
    _local_config(repo)
    (repo / "b.md").write_text("# B\n\nAnthropic launched Claude 4 in 2024.\n")
    _git(repo, "add", "b.md")
    result = _pre_commit(repo, "run", "claimcheck-all", "--files", "b.md")
    assert result.returncode == 1
    assert "a.md:3" in result.stdout  # a.md was not passed, but the whole repository was audited


@pytest.mark.skipif(os.environ.get("CLAIMCHECK_TEST_PRECOMMIT_INSTALL") != "1", reason="installs from a package index")
def test_language_python_install_through_try_repo(repo: Path) -> None:
    (repo / "b.md").write_text("# B\n\nAnthropic launched Claude 4 in 2024.\n")
    result = _pre_commit(repo, "try-repo", str(ROOT), "claimcheck", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Claude 4 / release date" in result.stdout
