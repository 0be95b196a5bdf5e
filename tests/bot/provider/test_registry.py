"""Meta-tests: every rewriter's `verification.provider_check` resolves to a registered check for
each resource type it fixes, in every provider that supports that type."""

from __future__ import annotations

from typing import Any

import pytest

from bot.models.plan import Verification
from bot.models.resource import Resource
from bot.provider.aws import catalog as aws
from bot.provider.coverage import PROVIDERS, main, missing_checks, unread_aws_types
from bot.provider.registry import CheckRegistry, Registration, RegistryError
from bot.provider.result import verified
from rewriters import CATALOGUE
from rewriters.terraform.s3_versioning import REWRITER as S3_VERSIONING
from tests.bot.provider import known_gaps as KNOWN


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_every_rewriter_check_is_registered_where_its_types_are_supported(provider: str) -> None:
    assert missing_checks(CATALOGUE, provider) == list(KNOWN.MISSING[provider])


def test_every_aws_type_the_catalogue_fixes_is_read_by_the_aws_provider_or_says_why_not() -> None:
    assert unread_aws_types(CATALOGUE) == list(KNOWN.UNREAD_AWS_TYPES)
    assert all(reason for reason in aws.UNSUPPORTED.values())


def test_a_rewriter_naming_an_unregistered_check_or_type_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    import dataclasses

    wrong = dataclasses.replace(S3_VERSIONING, id="s3_new", verification=Verification(
        rules=(), provider_check="s3_versoning_enabled"), resource_types=("aws_s3_bucket", "aws_s3_new_thing"))
    assert missing_checks([wrong], "aws") == ["s3_new: s3_versoning_enabled for aws_s3_bucket"]
    assert unread_aws_types([wrong]) == ["aws_s3_new_thing"]
    assert main() == (1 if KNOWN.UNREAD_AWS_TYPES or any(KNOWN.MISSING.values()) else 0)
    assert "aws: " in capsys.readouterr().out


def test_registered_checks_are_of_supported_types() -> None:
    for name, (supports, registry) in PROVIDERS.items():
        assert [t for t in registry.types() if not supports(t)] == [], name


def test_a_check_registered_twice_or_for_no_type_is_refused() -> None:
    def fn(ctx: object, res: Resource) -> Any:
        return verified()

    with pytest.raises(RegistryError, match="twice"):
        CheckRegistry("x", [Registration("a", ("t",), fn), Registration("a", ("t",), fn)])
    with pytest.raises(RegistryError, match="no resource type"):
        CheckRegistry("x", [Registration("a", (), fn)])
