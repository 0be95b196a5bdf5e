"""Kubernetes manifests → one resource per object, addressed `Kind.namespace.name` like checkov.

Documents are split on `---` lines first (cheap and exact line/byte spans), then each is
loaded with ruamel.yaml's safe loader (its C parser when `ruamel.yaml.clib` is installed).
Only `kind: List` documents go through the round-trip loader, for their items' lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.errors import InputError
from bot.inventory.yaml_loader import new_loader
from bot.models.common import ErrorEntry, LineSpan
from bot.models.resource import IacKind, Resource
from bot.yamlsafe import check_aliases

_API_RE = re.compile(r"^apiVersion\s*:", re.M)
_KIND_RE = re.compile(r"^kind\s*:", re.M)
_HELM_RE = re.compile(r"\{\{-?\s")
_SEPARATOR_RE = re.compile(r"^---(?:[ \t\r]|$)")
MAX_EXPANDED_NODES = 200_000  # far beyond any real manifest; a billion-laughs document exceeds it


def looks_like_kubernetes(text: str) -> bool:
    """Cheap content test: some document has top-level `apiVersion:` and `kind:` keys."""
    return _API_RE.search(text) is not None and _KIND_RE.search(text) is not None


def is_helm_template(text: str) -> bool:
    return "{{" in text and _HELM_RE.search(text) is not None


@dataclass
class ManifestFile:
    resources: list[Resource] = field(default_factory=list)
    errors: list[ErrorEntry] = field(default_factory=list)


@dataclass(frozen=True)
class _Doc:
    first: int  # 0-based index of the chunk's first line in the file
    lines: list[str]


def parse_manifests(text: str, rel_path: str, loader: YAML | None = None) -> ManifestFile:
    """Every Kubernetes object of a (multi-document) YAML file, or the error that stopped it."""
    refused = _refusal(text, rel_path)
    if refused is not None:
        return ManifestFile(errors=[refused])
    loader = loader or new_loader()
    lines = text.split("\n")
    offsets = _byte_offsets(lines, text.isascii())
    out = ManifestFile()
    doc_index = 0
    for doc in _split(lines):
        try:
            values = list(loader.load_all(StringIO("\n".join(doc.lines))))
        except YAMLError as exc:
            return ManifestFile(errors=[_parse_error(exc, rel_path, doc)])
        if "*" in text and any(_expanded_size(v, {}) > MAX_EXPANDED_NODES for v in values):
            msg = f"{rel_path}: YAML aliases expand to over {MAX_EXPANDED_NODES} nodes; refusing (alias bomb)"
            return ManifestFile(errors=[ErrorEntry(kind="parse", message=msg, file=rel_path, line=doc.first + 1)])
        for value in values:
            out.resources.extend(_objects(value, doc, doc_index, rel_path, offsets))
            doc_index += 1
    return out


def _refusal(text: str, rel_path: str) -> ErrorEntry | None:
    """Helm templating and alias-count bombs are refused before any YAML is loaded."""
    if is_helm_template(text):
        msg = f"{rel_path}: Helm/Go templating ({{{{ ... }}}}) — not parsed as a Kubernetes manifest"
        return ErrorEntry(kind="templated", message=msg, file=rel_path)
    try:
        check_aliases(text, rel_path)
    except InputError as exc:
        return ErrorEntry(kind="parse", message=str(exc), file=rel_path)
    return None


def _expanded_size(value: Any, seen: dict[int, int]) -> int:
    """Node count once aliases are expanded; linear in the distinct nodes (memoised by identity)."""
    if not isinstance(value, dict | list):
        return 1
    key = id(value)
    if key not in seen:
        seen[key] = 1  # a self-referencing alias counts once instead of recursing forever
        items = value.values() if isinstance(value, dict) else value
        seen[key] = 1 + sum(_expanded_size(v, seen) for v in items)
    return seen[key]


def _byte_offsets(lines: list[str], ascii_only: bool) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + (len(line) if ascii_only else len(line.encode("utf-8"))) + 1)
    return offsets


def _split(lines: list[str]) -> list[_Doc]:
    """Chunks starting at each `---` line; a leading directives/comments-only chunk joins the next."""
    starts = [0] + [i for i, ln in enumerate(lines) if i and _SEPARATOR_RE.match(ln)]
    docs = [_Doc(s, lines[s:e]) for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)]
    if len(docs) > 1 and all(not ln.strip() or ln.lstrip()[0] in "#%" for ln in docs[0].lines):
        docs = [_Doc(0, docs[0].lines + docs[1].lines), *docs[2:]]
    return docs


def _parse_error(exc: YAMLError, rel_path: str, doc: _Doc) -> ErrorEntry:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = doc.first + mark.line + 1 if mark is not None else doc.first + 1
    span = _content_span(doc)
    if span is not None:
        line = min(line, span[1] + 1)  # "end of stream" errors point past the last line
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    msg = f"{rel_path}:{line}: malformed YAML ({problem}); the file's objects are not inventoried"
    return ErrorEntry(kind="parse", message=msg, file=rel_path, line=line)


def _content_span(doc: _Doc) -> tuple[int, int] | None:
    """0-based first/last lines holding content (no separator, blank or comment-only lines)."""
    content = [
        i
        for i, ln in enumerate(doc.lines)
        if ln.strip() and not ln.lstrip().startswith("#") and not (i == 0 and ln.rstrip() == "---")
    ]
    if not content:
        return None
    return doc.first + content[0], doc.first + content[-1]


def _objects(value: Any, doc: _Doc, doc_index: int, rel_path: str, offsets: list[int]) -> list[Resource]:
    if not _is_object(value):
        return []
    span = _content_span(doc)
    if span is None:
        return []
    if value.get("kind") == "List" and isinstance(value.get("items"), list):
        return _list_items(value["items"], doc, doc_index, rel_path, offsets)
    resource = _resource(value, span, doc_index, rel_path, offsets)
    return [resource] if resource is not None else []


def _is_object(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("kind"), str)
        and "apiVersion" in value
        and (isinstance(value.get("metadata"), dict) or value.get("kind") == "List")
    )


def _list_items(
    items: list[Any], doc: _Doc, doc_index: int, rel_path: str, offsets: list[int]
) -> list[Resource]:
    """Items of a `kind: List` document, each with its own line span (round-trip positions)."""
    tree = YAML(typ="rt").load("\n".join(doc.lines))
    seq = tree.get("items") if hasattr(tree, "get") else None
    out: list[Resource] = []
    span = _content_span(doc) or (doc.first, doc.first)
    for i, item in enumerate(items):
        if not _is_object(item) or seq is None:
            continue
        start = doc.first + seq.lc.item(i)[0]
        end = doc.first + seq.lc.item(i + 1)[0] - 1 if i + 1 < len(items) else span[1]
        end = _last_content_line(doc, start, end)
        resource = _resource(item, (start, end), doc_index, rel_path, offsets)
        if resource is not None:
            out.append(resource)
    return out


def _last_content_line(doc: _Doc, start: int, end: int) -> int:
    while end > start:
        ln = doc.lines[end - doc.first].strip()
        if ln and not ln.startswith("#"):
            break
        end -= 1
    return end


def k8s_address(obj: dict[str, Any]) -> str | None:
    """The resource id checkov gives an object (`checkov.kubernetes.kubernetes_utils.get_resource_id`)."""
    kind = obj.get("kind")
    metadata = obj.get("metadata") or {}
    namespace = metadata.get("namespace", "default")
    name = metadata.get("name")
    if name:
        return f"{kind}.{namespace}.{name}"
    labels = metadata.get("labels")
    if isinstance(labels, dict) and labels:
        return f"{kind}.{namespace}." + ".".join(f"{k}-{v}" for k, v in labels.items())
    return None


def _resource(
    obj: dict[str, Any], span: tuple[int, int], doc_index: int, rel_path: str, offsets: list[int]
) -> Resource | None:
    address = k8s_address(obj)
    if address is None:
        return None
    metadata = obj["metadata"]
    namespace = metadata.get("namespace")
    return Resource(
        address=address,
        kind=IacKind.kubernetes,
        type=str(obj["kind"]),
        name=str(metadata.get("name") or address.split(".", 2)[2]),
        file=rel_path,
        line=LineSpan(start=span[0] + 1, end=span[1] + 1),
        byte_start=offsets[span[0]],
        byte_end=offsets[span[1] + 1] - 1,
        doc_index=doc_index,
        namespace=str(namespace) if namespace is not None else "default",
        attributes=obj,
        tags=_strings(metadata.get("labels")),
        annotations=_strings(metadata.get("annotations")),
    )


def _strings(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in value.items()}
