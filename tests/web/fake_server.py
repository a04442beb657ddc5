"""``saidwhat serve`` with the fake model of ``fake_model.py``, for the robustness tests.

Usage: ``python fake_server.py PORT TIMEOUT`` (TIMEOUT 0: none). One ordinary model
process; requests over 1,000 characters go to the long lane's process.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

if __name__ == "__main__":
    import fake_model

    from saidwhat.cli.serve import serve_app
    from saidwhat.web.app import Settings, create_app
    from saidwhat.web.runner import ProcessRunner

    port, timeout = int(sys.argv[1]), float(sys.argv[2])
    runner = ProcessRunner(None, processes=1, long_chars=1000,
                           load=fake_model.load, extract=fake_model.extract)
    app = create_app(Settings(timeout=timeout or None, long_chars=1000, max_chars=50_000),
                     runner=runner)
    serve_app(app, host="127.0.0.1", port=port, log_level="warning")
