"""`fixbot serve` refuses to start without a webhook secret or an App key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main


def test_serve_refuses_without_a_secret(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for var in ("FIXBOT_WEBHOOK_SECRET", "FIXBOT_PRIVATE_KEY", "FIXBOT_PRIVATE_KEY_PATH"):
        monkeypatch.delenv(var, raising=False)
    assert main(["serve", "--app-id", "1"]) == 2
    assert "no webhook secret" in capsys.readouterr().err


def test_serve_refuses_an_unreadable_secret_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--webhook-secret-file", str(tmp_path / "missing")]) == 2
    assert "cannot read the webhook secret file" in capsys.readouterr().err
