"""Without PySpark, ``python -m saidwhat.spark`` says what to install (no traceback)."""
from __future__ import annotations

import builtins

from saidwhat import spark


def test_spark_entry_without_pyspark_is_a_clear_usage_error(monkeypatch, capsys, tmp_path):
    real_import = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name.split(".")[0] == "pyspark":
            raise ImportError("No module named 'pyspark'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    assert spark.main([str(tmp_path / "in.jsonl"), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "PySpark is not installed" in err and "saidwhat[spark]" in err and "Traceback" not in err
