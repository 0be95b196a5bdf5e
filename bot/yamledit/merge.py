"""Three-way line merge: carry a round-trip dump's changes back onto the original text.

`original` is the text as written, `normal` is ruamel's dump of it unchanged and `mutated`
is the dump after the edit. The lines that differ between `normal` and `mutated` are the
edit; they are spliced into `original`, so lines the edit did not touch keep their exact
bytes even where ruamel would have re-rendered them (flow spacing, quoting, blank lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Hunk:
    o1: int  # replace original[o1:o2] ...
    o2: int
    lines: tuple[str, ...]  # ... by these lines

    @property
    def insert_only(self) -> bool:
        return self.o1 == self.o2


class _Alignment:
    """Maps `normal` lines that ruamel rendered exactly as written back to `original` lines."""

    def __init__(self, original: list[str], normal: list[str]) -> None:
        matcher = SequenceMatcher(None, original, normal, autojunk=False)
        self.line = {b.b + i: b.a + i for b in matcher.get_matching_blocks() for i in range(b.size)}
        self.n_len, self.o_len = len(normal), len(original)
        # re-rendered lines with a one-to-one counterpart (e.g. only their indentation changed)
        self.counterpart = {
            j1 + i: i1 + i
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag == "replace" and i2 - i1 == j2 - j1
            for i in range(i2 - i1)
        }

    def left(self, k: int, strict: bool) -> int | None:
        """Original position just after normal line k-1, if that line is untouched."""
        if k == 0:
            return 0
        if k - 1 in self.line:
            return self.line[k - 1] + 1
        return None if strict else self.line.get(k)

    def right(self, k: int, strict: bool) -> int | None:
        """Original position of normal line k, if that line is untouched."""
        if k == self.n_len:
            return self.o_len
        if k in self.line:
            return self.line[k]
        return None if strict or k == 0 or k - 1 not in self.line else self.line[k - 1] + 1


def _hunks(original: list[str], normal: list[str], mutated: list[str], strict: bool) -> list[Hunk] | None:
    """Original ranges and their replacement.

    `strict`: a change next to a line ruamel re-rendered takes that line in, so the changed
    block is rendered consistently (e.g. a list whose indentation style ruamel normalised).
    """
    align = _Alignment(original, normal)
    hunks: list[Hunk] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, normal, mutated, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        while align.left(i1, strict) is None:
            i1, j1 = i1 - 1, j1 - 1
        while align.right(i2, strict) is None:
            i2, j2 = i2 + 1, j2 + 1
        o1, o2 = align.left(i1, strict), align.right(i2, strict)
        assert o1 is not None and o2 is not None
        lines = tuple(mutated[j1:j2])
        if i1 == i2 and not strict and i1 - 1 in align.counterpart:
            o1, lines = _after_sibling(original, normal, align.counterpart[i1 - 1], i1 - 1, lines)
        if i1 == i2:
            o2 = o1  # pure insertion: lines ruamel dropped (comments, blanks) stay after it
        if hunks and o1 < hunks[-1].o2:  # widened into the previous hunk
            return None
        hunks.append(_keep_trailing_comments(original, Hunk(o1, o2, lines)))
    return hunks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _after_sibling(
    original: list[str], normal: list[str], o_line: int, n_line: int, lines: tuple[str, ...]
) -> tuple[int, tuple[str, ...]]:
    """Insert after a sibling ruamel re-indented, at the sibling's indentation as written."""
    delta = _indent(original[o_line]) - _indent(normal[n_line])
    sibling = lines and _indent(lines[0]) == _indent(normal[n_line])
    if not sibling or lines[0].lstrip().startswith("- ") != normal[n_line].lstrip().startswith("- "):
        return o_line + 1, lines
    if -delta > min(map(_indent, lines)):
        return o_line + 1, lines
    shifted = tuple(" " * (_indent(ln) + delta) + ln.lstrip(" ") if ln.strip() else ln for ln in lines)
    return o_line + 1, shifted


def _keep_trailing_comments(original: list[str], hunk: Hunk) -> Hunk:
    """Comment/blank lines ending a replaced range belong to what follows: keep them."""
    end = hunk.o2
    while end > hunk.o1 and _is_filler(original[end - 1]):
        end -= 1
    kept = original[end : hunk.o2]
    if not kept or list(hunk.lines[len(hunk.lines) - len(kept) :]) == kept:
        return hunk
    return Hunk(hunk.o1, end, hunk.lines)


def _is_filler(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _shift_up(original: list[str], hunk: Hunk, floor: int) -> Hunk:
    """Place an inserted block above the comments / blank lines that precede the next line."""
    if not hunk.insert_only:
        return hunk
    position = hunk.o1
    while position > floor and _is_filler(original[position - 1]):
        position -= 1
    if position == 0:  # only comments above: keep the block where the dump put it
        return hunk
    return Hunk(position, position, hunk.lines)


def merge(original: str, normal: str, mutated: str, shift: bool = True, strict: bool = True) -> str | None:
    """`original` with the `normal`→`mutated` changes applied, or None if they cannot map."""
    o_lines = original.splitlines(keepends=True)
    n_lines = normal.splitlines(keepends=True)
    m_lines = mutated.splitlines(keepends=True)
    hunks = _hunks(o_lines, n_lines, m_lines, strict)
    if hunks is None:
        return None
    out: list[str] = []
    cursor = 0
    for hunk in hunks:
        placed = _shift_up(o_lines, hunk, cursor) if shift else hunk
        out.extend(o_lines[cursor : placed.o1])
        out.extend(placed.lines)
        out.extend(o_lines[placed.o1 : hunk.o1])
        cursor = hunk.o2
    out.extend(o_lines[cursor:])
    return "".join(out)
