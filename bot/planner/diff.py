"""Unified diffs `git apply` accepts, one per plan and one for a whole set of plans."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from bot.errors import RewriteError
from bot.models.plan import FileEdit, Plan
from bot.models.report import Assessment

NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str | None) -> list[str]:
    """Lines as git sees them: split on "\n" only, each keeping its ending ("\r\n" stays whole).

    `str.splitlines` would also split on a lone CR, form feed or U+2028, which git does not.
    """
    if not text:
        return []
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def file_diff(edit: FileEdit) -> str:
    old = "/dev/null" if edit.before is None else f"a/{edit.path}"
    new = "/dev/null" if edit.after is None else f"b/{edit.path}"
    out: list[str] = []
    for line in difflib.unified_diff(_lines(edit.before), _lines(edit.after), old, new, n=3):
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
