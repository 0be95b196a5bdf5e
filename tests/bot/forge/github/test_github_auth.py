"""App credentials: JWT, key loading, scoped tokens, revocation, redaction."""

from __future__ import annotations

import logging
from pathlib import Path

import jwt
import pytest

from bot.errors import ConfigError, ForgeError
from bot.forge.github.auth import AppCredentials, RepoRef, TokenBroker, load_private_key
from bot.forge.github.redact import RedactingFilter, scrub
from tests.harness.github_standin import new_private_key
from tests.harness.github_standin.world import World


def test_jwt_is_rs256_backdated_and_short_lived() -> None:
    key = new_private_key()
    token = AppCredentials(7, key).jwt(now=1_000_000)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert jwt.get_unverified_header(token)["alg"] == "RS256"
    assert claims == {"iat": 1_000_000 - 60, "exp": 1_000_000 + 540, "iss": "7"}
    assert "PRIVATE" not in repr(AppCredentials(7, key))


def test_private_key_from_file_or_env(tmp_path: Path) -> None:
    key = new_private_key()
    (tmp_path / "app.pem").write_bytes(key)
    assert load_private_key(env={"FIXBOT_PRIVATE_KEY_PATH": str(tmp_path / "app.pem")}) == key
    assert load_private_key(env={"FIXBOT_PRIVATE_KEY": key.decode()}) == key
    with pytest.raises(ConfigError, match="FIXBOT_PRIVATE_KEY"):
        load_private_key(env={})
    with pytest.raises(ConfigError, match=r"cannot read .*missing\.pem"):
        load_private_key(env={"FIXBOT_PRIVATE_KEY_PATH": str(tmp_path / "missing.pem")})


def test_token_is_narrowed_to_one_repo_and_revoked_on_failure(w: World) -> None:
    with pytest.raises(KeyError), w.broker.token(w.ref, {"checks": "read"}) as tok:
        assert tok.value not in repr(tok)
        raise KeyError("boom")
    (minted,) = w.gh.tokens()
    assert minted.repository_ids == (w.repo.id,) and minted.permissions == {"checks": "read"} and minted.revoked


def test_token_by_repository_name_when_the_id_is_unknown(w: World) -> None:
    with w.broker.token(RepoRef("octo-org", "infra"), {"contents": "read"}):
        pass
    (minted,) = w.gh.tokens()
    assert minted.repository_ids == (w.repo.id,)  # installation looked up by JWT, repo by name


def test_a_token_is_never_minted_without_explicit_permissions(w: World) -> None:
    with pytest.raises(ForgeError, match="explicit permission"), w.broker.token(w.ref, {}):
        pass


def test_permissions_beyond_the_installation_are_refused(w: World) -> None:
    with pytest.raises(ForgeError, match="422"), w.broker.token(w.ref, {"workflows": "write"}):
        pass


def test_a_token_outside_its_repo_or_permission_is_rejected_by_the_standin(w: World) -> None:
    other = w.gh.add_repo("octo-org", "other", {"a.tf": ""})
    w.installation.repository_ids.append(other.id)
    forge = w.forge()
    with forge.action("read", {"contents": "read"}):
        api = forge._session[1] if forge._session else None  # type: ignore[index]
        assert api is not None
        with pytest.raises(ForgeError, match="403"):
            api.json("GET", "/pulls")
        with pytest.raises(ForgeError, match="404"):
            api.call(lambda: api.gh.requester.requestJsonAndCheck("GET", "/repos/octo-org/other/branches/main"),
                     "other repo")


def test_wrong_key_expired_and_revoked_tokens_get_401(w: World) -> None:
    bad = TokenBroker(AppCredentials(w.gh.app_id, new_private_key()), w.gh.url)
    with pytest.raises(ForgeError, match="401"), bad.token(w.ref, {"contents": "read"}):
        pass
    bad.close()
    forge = w.forge()
    with forge.action("read", {"contents": "read"}):
        w.gh.expire(w.gh.tokens()[-1])
        with pytest.raises(ForgeError, match="401"):
            forge.head_sha("main")


def test_scrub_removes_tokens_jwts_and_keys() -> None:
    key = new_private_key().decode()
    jwt_text = AppCredentials(1, key.encode()).jwt()
    text = f"token ghs_abcdefghijklmnopqrstu and {jwt_text} and {key} Authorization: Bearer xyz"
    out = scrub(text)
    assert "ghs_abc" not in out and "eyJ" not in out and "PRIVATE KEY" not in out and "xyz" not in out


def test_logging_filter_scrubs_args_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("fixbot.test.redact")
    logger.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO, logger="fixbot.test.redact"):
        logger.info("using %s", "ghs_secretsecretsecret123")
        try:
            raise ValueError("ghs_inexceptionsecret1234")
        except ValueError:
            logger.exception("failed")
    assert "ghs_" not in caplog.text
