"""Round-trip edit of one document of a multi-document YAML stream.

Only the target document is loaded with ruamel's round-trip loader, mutated and dumped with
the document's own indentation; the dump's changes are merged back line by line (see
`merge`) so untouched lines, other documents, comments and `---` lines stay byte-identical.
Every result is re-parsed and compared with the intended data before it is returned.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from bot.errors import InputError
from bot.yamledit.memo import current
from bot.yamledit.merge import merge
from bot.yamledit.stream import Chunk, document_positions, join, split, split_marker
from bot.yamledit.style import Indent, detect_indent
from bot.yamlsafe import load_yaml_all, load_yaml_text

WIDTH = 1 << 30  # never fold long lines

TEMPLATED = "document is templated (Helm/Jinja `{{ }}`); fix the template source instead"
# Returns None when done, or the reason the change cannot be made.
Mutator = Callable[[CommentedMap], str | None]


@dataclass(frozen=True)
class Refusal:
    """Why a document was left alone; shown to users as an `unfixed` reason."""

    reason: str


def _round_trip(indent: Indent) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=indent.mapping, sequence=indent.sequence, offset=indent.offset)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _has_alias(body: str) -> bool:
    if "*" not in body:  # every alias is spelled `*name`
        return False
    yaml = YAML(typ="safe", pure=True)
    return any(type(event).__name__ == "AliasEvent" for event in yaml.parse(StringIO(body)))


_IMMUTABLE = (str, int, float, bool, bytes, type(None), datetime.date)


def _plain_copy(value: Any) -> Any:
    """A deep copy of safe-loaded YAML (dicts, lists, scalars), several times faster than deepcopy."""
    if isinstance(value, _IMMUTABLE):
        return value
    if type(value) is dict:
        return {k: _plain_copy(v) for k, v in value.items()}
    if type(value) is list:
        return [_plain_copy(v) for v in value]
    return copy.deepcopy(value)


def load_documents(text: str, name: str = "document") -> list[Any] | Refusal:
    """Plain values of every document, in `load_all` order (the inventory's `doc_index`)."""
    memo = current()
    known = memo.get(text) if memo is not None else None
    if known is not None:
        return _plain_copy(known)
    try:
        docs = load_yaml_all(text, name)
    except InputError as exc:
        return Refusal(TEMPLATED if "{{" in text or "{%" in text else str(exc))
    if memo is not None:
        memo.put(text, docs)
        return _plain_copy(docs)
    return docs


def _split(text: str) -> list[Chunk]:
    """`split(text)`, remembered for the texts of this planning run (see `memo`)."""
    memo = current()
    known = memo.split(text) if memo is not None else None
    if known is None:
        known = tuple(split(text))
        if memo is not None:
            memo.put_split(text, known)
    return list(known)


def _target(text: str, index: int, docs: list[Any] | None) -> tuple[list[Chunk], int] | Refusal:
    if docs is None:
        loaded = load_documents(text)
        if isinstance(loaded, Refusal):
            return loaded
        docs = loaded
    chunks = _split(text)
    positions = document_positions(chunks)
    if len(positions) != len(docs):
        return Refusal("cannot locate document boundaries in this YAML stream reliably")
    if not 0 <= index < len(docs):
        return Refusal(f"document {index} not found (the file has {len(docs)})")
    chunk = chunks[positions[index]]
    if "{{" in chunk.text or "{%" in chunk.text:
        return Refusal(TEMPLATED)
    if chunk.inline_content:
        return Refusal("document content starts on its `---` line; not edited automatically")
    if _has_alias(chunk.body):
        return Refusal("document uses YAML anchors/aliases; editing would have to expand them")
    return chunks, positions[index]


_UNVERIFIED = object()  # no plain value of the new body was checked (see `_edit_body`)


def _new_body(body: str, mutate: Mutator) -> str | Refusal:
    return _edit_body(body, mutate)[0]


def _edit_body(body: str, mutate: Mutator) -> tuple[str | Refusal, Any]:
    """The new body, and its plain value when exactly that text was re-loaded and checked."""
    if "\r\n" in body:  # edit with LF, give the file its CRLF back
        result = _new_body(body.replace("\r\n", "\n"), mutate)
        return (result.replace("\n", "\r\n") if isinstance(result, str) else result), _UNVERIFIED
    terminated = body if body.endswith("\n") else body + "\n"
    yaml = _round_trip(detect_indent(terminated))
    try:
        pristine = yaml.load(terminated)
        data = copy.deepcopy(pristine)
    except YAMLError as exc:
        return Refusal(f"document does not load for round-trip editing: {exc}"), _UNVERIFIED
    if not isinstance(data, CommentedMap):
        return Refusal("document is not a mapping"), _UNVERIFIED
    reason = mutate(data)
    if reason is not None:
        return Refusal(reason), _UNVERIFIED
    normal, mutated = _dump(yaml, pristine), _dump(yaml, data)
    if normal == mutated:
        return body, _UNVERIFIED
    for strict, shift in ((False, True), (True, True), (True, False)):
        merged = merge(terminated, normal, mutated, shift=shift, strict=strict)
        value = _load_plain(merged) if merged is not None else _UNVERIFIED
        if merged is not None and value is not _UNVERIFIED and bool(value == data):  # plain == ruamel's
            return (merged, value) if body.endswith("\n") else (merged[:-1], _UNVERIFIED)
    return mutated, _UNVERIFIED


def _load_plain(text: str) -> Any:
    try:
        return load_yaml_text(text, "edited document")
    except InputError:
        return _UNVERIFIED


def _remember_edit(before: str, index: int, after: str, body: str, value: Any) -> None:
    """Documents of `after` (= `before` with document `index` now `body`) for the memo.

    Only when every document of the stream parses alone as it does in it: no `%` directive
    (a `%YAML 1.1` changes how the next document reads), no byte-order mark, no alias in the
    new body (the stream's alias count stays what was checked).
    """
    memo = current()
    docs = memo.get(before) if memo is not None else None
    if memo is None or docs is None or value is _UNVERIFIED or "*" in body:
        return
    if after.startswith("%") or "\n%" in after or "\r%" in after or "\ufeff" in after:
        return
    if memo.get(after) is None:
        new = list(docs)
        new[index] = value
        memo.put(after, new)


def edit_document(text: str, index: int, mutate: Mutator, docs: list[Any] | None = None) -> str | Refusal:
    """`text` with document `index` changed by `mutate`; `text` itself when nothing changed.

    `docs`: the `load_documents(text)` result when the caller has it already. Only the target
    document's body is replaced (it was re-parsed and compared with the intended data); every
    other byte stays, so the other documents cannot change as long as no document marker
    appears in the new body.
    """
    target = _target(text, index, docs)
    if isinstance(target, Refusal):
        return target
    chunks, position = target
    body, value = _edit_body(chunks[position].body, mutate)
    if isinstance(body, Refusal) or body == chunks[position].body:
        return body if isinstance(body, Refusal) else text
    if any(split_marker(line) for line in body.splitlines()):
        return Refusal("the edit would introduce a document marker")
    chunks[position] = chunks[position].with_body(body)
    result = join(chunks)
    memo = current()
    if memo is not None:
        memo.put_split(result, tuple(chunks))  # the new body holds no marker: same boundaries
    if chunks[position].is_document:
        _remember_edit(text, index, result, body, value)
    return result


def _standalone(text: str) -> bool:
    """No `%` directive and no byte-order mark: every document of `text` reads as it would alone."""
    return not (text.startswith("%") or "\n%" in text or "\r%" in text or "\ufeff" in text)


def _appended(before: list[Any], text: str, separator: str, rendered: str) -> list[Any] | Refusal:
    """The documents of `text + separator + "---\n" + rendered` without re-reading `text`.

    `text` loaded whole (every flow, quote and block closed at its end) and has no directive,
    so a `---` line at column 0 after it starts exactly one new document: only that one is read.
    """
    if not _standalone(text):
        after = load_documents(f"{text}{separator}---\n{rendered}")
        return after
    new = load_documents(f"---\n{rendered}")
    return new if isinstance(new, Refusal) else [*before, *new]


def append_document(text: str, data: CommentedMap) -> str | Refusal:
    """`text` plus a new `---` document rendered in the file's indentation style."""
    before = load_documents(text)
    if isinstance(before, Refusal):
        return before
    rendered = _dump(_round_trip(detect_indent(text)), data)
    separator = "" if not text or text.endswith("\n") else "\n"
    result = f"{text}{separator}---\n{rendered}"
    after = _appended(before, text, separator, rendered)
    if isinstance(after, Refusal) or after[: len(before)] != before or len(after) != len(before) + 1:
        return Refusal("appending a document would change the existing ones")
    memo = current()
    if memo is not None and memo.get(result) is None:
        memo.put(result, after)
    return result
