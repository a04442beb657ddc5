"""Spark fixtures: one local[2] session for the module; skipped without PySpark or Java."""
from __future__ import annotations

import os
import shutil
import sys

import pytest


@pytest.fixture(scope="session")
def spark():
    """A ``local[2]`` SparkSession (UI off), stopped at the end of the session."""
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed (Spark needs Java 17+)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    try:
        session = (SparkSession.builder.master("local[2]").appName("saidwhat-tests")
                   .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                   .config("spark.driver.memory", "1g").getOrCreate())
    except Exception as e:  # noqa: BLE001 - e.g. the JVM cannot start here
        pytest.skip(f"Spark could not start: {e}")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
