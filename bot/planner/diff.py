"""Unified diffs `git apply` accepts, one per plan and one for a whole set of plans."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bot.errors import RewriteError
from bot.models.plan import FileEdit, Plan
from bot.models.report import Assessment

NO_NEWLINE = "\\ No newline at end of file\n"
_HUNK = re.compile(r"@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@\n")


def _lines(text: str | None) -> list[str]:
    """Lines as git sees them: split on "\n" only, each keeping its ending ("\r\n" stays whole).

    `str.splitlines` would also split on a lone CR, form feed or U+2028, which git does not.
    """
    if not text:
        return []
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def _hunks(a: list[str], b: list[str], old: str, new: str) -> Iterable[str]:
    """`difflib.unified_diff` over the lines between the common head and tail only (the diff of
    one fix in a big file costs what the fix changed); hunk line numbers shifted back."""
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    skip, keep = max(head - 3, 0), max(tail - 3, 0)
    for line in difflib.unified_diff(a[skip : len(a) - keep], b[skip : len(b) - keep], old, new, n=3):
        match = _HUNK.match(line) if skip else None
        if match is None:
            yield line
            continue
        a1, a2, b1, b2 = match.groups()
        yield f"@@ -{int(a1) + skip}{a2 or ''} +{int(b1) + skip}{b2 or ''} @@\n"


def file_diff(edit: FileEdit) -> str:
    old = "/dev/null" if edit.before is None else f"a/{edit.path}"
    new = "/dev/null" if edit.after is None else f"b/{edit.path}"
    out: list[str] = []
    for line in _hunks(_lines(edit.before), _lines(edit.after), old, new):
        out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    if not out:
        return ""
    return f"diff --git a/{edit.path} b/{edit.path}\n" + "".join(out)


def plan_diff(edits: Iterable[FileEdit]) -> str:
    return "".join(file_diff(e) for e in edits)


def merge_edits(path: str, edits: Sequence[FileEdit]) -> FileEdit:
    """Combine edits of one file made independently from the same base (disjoint line ranges)."""
    base = _lines(edits[0].before)
    changes: list[tuple[int, int, list[str]]] = []
    for edit in edits:
        new = _lines(edit.after)
        matcher = difflib.SequenceMatcher(None, base, new, autojunk=False)
        changes += [(i1, i2, new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    out: list[str] = []
    pos = 0
    for i1, i2, lines in sorted(changes, key=lambda c: (c[0], c[1])):
        if i1 < pos:
            raise RewriteError(f"{path}: two planned fixes change the same lines; plan them one at a time")
        out += base[pos:i1] + lines
        pos = i2
    return FileEdit(path=path, before=edits[0].before, after="".join(out + base[pos:]))


def render_patch(assessments: Iterable[Assessment]) -> str:
    """One patch of every planned fix, applicable with `git apply` on a clean checkout."""
    plans: list[Plan] = [a.plan for a in assessments if a.plan is not None]
    by_path: dict[str, list[FileEdit]] = defaultdict(list)
    for plan in plans:
        for edit in plan.edits:
            if edit not in by_path[edit.path]:
                by_path[edit.path].append(edit)
    merged = [edits[0] if len(edits) == 1 else merge_edits(path, edits) for path, edits in by_path.items()]
    return plan_diff(sorted(merged, key=lambda e: e.path))
