"""`.fixbot.yml` context keys: a bad key names the file and the key, with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_repo_config
from bot.errors import ConfigError


def test_context_keys_load(tmp_path: Path) -> None:
    (tmp_path / ".fixbot.yml").write_text(
        "default_environment: dev\n"
        "default_data_classification: confidential\n"
        "environments:\n  - path: envs/prod/**\n    environment: prod\n    criticality: critical\n"
    )
    config = load_repo_config(tmp_path)
    assert config.default_environment == "dev"
    assert config.environments[0].path == "envs/prod/**"
    assert config.environments[0].criticality == "critical"


def test_misspelt_top_level_key_names_file_key_and_suggestion(tmp_path: Path) -> None:
    (tmp_path / ".fixbot.yml").write_text("default_enviroment: prod\n")
    with pytest.raises(ConfigError) as err:
        load_repo_config(tmp_path)
    assert ".fixbot.yml" in str(err.value)
    assert "default_enviroment" in str(err.value)
    assert err.value.hint == "did you mean 'default_environment'?"


def test_misspelt_nested_key_in_an_environment_rule(tmp_path: Path) -> None:
    (tmp_path / ".fixbot.yml").write_text("environments:\n  - path: envs/prod/**\n    enviroment: prod\n")
    with pytest.raises(ConfigError) as err:
        load_repo_config(tmp_path)
    assert "environments.0.enviroment" in str(err.value)
    assert err.value.hint == "did you mean 'environment'?"
