"""Round-trip edits of one document: minimal diffs, other documents byte-identical, refusals."""

from __future__ import annotations

import difflib

from ruamel.yaml.comments import CommentedMap

from bot.yamledit import Refusal, append_document, edit_document
from bot.yamledit.k8s import child_map, containers, pod_spec

FIRST = "# config first\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  k: 'v'\n"
POD = """\
---   # the pod
apiVersion: v1
kind: Pod
metadata:
    name: p
spec:
    containers:
        - name: app   # main
          image: "nginx:1"
          args: [ "a", b ]
          # sidecar follows
        - name: side
          image: 'busybox'

    volumes: []
# trailing
"""


def _no_escalation(doc: CommentedMap) -> str | None:
    for container in containers(pod_spec(doc)):
        context = child_map(container, "securityContext")
        assert context is not None
        context["allowPrivilegeEscalation"] = False
    return None


def _changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return [line for line in diff if line.startswith(("- ", "+ "))]


def test_edit_touches_only_the_target_document_and_only_inserts() -> None:
    text = FIRST + POD
    result = edit_document(text, 1, _no_escalation)
    assert isinstance(result, str)
    assert result.startswith(FIRST + "---   # the pod\n")
    changed = _changed_lines(text, result)
    assert all(line.startswith("+ ") for line in changed), changed  # quoting/flow/comments untouched
    assert len(changed) == 4
    assert '          args: [ "a", b ]\n          securityContext:' in result  # above the sidecar comment
    assert result.endswith("    volumes: []\n# trailing\n")


def test_edit_is_idempotent_and_no_change_returns_the_same_text() -> None:
    once = edit_document(FIRST + POD, 1, _no_escalation)
    assert isinstance(once, str)
    assert edit_document(once, 1, _no_escalation) == once


def test_new_keys_follow_four_space_indentation() -> None:
    result = edit_document(POD, 0, _no_escalation)
    assert isinstance(result, str)
    assert "          securityContext:\n              allowPrivilegeEscalation: false\n" in result


def test_file_without_final_newline_keeps_it_that_way() -> None:
    text = "a: 1\nb:\n  c: 2"
    result = edit_document(text, 0, lambda doc: doc["b"].__setitem__("d", 3))
    assert result == "a: 1\nb:\n  c: 2\n  d: 3"


def test_helm_templates_are_refused() -> None:
    text = "kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec: {}\n"
    result = edit_document(text, 0, _no_escalation)
    assert isinstance(result, Refusal) and "templated" in result.reason


def test_aliases_are_refused_and_text_untouched() -> None:
    text = "base: &b {x: 1}\nother: *b\n"
    result = edit_document(text, 0, lambda doc: None)
    assert isinstance(result, Refusal) and "alias" in result.reason


def test_unparseable_yaml_is_refused() -> None:
    result = edit_document("a: [1, 2\n", 0, lambda doc: None)
    assert isinstance(result, Refusal)


def test_missing_document_and_non_mapping_are_refused() -> None:
    assert isinstance(edit_document("a: 1\n", 3, lambda doc: None), Refusal)
    assert isinstance(edit_document("- 1\n- 2\n", 0, lambda doc: None), Refusal)


def test_mutator_refusal_is_passed_through() -> None:
    result = edit_document("a: 1\n", 0, lambda doc: "not today")
    assert result == Refusal("not today")


def test_comment_after_a_deleted_block_is_kept() -> None:
    text = "c:\n  keep: 1\n  drop:\n  - x\n# about d\nd: 1\n"
    result = edit_document(text, 0, lambda doc: doc["c"].pop("drop") and None)
    assert result == "c:\n  keep: 1\n# about d\nd: 1\n"


def test_append_document_uses_the_file_style_and_keeps_the_rest() -> None:
    text = "a:\n    b:\n        - x\n"
    result = append_document(text, CommentedMap(kind="NetworkPolicy", spec=CommentedMap(egress=["y"])))
    assert result == text + "---\nkind: NetworkPolicy\nspec:\n    egress:\n        - y\n"


def test_crlf_files_keep_their_line_endings() -> None:
    text = "a: 1\r\nb:\r\n  c: 2\r\n"
    assert edit_document(text, 0, lambda doc: doc["b"].__setitem__("d", 3)) == "a: 1\r\nb:\r\n  c: 2\r\n  d: 3\r\n"


def test_insertion_never_lands_inside_a_block_scalar() -> None:
    text = "c:\n  args:\n  - |\n    echo hi\n    # script text, not a comment\nz: 1\n"
    result = edit_document(text, 0, lambda doc: doc["c"].__setitem__("ro", True))
    assert result == "c:\n  args:\n  - |\n    echo hi\n    # script text, not a comment\n  ro: true\nz: 1\n"


def test_new_sibling_follows_irregular_indentation_as_written() -> None:
    text = "metadata:\n  labels:\n     app: web\nspec:\n  drop:\n  - CHOWN\n  keep: [ a ]\n"
    result = edit_document(text, 0, lambda doc: doc["metadata"]["labels"].__setitem__("tier", "x"))
    assert result == "metadata:\n  labels:\n     app: web\n     tier: x\nspec:\n  drop:\n  - CHOWN\n  keep: [ a ]\n"
    result = edit_document(text, 0, lambda doc: doc["spec"]["drop"].append("NET_RAW"))
    assert result == "metadata:\n  labels:\n     app: web\nspec:\n  drop:\n  - CHOWN\n  - NET_RAW\n  keep: [ a ]\n"
