"""scripts/build_given_names.py on an invented stand-in for the nomquamgender wheel."""
from __future__ import annotations

import gzip
import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_given_names.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_given_names", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _wheel(path: Path, data: dict) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("nomquamgender/name_data.json", json.dumps(data))
    return path


def test_keeps_plain_names_with_enough_people_sorted_and_reproducible(build, tmp_path):
    data = {"zora": [5, 1200, 0.9812, 3], "abel": [9, 50, 0.0, 3], "rare": [1, 3, 0.5, 3],
            "&amp;me": [1, 99, 0.0, 3], "jean-luc": [4, 40, 0.01, [0, 1]], "o'neil": [2, 10, 0.2, 3]}
    wheel = _wheel(tmp_path / "nqg.whl", data)
    out1, out2 = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    assert build.build(wheel, out1, any_version=True) == 4
    build.build(wheel, out2, any_version=True)
    assert out1.read_bytes() == out2.read_bytes()
    lines = gzip.decompress(out1.read_bytes()).decode().splitlines()
    assert lines == ["name\tp_female\tcount", "abel\t0.000\t50", "jean-luc\t0.010\t40",
                     "o'neil\t0.200\t10", "zora\t0.981\t1200"]


def test_refuses_another_wheel_unless_asked(build, tmp_path):
    wheel = _wheel(tmp_path / "nqg.whl", {"abel": [9, 50, 0.0, 3]})
    with pytest.raises(SystemExit, match="sha256"):
        build.build(wheel, tmp_path / "x.tsv.gz")
