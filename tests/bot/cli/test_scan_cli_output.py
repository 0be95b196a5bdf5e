"""`fixbot scan --output FILE` in table format writes the table a terminal would show."""

from __future__ import annotations

from pathlib import Path

from bot.cli.main import main

DEMO = Path(__file__).resolve().parents[3] / "bot" / "demo" / "sample_repo"
RECORDED = Path(__file__).resolve().parents[2] / "fixtures" / "sarif" / "demo_checkov.json"


def test_table_to_a_file_is_plain_text_ranked_by_risk(tmp_path: Path) -> None:
    out = tmp_path / "scan.txt"
    assert main(["scan", str(DEMO), "--no-checkov", "--findings", str(RECORDED), "--output", str(out)]) == 0
    text = out.read_text()
    assert "fixbot findings by risk" in text and "\x1b[" not in text  # no colour codes in a file
    first_rows = [line for line in text.splitlines() if line.startswith("│ 1 ") or line.startswith("│ 2 ")]
    assert "0.94" in first_rows[0] and "aws_s3_bucket.payments" in first_rows[0]
