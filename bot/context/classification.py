"""Data classification and criticality of a resource: config rule, tag/label, config default."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.config import RepoConfig
from bot.context.environment import Found, config_environment, tag_evidence
from bot.models.common import ErrorEntry
from bot.models.resource import Resource

CLASSIFICATIONS = ("public", "internal", "confidential", "restricted")  # least to most sensitive
CRITICALITIES = ("low", "medium", "high", "critical")
CLASSIFICATION_KEYS = ("dataclassification", "classification", "datasensitivity", "sensitivity")
CRITICALITY_KEYS = ("criticality", "tier", "businesscriticality")
_CLASSIFICATION_ALIASES = {
    "restricted": "restricted", "secret": "restricted", "highlyconfidential": "restricted",
    "pci": "restricted", "phi": "restricted", "confidential": "confidential", "sensitive": "confidential",
    "pii": "confidential", "internal": "internal", "private": "internal", "public": "public",
}
_CRITICALITY_ALIASES = {
    "critical": "critical", "missioncritical": "critical", "tier0": "critical", "0": "critical",
    "high": "high", "tier1": "high", "1": "high", "medium": "medium", "moderate": "medium",
    "tier2": "medium", "2": "medium", "low": "low", "tier3": "low", "3": "low", "4": "low",
}
_FOLD_RE = re.compile(r"[-_ ]")

Normaliser = Callable[[str], "str | None"]


def _fold(text: str) -> str:
    return _FOLD_RE.sub("", text.strip().lower())


def normalise_classification(value: str) -> str | None:
    """restricted / confidential / internal / public (with common synonyms), else None."""
    return _CLASSIFICATION_ALIASES.get(_fold(value))


def normalise_criticality(value: str) -> str | None:
    """critical / high / medium / low (also tier0..tier3), else None."""
    return _CRITICALITY_ALIASES.get(_fold(value))


def _from_rule(resource: Resource, config: RepoConfig, field: str, normalise: Normaliser) -> Found | None:
    found = config_environment(resource, config, field)
    value = normalise(found[0]) if found is not None else None
    return (value, found[1]) if found is not None and value is not None else None


def _from_tags(resource: Resource, keys: tuple[str, ...], normalise: Normaliser) -> Found | None:
    for key, value in resource.tags.items():
        canonical = normalise(value) if _fold(key) in keys else None
        if canonical is not None:
            return canonical, tag_evidence(key, value, resource)
    return None


def _default(config: RepoConfig, field: str, normalise: Normaliser, fallback: str) -> Found:
    value = normalise(getattr(config, field)) or fallback
    if field in config.model_fields_set:
        return value, f".fixbot.yml {field}"
    return value, f"default {field.removeprefix('default_')} (no tag or rule)"


def default_classification(config: RepoConfig) -> Found:
    """What a resource with no rule or tag saying otherwise is classified as."""
    return _default(config, "default_data_classification", normalise_classification, "internal")


def default_criticality(config: RepoConfig) -> Found:
    return _default(config, "default_criticality", normalise_criticality, "medium")


def classification_of(resource: Resource, config: RepoConfig, default: Found | None = None) -> Found:
    """`default` is `default_classification(config)` when the caller already has it."""
    return (
        _from_rule(resource, config, "data_classification", normalise_classification)
        or _from_tags(resource, CLASSIFICATION_KEYS, normalise_classification)
        or default
        or default_classification(config)
    )


def criticality_of(resource: Resource, config: RepoConfig, default: Found | None = None) -> Found:
    """`default` is `default_criticality(config)` when the caller already has it."""
    return (
        _from_rule(resource, config, "criticality", normalise_criticality)
        or _from_tags(resource, CRITICALITY_KEYS, normalise_criticality)
        or default
        or default_criticality(config)
    )


def config_value_errors(config: RepoConfig) -> list[ErrorEntry]:
    """`.fixbot.yml` classification/criticality values fixbot does not understand."""
    checks: list[tuple[str, str | None, Normaliser, tuple[str, ...]]] = [
        ("default_data_classification", config.default_data_classification, normalise_classification,
         CLASSIFICATIONS),
        ("default_criticality", config.default_criticality, normalise_criticality, CRITICALITIES),
    ]
    for i, rule in enumerate(config.environments):
        checks.append((f"environments[{i}].data_classification", rule.data_classification,
                       normalise_classification, CLASSIFICATIONS))
        checks.append((f"environments[{i}].criticality", rule.criticality, normalise_criticality, CRITICALITIES))
    return [
        ErrorEntry(kind="config", file=".fixbot.yml",
                   message=f".fixbot.yml: key '{key}': unknown value {value!r} (expected one of {', '.join(valid)})")
        for key, value, normalise, valid in checks
        if value is not None and normalise(value) is None
    ]
