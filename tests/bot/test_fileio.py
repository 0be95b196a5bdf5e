"""Defects 4 and 14: `--output`, `--sarif-output` and `plan --output` replace only regular files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.errors import InputError
from bot.fileio import atomic_write_text

DEMO = Path(__file__).resolve().parents[2] / "bot" / "demo" / "sample_repo"
RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "sarif" / "demo_checkov.json"
SCAN = ["scan", str(DEMO), "--no-checkov", "--findings", str(RECORDED), "--format", "json"]


def _targets(tmp_path: Path) -> dict[str, Path]:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "link.json"
    link.symlink_to(victim)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    directory = tmp_path / "dir"
    directory.mkdir()
    return {"symlink": link, "fifo": fifo, "directory": directory, "device": Path("/dev/null")}


@pytest.mark.parametrize("kind", ["symlink", "fifo", "directory", "device"])
@pytest.mark.parametrize("flag", [["--output"], ["--sarif-output"]])
def test_scan_refuses_a_non_regular_output(tmp_path: Path, kind: str, flag: list[str], capsys) -> None:
    target = _targets(tmp_path)[kind]
    assert main([*SCAN, *flag, str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err
    assert (tmp_path / "victim.txt").read_text() == "keep me\n"  # a symlink's target is untouched
    assert target.is_symlink() or not target.is_file()  # still what it was


def test_plan_output_refuses_a_symlink(tmp_path: Path, capsys) -> None:
    target = _targets(tmp_path)["symlink"]
    argv = ["plan", str(DEMO), "--no-checkov", "--findings", str(RECORDED), "--output", str(target)]
    assert main(argv) == 2
    assert target.is_symlink() and (tmp_path / "victim.txt").read_text() == "keep me\n"
    assert "symlink" in capsys.readouterr().err


def test_regular_file_is_replaced_keeping_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o644)
    assert main([*SCAN, "--output", str(out)]) == 0
    assert out.read_text().startswith("{") and (out.stat().st_mode & 0o777) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left behind


def test_writer_refuses_device_without_touching_it() -> None:
    with pytest.raises(InputError, match="character device"):
        atomic_write_text(Path("/dev/null"), "x")
