"""Inside `memoised()` edits and loads give exactly what they give without the memo."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.yamledit import Mutator, edit_document, load_documents
from bot.yamledit.memo import MAX_STREAMS, YamlMemo, memoised

STREAM = """\
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data:
  k: 'v'
---   # the app
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1
---
apiVersion: v1
kind: Service
metadata:
  name: s
"""


def _set(*path: str, value: object) -> Mutator:
    def mutate(doc: CommentedMap) -> str | None:
        node = doc
        for key in path[:-1]:
            node = node.setdefault(key, CommentedMap())
        node[path[-1]] = value
        return None

    return mutate


STEPS = (
    (1, _set("spec", "hostNetwork", value=False)),
    (1, _set("spec", "automountServiceAccountToken", value=False)),
    (0, _set("data", "k", value="w")),
    (2, _set("metadata", "labels", value=CommentedMap(app="web"))),
)


def _run_steps(text: str) -> list[object]:
    """What a planning run sees: the documents, then each edit on the evolving text."""
    seen: list[object] = [load_documents(text, "app.yaml")]
    for index, mutate in STEPS:
        result = edit_document(text, index, mutate)
        assert isinstance(result, str)
        text = result
        seen += [text, load_documents(text, "app.yaml")]
    return seen


def test_sequential_edits_and_loads_match_the_unmemoised_run() -> None:
    plain = _run_steps(STREAM)
    with memoised():
        cached = _run_steps(STREAM)
    assert cached == plain
    assert plain[-1] != plain[0]  # the edits did change the documents


def test_memoised_documents_are_copies_the_caller_may_change() -> None:
    with memoised():
        first = load_documents(STREAM)
        assert isinstance(first, list)
        first[1]["kind"] = "Changed"
        first.append({"extra": True})
        again = load_documents(STREAM)
    assert again == load_documents(STREAM)
    assert isinstance(again, list) and again[1]["kind"] == "Pod" and len(again) == 3


def test_a_yaml_directive_still_decides_how_the_edited_document_reads() -> None:
    text = "%YAML 1.1\n---\nenabled: yes\nspec: {}\n"
    mutate = _set("spec", "x", value=1)
    plain = edit_document(text, 0, mutate)
    assert isinstance(plain, str)
    with memoised():
        load_documents(text)
        cached = edit_document(text, 0, mutate)
        assert cached == plain
        assert load_documents(plain) == [{"enabled": True, "spec": {"x": 1}}]  # YAML 1.1 `yes`


def test_an_edited_stream_is_not_parsed_again() -> None:
    with memoised() as memo:
        load_documents(STREAM)
        result = edit_document(STREAM, 1, STEPS[0][1])
        assert isinstance(result, str)
        assert result in memo.documents  # derived from the edit, not re-parsed
        assert memo.documents[result] == load_documents(result)
    assert memo.documents[result] == load_documents(result)


def test_the_memo_keeps_only_the_most_recently_used_streams() -> None:
    memo = YamlMemo()
    for i in range(MAX_STREAMS):
        memo.put(f"s{i}", [i])
    assert memo.get("s0") == [0]  # used again: now the most recent
    memo.put("new", [])
    assert len(memo.documents) == MAX_STREAMS
    assert memo.get("s1") is None and memo.get("s0") == [0] and memo.get("new") == []
