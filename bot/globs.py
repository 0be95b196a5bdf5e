"""Path patterns over repo-relative `/` paths, compiled by pathspec (gitignore rules).

`regex.match(path)` succeeds when `path` is matched or lies under a matched directory; the match
then ends before the end of `path` (pathspec's directory group). `None`: the pattern matches
nothing (empty, a comment).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern


@lru_cache(maxsize=1024)
def gitignore_regex(pattern: str) -> re.Pattern[str] | None:
    """The regex of one gitignore-style pattern (`**`, `*`, `?`, leading or inner `/` anchors)."""
    regex = GitIgnoreSpecPattern(pattern).regex
    return regex if isinstance(regex, re.Pattern) else None


def matches(pattern: str, path: str, *, recursive: bool = True) -> bool:
    """Whether `pattern` matches `path`; `recursive=False`: `path` itself, not what lies below it."""
    regex = gitignore_regex(pattern)
    found = regex.match(path) if regex is not None else None
    return found is not None and (recursive or found.end() == len(path))
