"""Which environment a resource belongs to: config rule, tag, path convention, namespace, default."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.config import RepoConfig
from bot.inventory.files import glob_match
from bot.models.resource import Resource

ENVIRONMENT_KEYS = ("environment", "env", "stage")  # compared case-insensitively
_ALIASES: dict[str, tuple[str, ...]] = {
    "prod": ("prod", "production", "prd", "live"),
    "staging": ("staging", "stage", "stg", "preprod"),
    "dev": ("dev", "development", "develop"),
    "test": ("test", "testing", "qa"),
}
_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_TOKEN_RE = re.compile(r"[-_.]")
_SAFE_RE = re.compile(r"[^a-z0-9_.-]")
_PATH_ALIASES = {a for a in _CANONICAL if a != "live"}  # `live/prod/` is a layout word, not an env

_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f]+")

Found = tuple[str, str]  # (value, evidence)


def tag_evidence(key: str, value: str, resource: Resource) -> str:
    """`tag Environment=production on aws_s3_bucket.x`, control characters removed, values cut."""
    clean_key = _UNPRINTABLE_RE.sub(" ", key.strip())[:40]
    clean_value = _UNPRINTABLE_RE.sub(" ", value.strip())[:40]
    return f"tag {clean_key}={clean_value} on {resource.address}"


def normalise_environment(value: str) -> str:
    """prod/production/prd → prod, staging/stage/stg → staging, dev, test/qa; others lowercased."""
    text = value.strip().lower()
    return _CANONICAL.get(text) or _SAFE_RE.sub("", text)[:40]


def _token_environment(segment: str) -> str | None:
    """`prod`, `payments-prod`, `prod_eu` → prod; whole tokens only, so `devops` is nothing."""
    for token in _TOKEN_RE.split(segment.lower()):
        if token in _PATH_ALIASES:
            return _CANONICAL[token]
    return None


def config_environment(resource: Resource, config: RepoConfig, field: str) -> Found | None:
    """The first `.fixbot.yml` `environments` rule matching the file and setting `field`."""
    for i, rule in enumerate(config.environments):
        value = getattr(rule, field)
        if value and glob_match(rule.path, resource.file):
            return value, f".fixbot.yml environments[{i}] path={rule.path}"
    return None


def from_config(resource: Resource, config: RepoConfig) -> Found | None:
    found = config_environment(resource, config, "environment")
    return (normalise_environment(found[0]), found[1]) if found else None


def from_tags(resource: Resource, config: RepoConfig) -> Found | None:
    for key, value in resource.tags.items():
        if key.lower() in ENVIRONMENT_KEYS and value.strip():
            env = normalise_environment(value)
            if env:
                return env, tag_evidence(key, value, resource)
    return None


def from_path(resource: Resource, config: RepoConfig) -> Found | None:
    segments = resource.file.split("/")[:-1]
    for i, segment in enumerate(segments):
        env = _token_environment(segment)
        if env is not None:
            return env, f"path convention {'/'.join(segments[: i + 1])}/"
    return None


def from_namespace(resource: Resource, config: RepoConfig) -> Found | None:
    if not resource.namespace or resource.namespace == "default":
        return None
    env = _token_environment(resource.namespace)
    return (env, f"Kubernetes namespace {resource.namespace}") if env else None


def from_default(resource: Resource, config: RepoConfig) -> Found | None:
    if config.default_environment:
        return normalise_environment(config.default_environment), ".fixbot.yml default_environment"
    return None


# Highest precedence first: an explicit `.fixbot.yml` rule overrides the repository's tags.
ENVIRONMENT_SOURCES: tuple[Callable[[Resource, RepoConfig], Found | None], ...] = (
    from_config,
    from_tags,
    from_path,
    from_namespace,
    from_default,
)


def environment_of(resource: Resource, config: RepoConfig) -> Found | None:
    for source in ENVIRONMENT_SOURCES:
        found = source(resource, config)
        if found is not None:
            return found
    return None
