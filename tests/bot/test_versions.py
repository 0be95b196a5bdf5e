from __future__ import annotations

import pytest

from bot.versions import affected, first_fix, is_version, version_key


@pytest.mark.parametrize(("low", "high"), [("1.2.3", "1.10.0"), ("v1.2", "1.2.1"), ("2.0.0-rc.1", "2.0.0"),
                                           ("2.0.0-alpha", "2.0.0-beta"), ("15.4", "16")])
def test_order(low: str, high: str) -> None:
    assert version_key(low) < version_key(high)


@pytest.mark.parametrize("text", ["latest", "~> 5.0", "1.2.3; rm -rf /", "", "sha256:abc", "1.2.3.4.5"])
def test_not_versions(text: str) -> None:
    assert not is_version(text)


def test_ranges() -> None:
    ranges = [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.5.0"}, {"introduced": "2.0.0"},
                                            {"fixed": "2.3.1"}]}]
    assert [affected(v, ranges) for v in ("1.0.0", "1.5.0", "1.9.9", "2.0.0", "2.3.0", "2.3.1")] == [
        True, False, False, True, True, False]
    assert first_fix("2.1.0", ranges) == "2.3.1" and first_fix("1.0.0", ranges) == "1.5.0"
    assert not affected("latest", ranges)
    limited = [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0.0"}, {"limit": "1.4.0"}]}]
    assert affected("1.3.9", limited) and not affected("1.4.0", limited)
