"""Safe YAML loading: no arbitrary tags, alias bombs refused, size capped."""

from __future__ import annotations

from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.errors import InputError

MAX_ALIASES = 100


def _count_aliases(text: str) -> int:
    return text.count("*")  # cheap upper bound; the exact count comes from the parser events


def _alias_events(text: str) -> int:
    yaml = YAML(typ="safe", pure=True)
    count = 0
    for event in yaml.parse(StringIO(text)):
        if type(event).__name__ == "AliasEvent":
            count += 1
            if count > MAX_ALIASES:
                break
    return count


def check_aliases(text: str, name: str) -> None:
    """Refuse documents with more aliases than any sane manifest (billion-laughs guard)."""
    if _count_aliases(text) > MAX_ALIASES and _alias_events(text) > MAX_ALIASES:
        raise InputError(f"{name}: more than {MAX_ALIASES} YAML aliases; refusing (possible alias bomb)")


def load_yaml_text(text: str, name: str) -> Any:
    """Parse one YAML document safely into plain Python values."""
    check_aliases(text, name)
    yaml = YAML(typ="safe", pure=True)
    try:
        return yaml.load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{name}:{where} invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting too deep to build
        raise InputError(f"{name}: unusable YAML value ({str(exc).split(';')[0][:120]})") from exc


def load_yaml_all(text: str, name: str) -> list[Any]:
    """Parse every document of a multi-document YAML stream safely."""
    check_aliases(text, name)
    yaml = YAML(typ="safe", pure=True)
    try:
        return list(yaml.load_all(text))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{name}:{where} invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting too deep to build
        raise InputError(f"{name}: unusable YAML value ({str(exc).split(';')[0][:120]})") from exc
