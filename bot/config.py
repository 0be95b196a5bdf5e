"""Repository configuration (`.fixbot.yml`) and run settings, validated once at the edge."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.errors import ConfigError

CONFIG_FILE = ".fixbot.yml"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RiskWeights(_Strict):
    severity: float = 0.25
    exposure: float = 0.20
    criticality: float = 0.20
    data_sensitivity: float = 0.15
    exploitability: float = 0.10
    blast_radius: float = 0.10

    @field_validator("*")
    @classmethod
    def _unit(cls, v: float) -> float:
        if not 0.0 <= v <= 1.0:
            raise ValueError("weight must be between 0 and 1")
        return v


class PathRule(_Strict):
    """Assign context to every resource under a glob (`envs/prod/**`)."""

    path: str
    environment: str | None = None
    data_classification: str | None = None
    criticality: str | None = None


class AcceptedRisk(_Strict):
    """A finding a human accepted (`/fixbot ignore REASON`)."""

    rule: str
    resource: str | None = None
    reason: str
    by: str | None = None


class Caps(_Strict):
    max_open_prs: int = Field(default=10, ge=0)
    max_new_prs_per_hour: int = Field(default=5, ge=0)


class VerifySettings(_Strict):
    """`verify:` — what signals that a merged fix was applied, and how long to keep trying.

    No `workflow_run` names: any workflow whose name contains "apply" or "deploy" signals it
    (the former built-in behaviour). Unverified merged fixes are retried with exponential
    backoff (`retry_minutes` doubling up to `max_retry_minutes`) until `deadline_hours` after
    the first attempt, then reported as expired."""

    provider: Literal["simulated", "aws", "kubernetes"] = "simulated"
    workflow_run: list[str] = Field(default_factory=list)  # workflow names (exact, case-insensitive)
    deployment_status: list[str] = Field(default_factory=list)  # environment names
    delay_after_merge_minutes: int | None = Field(default=None, ge=0)  # no signal: verify this long after merge
    retry_minutes: int = Field(default=5, ge=1)
    max_retry_minutes: int = Field(default=240, ge=1)
    deadline_hours: int = Field(default=48, ge=1)


class RepoConfig(_Strict):
    """`.fixbot.yml` — every key optional; conventions apply when it is absent."""

    version: int = 1
    default_environment: str | None = None
    environments: list[PathRule] = Field(default_factory=list)
    default_data_classification: str = "internal"
    default_criticality: str = "medium"
    risk_weights: RiskWeights = Field(default_factory=RiskWeights)
    parameters: dict[str, dict[str, str]] = Field(default_factory=dict)  # rewriter id -> params
    accepted_risks: list[AcceptedRisk] = Field(default_factory=list)
    ignore_paths: list[str] = Field(default_factory=list)
    max_file_bytes: int = Field(default=DEFAULT_MAX_FILE_BYTES, gt=0)
    caps: Caps = Field(default_factory=Caps)
    bot_user: str = "fixbot[bot]"
    verify: VerifySettings = Field(default_factory=VerifySettings)


def _hint_for(loc: tuple[Any, ...], model: type[BaseModel]) -> str | None:
    """Suggest the closest valid key for an unknown one."""
    target: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):  # an index into a list of models: `environments.0.enviroment`
            continue
        field = getattr(target, "model_fields", {}).get(part)
        if field is None:
            return None
        target = field.annotation
        target = get_args(target)[-1] if get_args(target) else target  # list[X] / dict[str, X] -> X
    fields = list(getattr(target, "model_fields", {}))
    close = difflib.get_close_matches(str(loc[-1]), fields, n=1)
    return f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(fields)}"


def parse_repo_config(data: Any, source: str) -> RepoConfig:
    """Validate parsed YAML; a bad key gives file, key and a hint."""
    if data is None:
        return RepoConfig()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: top level must be a mapping")
    try:
        return RepoConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        hint = _hint_for(tuple(err["loc"]), RepoConfig) if err["type"] == "extra_forbidden" else None
        raise ConfigError(f"{source}: key '{key}': {err['msg']}", hint=hint) from exc


def load_repo_config(root: Path, text: str | None = None) -> RepoConfig:
    """Load `.fixbot.yml` from `root` (or from `text`, e.g. read from the default branch).

    The file must be UTF-8 (a BOM is fine) and must stay inside the repository: a symlink
    leading out of it is refused without reading it, so no outside content reaches an error.
    """
    from bot.yamlsafe import load_yaml_text

    if text is None:
        text = _read_config_file(root)
        if text is None:
            return RepoConfig()
    return parse_repo_config(load_yaml_text(text, CONFIG_FILE), CONFIG_FILE)


def _read_config_file(root: Path) -> str | None:
    from bot.sourcetext import SourceEncodingError, read_source

    path = root / CONFIG_FILE
    if path.is_symlink():
        try:
            path.resolve(strict=True).relative_to(root.resolve())
        except (OSError, ValueError, RuntimeError):
            raise ConfigError(f"{CONFIG_FILE} is a symlink leading outside the repository (or nowhere); "
                              "refusing to read it", hint="make it a regular file in the repository") from None
    if not path.is_file():
        return None
    try:
        return read_source(path, CONFIG_FILE).text
    except SourceEncodingError as exc:
        raise ConfigError(str(exc), hint="save .fixbot.yml as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{CONFIG_FILE}: cannot be read ({exc.strerror})") from None
