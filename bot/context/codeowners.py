"""GitHub CODEOWNERS: location order, gitignore-style patterns, last match wins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.globs import gitignore_regex
from bot.models.common import ErrorEntry

LOCATIONS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")  # GitHub's search order
_OWNER_RE = re.compile(r"^(@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$")
_UNSUPPORTED = ("!", "[")  # GitHub ignores negation and character ranges: the line is an error


@dataclass(frozen=True)
class OwnerRule:
    line: int
    pattern: str
    owners: tuple[str, ...]
    regex: re.Pattern[str] | None  # pathspec's (gitignore rules); None matches nothing

    def matches(self, path: str) -> bool:
        """gitignore matching, except that `dir/*` matches only files directly in `dir` (GitHub)."""
        rel = path.lstrip("/")
        found = self.regex.match(rel) if self.regex is not None else None
        return found is not None and (found.end() == len(rel) or not self.pattern.endswith("/*"))

    def describe(self, source: str) -> str:
        owners = " ".join(self.owners) or "(no owners)"
        return f"{source} line {self.line}: {self.pattern} {owners}"


@dataclass(frozen=True)
class CodeOwners:
    source: str | None  # repo-relative path of the file used, None when there is none
    rules: tuple[OwnerRule, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()
    _cache: dict[str, OwnerRule | None] = field(default_factory=dict, compare=False, repr=False)

    def rule_for(self, path: str) -> OwnerRule | None:
        """The last rule matching `path` (a rule without owners un-owns the path)."""
        if path not in self._cache:
            self._cache[path] = next((r for r in reversed(self.rules) if r.matches(path)), None)
        return self._cache[path]

    def owners_by_rule(self, path: str) -> tuple[tuple[str, ...], int | None]:
        """(owners, CODEOWNERS line number) for `path`; ((), None) when no rule matches."""
        rule = self.rule_for(path)
        return (rule.owners, rule.line) if rule is not None else ((), None)

    def owners_of(self, path: str) -> tuple[str, ...]:
        return self.owners_by_rule(path)[0]


def load_codeowners(root: Path) -> CodeOwners:
    """Parse the first CODEOWNERS file GitHub would use, or an empty rule set."""
    for rel in LOCATIONS:
        path = root / rel
        if path.is_file() and path.resolve().is_relative_to(root.resolve()):
            return parse_codeowners(path.read_text(encoding="utf-8", errors="replace"), rel)
    return CodeOwners(source=None)


def parse_codeowners(text: str, source: str) -> CodeOwners:
    rules: list[OwnerRule] = []
    errors: list[ErrorEntry] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        pattern, *owners = line.split()
        problem = _problem(pattern, owners)
        if problem is not None:
            msg = f"{source}:{number}: {problem}; line ignored"
            errors.append(ErrorEntry(kind="config", message=msg, file=source, line=number))
            continue
        rules.append(OwnerRule(number, pattern, tuple(owners), gitignore_regex(pattern)))
    return CodeOwners(source=source, rules=tuple(rules), errors=tuple(errors))


def _strip_comment(line: str) -> str:
    """Drop a `#` comment (an escaped `\\#` at the start of a pattern is literal)."""
    if line.lstrip().startswith("#"):
        return ""
    cut = re.search(r"\s#", line)
    return line[: cut.start()] if cut else line


def _problem(pattern: str, owners: list[str]) -> str | None:
    if pattern.startswith(_UNSUPPORTED) or "[" in pattern:
        return f"pattern {pattern!r} uses syntax CODEOWNERS does not support (negation or [ranges])"
    bad = [o for o in owners if not _OWNER_RE.match(o)]
    if bad:
        return f"invalid owner {bad[0]!r} (expected @user, @org/team or an email)"
    return None

