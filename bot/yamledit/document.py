"""Round-trip edit of one document of a multi-document YAML stream.

Only the target document is loaded with ruamel's round-trip loader, mutated and dumped with
the document's own indentation; the dump's changes are merged back line by line (see
`merge`) so untouched lines, other documents, comments and `---` lines stay byte-identical.
Every result is re-parsed and compared with the intended data before it is returned.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from bot.errors import InputError
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


def load_documents(text: str, name: str = "document") -> list[Any] | Refusal:
    """Plain values of every document, in `load_all` order (the inventory's `doc_index`)."""
    try:
        return load_yaml_all(text, name)
    except InputError as exc:
        return Refusal(TEMPLATED if "{{" in text or "{%" in text else str(exc))


def _target(text: str, index: int, docs: list[Any] | None) -> tuple[list[Chunk], int] | Refusal:
    if docs is None:
        loaded = load_documents(text)
        if isinstance(loaded, Refusal):
            return loaded
        docs = loaded
    chunks = split(text)
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


def _new_body(body: str, mutate: Mutator) -> str | Refusal:
    if "\r\n" in body:  # edit with LF, give the file its CRLF back
        result = _new_body(body.replace("\r\n", "\n"), mutate)
        return result.replace("\n", "\r\n") if isinstance(result, str) else result
    terminated = body if body.endswith("\n") else body + "\n"
    yaml = _round_trip(detect_indent(terminated))
    try:
        pristine = yaml.load(terminated)
        data = copy.deepcopy(pristine)
    except YAMLError as exc:
        return Refusal(f"document does not load for round-trip editing: {exc}")
    if not isinstance(data, CommentedMap):
        return Refusal("document is not a mapping")
    reason = mutate(data)
    if reason is not None:
        return Refusal(reason)
    normal, mutated = _dump(yaml, pristine), _dump(yaml, data)
    if normal == mutated:
        return body
    for strict, shift in ((False, True), (True, True), (True, False)):
        merged = merge(terminated, normal, mutated, shift=shift, strict=strict)
        if merged is not None and _loads_as(merged, data):  # plain values compare equal to ruamel's
            return merged if body.endswith("\n") else merged[:-1]
    return mutated


def _loads_as(text: str, wanted: Any) -> bool:
    try:
        return bool(load_yaml_text(text, "edited document") == wanted)
    except InputError:
        return False


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
    body = _new_body(chunks[position].body, mutate)
    if isinstance(body, Refusal) or body == chunks[position].body:
        return body if isinstance(body, Refusal) else text
    if any(split_marker(line) for line in body.splitlines()):
        return Refusal("the edit would introduce a document marker")
    chunks[position] = chunks[position].with_body(body)
    return join(chunks)


def append_document(text: str, data: CommentedMap) -> str | Refusal:
    """`text` plus a new `---` document rendered in the file's indentation style."""
    before = load_documents(text)
    if isinstance(before, Refusal):
        return before
    rendered = _dump(_round_trip(detect_indent(text)), data)
    separator = "" if not text or text.endswith("\n") else "\n"
    result = f"{text}{separator}---\n{rendered}"
    after = load_documents(result)
    if isinstance(after, Refusal) or after[: len(before)] != before or len(after) != len(before) + 1:
        return Refusal("appending a document would change the existing ones")
    return result
