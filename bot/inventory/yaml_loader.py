"""The manifest loader: ruamel.yaml's safe loader, YAML 1.2, duplicate keys tolerated — made cheap.

`YAML(typ="safe").load_all` builds a loader class, a resolver table and a constructor per
call, and constructs every node through generic machinery (tag lookups, recursion memos,
deferred generators). The inventory loads one small document per `---` chunk, so that
overhead dominated. Here the class and the YAML 1.2 table are built once, and documents
made only of plain maps, sequences and core scalars (str, int, float, bool, null) — all a
Kubernetes manifest normally holds — are converted directly, with ruamel's own scalar
constructors. Anything else (anchors and aliases, merge keys, timestamps, binary, custom
tags, complex keys, or any error) goes through ruamel's constructor unchanged, so values
and error messages are exactly what `YAML(typ="safe")` gives.
"""

from __future__ import annotations

from io import StringIO
from types import MappingProxyType
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver, implicit_resolvers
from ruamel.yaml.tag import Tag

try:
    from ruamel.yaml.cyaml import CParser
except ImportError:  # pragma: no cover - without ruamel.yaml.clib: ruamel's own (pure-Python) load
    CParser = None

_CORE = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _CORE + "str", _CORE + "map", _CORE + "seq"
_SCALARS = frozenset({_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"})


def _yaml12_table() -> MappingProxyType[str | None, tuple[tuple[Tag, Any], ...]]:
    """ruamel's YAML 1.2 implicit resolvers by first character, as it builds them per load.

    Each resolved tag is one shared `Tag` (as ruamel shares its default tags) instead of a new
    one per scalar.
    """
    tags: dict[str, Tag] = {}
    table: dict[str | None, list[tuple[Tag, Any]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            keys: tuple[str | None, ...] = tuple(first) if first is not None else (None,)
            for ch in keys:
                table.setdefault(ch, []).append((tags.setdefault(tag, Tag(suffix=tag)), regexp))
    return MappingProxyType({ch: tuple(rules) for ch, rules in table.items()})


class _Yaml12Resolver(VersionedResolver):
    """YAML 1.2 resolution from a table built once.

    ruamel rebuilds its table for every load and looks the version up for every scalar
    (~40% of load time). Manifests do not carry `%YAML` directives; every document is read
    as YAML 1.2.
    """

    _TABLE = _yaml12_table()
    # The shared tags `resolve` hands out, by identity (they live as long as the class).
    TAG_NAMES = MappingProxyType({
        id(tag): str(tag)
        for tag in (VersionedResolver.DEFAULT_SCALAR_TAG, VersionedResolver.DEFAULT_SEQUENCE_TAG,
                    VersionedResolver.DEFAULT_MAPPING_TAG, *(t for rules in _TABLE.values() for t, _ in rules))
    })

    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)

    # The tag of each plain scalar seen so far (the table is fixed, so it depends on the text
    # only); `_CLoader` shares one per `_ManifestYAML` across documents.
    plain_tags: dict[str, Tag] | None = None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if kind is ScalarNode:
            if implicit[0]:
                memo = self.plain_tags
                found = memo.get(value) if memo is not None else None
                if found is None:
                    found = self._plain_tag(value)
                    if memo is not None:
                        memo[value] = found
                return found
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)

    def _plain_tag(self, value: str) -> Tag:
        rules = self._TABLE.get(value[0] if value else "", ()) + self._TABLE.get(None, ())
        for tag, regexp in rules:
            if regexp.match(value):
                return tag
        return self.DEFAULT_SCALAR_TAG


class _NotPlain(Exception):
    """The document needs ruamel's full constructor."""


def _plain(loader: SafeConstructor, node: Any, seen: set[int]) -> Any:
    """A node of plain maps, sequences and core scalars as Python values; `_NotPlain` otherwise."""
    if id(node) in seen or node.anchor is not None:
        raise _NotPlain  # an alias shares the node: ruamel's memo keeps the identity
    seen.add(id(node))
    kind = type(node)
    tag = _Yaml12Resolver.TAG_NAMES.get(id(node.ctag)) or node.tag
    if kind is ScalarNode:
        if tag == _STR:
            return node.value
        if tag in _SCALARS:
            return loader.yaml_constructors[tag](loader, node)
    elif kind is SequenceNode and tag == _SEQ:
        return [_plain(loader, child, seen) for child in node.value]
    elif kind is MappingNode and tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise _NotPlain  # a complex key (a `<<` merge key is a scalar with the merge tag)
            key = _plain(loader, key_node, seen)
            value = _plain(loader, value_node, seen)
            if key not in mapping:  # a duplicate key keeps the first value, as ruamel does
                mapping[key] = value
        return mapping
    raise _NotPlain


if CParser is not None:

    class _CLoader(CParser, SafeConstructor, _Yaml12Resolver):
        """What `YAML(typ="safe").load_all` builds on every call, built once."""

        def __init__(self, stream: StringIO, plain_tags: dict[str, Tag]) -> None:
            CParser.__init__(self, stream)
            self.plain_tags = plain_tags
            self._parser = self._composer = self
            SafeConstructor.__init__(self, loader=self)
            self.allow_duplicate_keys = True
            _Yaml12Resolver.__init__(self, version=None, loadumper=self)

        def get_data(self) -> Any:
            if not self.check_node():
                return None
            node = self.get_node()
            try:
                return _plain(self, node, set())
            except Exception:  # anything unusual: ruamel's constructor decides (and raises)
                return self.construct_document(node)


class _ManifestYAML(YAML):
    """The safe loader with a cheaper `load_all` on the C parser (same documents, same errors)."""

    def load_all(self, stream: Any) -> Any:
        if CParser is None or not isinstance(stream, StringIO) or not self._fast_path():
            yield from super().load_all(stream)
            return
        loader = _CLoader(stream, self._plain_tags)
        try:
            while loader.check_data():
                yield loader.get_data()
        finally:
            loader.dispose()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._plain_tags: dict[str, Tag] = {}  # resolved plain scalars, shared by this loader's loads

    def _fast_path(self) -> bool:
        """Still configured as `new_loader()` left it (what `_CLoader` hard-wires)."""
        return self.allow_duplicate_keys is True and self.Resolver is _Yaml12Resolver and self.version is None


def new_loader() -> YAML:
    """Safe loader (C parser when `ruamel.yaml.clib` is installed); a duplicate key does not
    void the file (ruamel keeps the first value)."""
    loader = _ManifestYAML(typ="safe")
    loader.Resolver = _Yaml12Resolver
    loader.allow_duplicate_keys = True
    return loader
