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


Change = tuple[int, int, tuple[str, ...]]  # base lines [i1, i2) become these lines


def _changes(base: list[str], after: str | None) -> list[Change]:
    """What an edit changes, as base line ranges (only the span between the common prefix and
    suffix is diffed: one fix in a file of thousands of lines costs the lines it touches)."""
    new = _lines(after)
    top = min(len(base), len(new))
    lo = 0
    while lo < top and base[lo] == new[lo]:
        lo += 1
    hi = 0
    while hi < top - lo and base[len(base) - 1 - hi] == new[len(new) - 1 - hi]:
        hi += 1
    matcher = difflib.SequenceMatcher(None, base[lo : len(base) - hi], new[lo : len(new) - hi], autojunk=False)
    return [(lo + i1, lo + i2, tuple(new[lo + j1 : lo + j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


class ChangeSet:
    """Edits of one file made independently from the same base, combined when their line
    ranges are disjoint (a change several edits make alike, e.g. one variable default two
    fixes need, counts once)."""

    def __init__(self, path: str, before: str | None) -> None:
        self.path = path
        self.before = before
        self.base = _lines(before)
        self.changes: list[Change] = []
        self._known: set[Change] = set()

    def _combined(self, edit: FileEdit) -> list[Change] | None:
        fresh = [c for c in dict.fromkeys(_changes(self.base, edit.after)) if c not in self._known]
        combined = sorted(self.changes + fresh, key=lambda c: (c[0], c[1]))
        pos = 0
        for i1, i2, _ in combined:
            if i1 < pos:
                return None
            pos = i2
        return combined

    def add(self, edit: FileEdit) -> bool:
        """Take `edit` in if it changes no line another edit changed; False (nothing taken) if not."""
        combined = self._combined(edit)
        if combined is None:
            return False
        self.changes = combined
        self._known = set(combined)
        return True

    def edit(self) -> FileEdit:
        out: list[str] = []
        pos = 0
        for i1, i2, lines in self.changes:
            out += self.base[pos:i1] + list(lines)
            pos = i2
        return FileEdit(path=self.path, before=self.before, after="".join(out + self.base[pos:]))


def merge_edits(path: str, edits: Sequence[FileEdit]) -> FileEdit:
    """Combine edits of one file made independently from the same base (disjoint line ranges)."""
    merged = ChangeSet(path, edits[0].before)
    for edit in edits:
        if not merged.add(edit):
            raise RewriteError(f"{path}: two planned fixes change the same lines; plan them one at a time")
    return merged.edit()


def render_patch(assessments: Iterable[Assessment]) -> str:
    """One patch of every planned fix, applicable with `git apply` on a clean checkout. An edit
    that changes lines an earlier one changed is left out (the planner already reported such
    fixes `unfixed`, so this only guards the patch)."""
    plans: list[Plan] = [a.plan for a in assessments if a.plan is not None]
    by_path: dict[str, dict[FileEdit, None]] = defaultdict(dict)
    for plan in plans:
        for edit in plan.edits:
            by_path[edit.path].setdefault(edit, None)
    merged = [_merge_what_fits(path, list(edits)) for path, edits in by_path.items()]
    return plan_diff(sorted(merged, key=lambda e: e.path))


def _merge_what_fits(path: str, edits: Sequence[FileEdit]) -> FileEdit:
    if len(edits) == 1:
        return edits[0]
    merged = ChangeSet(path, edits[0].before)
    for edit in edits:
        merged.add(edit)
    return merged.edit()
