"""``python -m saidwhat`` runs the same CLI as the ``saidwhat`` console script."""
from __future__ import annotations

import subprocess
import sys

import saidwhat


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "saidwhat", *argv], capture_output=True,
                          text=True, timeout=120)


def test_python_m_saidwhat_version():
    proc = _run("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"saidwhat {saidwhat.__version__}"


def test_python_m_saidwhat_passes_exit_codes(tmp_path):
    proc = _run("extract", str(tmp_path / "no-such-article.txt"), "-w", "1")
    assert proc.returncode == 2
    assert "[E003]" in proc.stderr and "no-such-article.txt" in proc.stderr


def test_cli_an_unknown_option_shows_the_sub_commands_usage():
    proc = _run("extract", "--frobnicate", "x")
    assert proc.returncode == 2
    assert "usage: saidwhat extract" in proc.stderr and "unrecognized arguments: --frobnicate" in proc.stderr
