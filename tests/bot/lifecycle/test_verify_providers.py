from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.lifecycle.verify_providers import ProviderOptions, make_provider
from bot.provider import SimulatedProvider
from bot.provider.aws.provider import AwsProvider


def test_providers_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(make_provider("simulated", tmp_path, [], tmp_path), SimulatedProvider)
    options = ProviderOptions(endpoint_url="http://127.0.0.1:9", region="eu-west-1")
    aws = make_provider("aws", tmp_path, [], tmp_path, options)
    assert isinstance(aws, AwsProvider) and aws.ctx.endpoint_url == "http://127.0.0.1:9"
    monkeypatch.setenv("KUBECONFIG", str(tmp_path / "missing"))
    monkeypatch.delenv("KUBERNETES_SERVICE_HOST", raising=False)
    with pytest.raises(ConfigError, match="kubeconfig"):
        make_provider("kubernetes", tmp_path, [], tmp_path)
    with pytest.raises(ConfigError, match="unknown verify provider"):
        make_provider("gcp", tmp_path, [], tmp_path)
