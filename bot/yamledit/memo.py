"""What one planning run has already parsed, keyed by exact text (see `memoised`).

Planning runs one rewriter after another on the evolving text of a manifest, and every
resource of a file starts from the same text: without a memo each step re-parses the whole
stream. Inside `memoised()` (the planner opens one per `plan_findings` call), `bot.yamledit`
keeps the plain documents of each stream it loaded (handed out as copies), and of each stream
it produced by replacing one document's body — derived from the documents before the edit
plus the edited document's value as re-loaded from exactly the new body, only when no `%`
directive, alias or byte-order mark could make a document depend on its neighbours.

Outside a `memoised()` block nothing is kept and every call parses afresh.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

MAX_STREAMS = 1024  # least recently used streams are dropped past this (only a re-parse is lost)


@dataclass
class YamlMemo:
    """An LRU map filled from two sources (parses, and documents derived after an edit), so not a
    `functools.lru_cache` of one function; scoped to one planning run by `memoised()`."""

    documents: OrderedDict[str, list[Any]] = field(default_factory=OrderedDict)  # stream text -> documents

    def get(self, text: str) -> list[Any] | None:
        docs = self.documents.get(text)
        if docs is not None:
            self.documents.move_to_end(text)  # most recently used last
        return docs

    def put(self, text: str, docs: list[Any]) -> None:
        self.documents[text] = docs
        self.documents.move_to_end(text)
        while len(self.documents) > MAX_STREAMS:
            self.documents.popitem(last=False)


_CURRENT: ContextVar[YamlMemo | None] = ContextVar("fixbot_yamledit_memo", default=None)


@contextmanager
def memoised() -> Iterator[YamlMemo]:
    """Share parse results between the yamledit calls made inside the block (this context only)."""
    memo = YamlMemo()
    token = _CURRENT.set(memo)
    try:
        yield memo
    finally:
        _CURRENT.reset(token)


def current() -> YamlMemo | None:
    return _CURRENT.get()
