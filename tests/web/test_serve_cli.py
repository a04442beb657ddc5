"""``saidwhat serve``: argument parsing and start-up errors (no server is started)."""
from __future__ import annotations

import argparse

import pytest

from saidwhat.cli import serve


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    serve.add_parser(parser.add_subparsers())
    return parser.parse_args(["serve", *argv])


def test_serve_defaults():
    args = _parse([])
    assert (args.host, args.port, args.db, args.model) == ("127.0.0.1", 8000, None, None)
    assert args.max_body == 2_000_000 and args.workers == 1
    assert args.func is serve.run


@pytest.mark.parametrize("value, size", [
    ("2000000", 2_000_000), ("2MB", 2_000_000), ("500kB", 500_000), ("1MiB", 1_048_576),
    ("64k", 64_000), (" 3 mb ", 3_000_000),
])
def test_serve_parse_size(value, size):
    assert serve.parse_size(value) == size


@pytest.mark.parametrize("value", ["", "2GB", "-1", "1.5MB", "lots"])
def test_serve_parse_size_rejects(value):
    with pytest.raises(argparse.ArgumentTypeError):
        serve.parse_size(value)


def test_serve_missing_db_is_usage_error(tmp_path, capsys):
    args = _parse(["--db", str(tmp_path / "missing.duckdb")])
    assert args.func(args) == 2
    assert "no such corpus store" in capsys.readouterr().err


def test_serve_db_that_is_no_store_is_refused_at_start(tmp_path, capsys):
    pytest.importorskip("duckdb")
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")
    args = _parse(["--db", str(path)])
    assert args.func(args) == 2
    assert "[E108]" in capsys.readouterr().err


def test_serve_zero_workers_is_usage_error(capsys):
    args = _parse(["--workers", "0"])
    assert args.func(args) == 2
    assert "--workers" in capsys.readouterr().err


def test_serve_passes_options_to_the_app(monkeypatch, tmp_path):
    import uvicorn

    import saidwhat.web.app as web_app

    seen = {}
    monkeypatch.setattr(web_app, "create_app", lambda settings: seen.setdefault("settings", settings))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.setdefault("run", kw))
    args = _parse(["--port", "8123", "--workers", "2", "--max-body", "1MB", "--model", "m"])
    assert args.func(args) == 0
    assert seen["settings"] == web_app.Settings(model="m", db=None, max_body=1_000_000, workers=2)
    assert seen["run"]["port"] == 8123 and seen["run"]["host"] == "127.0.0.1"


def test_serve_time_and_length_limits(monkeypatch):
    import uvicorn

    import saidwhat.web.app as web_app

    assert (_parse([]).timeout, _parse([]).max_chars) == (30.0, 1_000_000)
    seen = {}
    monkeypatch.setattr(web_app, "create_app", lambda settings: seen.setdefault("settings", settings))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.setdefault("run", kw))
    args = _parse(["--timeout", "5", "--max-chars", "1000", "--long-chars", "500"])
    assert args.func(args) == 0
    s = seen["settings"]
    assert (s.timeout, s.max_chars, s.long_chars) == (5.0, 1000, 500)
    assert 0 < seen["run"]["timeout_graceful_shutdown"] <= 5  # SIGTERM stops it within seconds
    args = _parse(["--timeout", "0"])
    seen.clear()
    assert args.func(args) == 0 and seen["settings"].timeout is None
