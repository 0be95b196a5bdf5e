"""Property-based: random valid Terraform and Kubernetes files never crash the scan or the planner.

Shapes: nested maps and lists, `#`, `//` and `/* */` comments, heredocs, unicode strings, CRLF
or LF line endings, with or without a UTF-8 BOM. For every generated repository:
- scan and plan finish without an exception and report no error for these valid files;
- every rewritten file parses and keeps the file's line endings and BOM;
- applying the plan and planning again changes nothing (plan twice is a no-op).
Bounded by the `ci` Hypothesis profile (tests/conftest.py): derandomized, fixed example counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.hcledit import syntax_problem
from bot.models.plan import FileEdit
from bot.planner import plan_findings
from bot.planner.diff import merge_edits
from bot.scan_stages import ScanRequest, scan
from bot.sourcetext import BOM, decode_source
from bot.yamlsafe import load_yaml_all

EXAMPLES = max(1, settings.default.max_examples * 2 // 5)  # ci: 24
TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs"), exclude_characters="\u2028\u2029\x85"),
               max_size=12)
NAME = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)
S3_RULES = ("CKV_AWS_20", "CKV_AWS_21", "CKV2_AWS_6")
K8S_RULES = ("CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_22", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_43")


@dataclass(frozen=True)
class Layout:
    bom: bool
    crlf: bool

    def encode(self, text: str) -> bytes:
        text = text.replace("\n", "\r\n") if self.crlf else text
        return ((BOM if self.bom else "") + text).encode("utf-8")


LAYOUT = st.builds(Layout, st.booleans(), st.booleans())


def _hcl_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")


@st.composite
def hcl_value(draw: st.DrawFn, depth: int = 0) -> str:
    leaves = st.one_of(TEXT.map(_hcl_string), st.integers(-10**6, 10**6).map(str), st.sampled_from(["true", "false"]))
    if depth >= 4:
        return draw(leaves)
    kind = draw(st.sampled_from(["leaf", "list", "map"]))
    if kind == "leaf":
        return draw(leaves)
    if kind == "list":
        items = draw(st.lists(hcl_value(depth + 1), max_size=3))
        return "[" + ", ".join(items) + "]"
    keys = draw(st.lists(NAME, max_size=3, unique=True))
    inner = "".join(f"  {k} = {draw(hcl_value(depth + 1))}\n" for k in keys)
    return "{\n" + inner + "}"


COMMENT = st.sampled_from(["# note\n", "// owned by the platform team ü\n", "/* multi\n   line */\n", ""])


@st.composite
def bucket(draw: st.DrawFn, name: str) -> str:
    lines = [draw(COMMENT), f'resource "aws_s3_bucket" "{name}" {{\n', f"  bucket = {_hcl_string(draw(TEXT))}\n"]
    if draw(st.booleans()):
        lines.append('  acl    = "public-read"\n')
    lines.append(f"  tags = {draw(hcl_value(1))}\n")
    if draw(st.booleans()):
        body = draw(st.lists(TEXT, max_size=3))
        lines.append("  policy = <<-EOT\n" + "".join(f"    {b}\n" for b in body) + "  EOT\n")
    lines.append(draw(COMMENT).replace("\n", "\n  ").rstrip(" ") + "}\n")
    return "".join(lines)


@st.composite
def terraform_file(draw: st.DrawFn) -> tuple[str, list[str]]:
    names = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    parts = [draw(bucket(n)) for n in names]
    if draw(st.booleans()):
        parts.append(f"locals {{\n  shared = {draw(hcl_value(0))}\n}}\n")
    return "\n".join(parts), [f"aws_s3_bucket.{n}" for n in names]


@st.composite
def manifest(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(NAME)
    containers = []
    for i in range(draw(st.integers(1, 2))):
        ctx = draw(st.sampled_from(["", "        securityContext:\n          privileged: true\n",
                                    "        securityContext: {}\n"]))
        comment = draw(st.sampled_from(["", "        # sidecar ü\n"]))
        containers.append(f"      - name: c{i}\n{comment}        image: nginx:1.25\n{ctx}")
    label = json.dumps(draw(TEXT), ensure_ascii=False)
    text = (f"# app {draw(TEXT)}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n"
            f"  labels:\n    note: {label}\nspec:\n  template:\n    spec:\n      containers:\n" + "".join(containers))
    return text, f"Deployment.default.{name}"


def _checkov(check_type: str, file: str, resources: list[str], rules: tuple[str, ...]) -> dict:
    failed = [{"check_id": r, "file_path": f"/{file}", "file_line_range": [1, 2], "resource": res}
              for res in resources for r in rules]
    return {"check_type": check_type, "results": {"failed_checks": failed}}


def _repo(tmp: Path, tf: str, tf_layout: Layout, yml: str, yml_layout: Layout) -> Path:
    root = tmp / "repo"
    (root / "k8s").mkdir(parents=True, exist_ok=True)
    (root / "main.tf").write_bytes(tf_layout.encode(tf))
    (root / "k8s" / "app.yaml").write_bytes(yml_layout.encode(yml))
    return root


def _plan(root: Path, findings: Path) -> tuple[list, list]:
    outcome = scan(ScanRequest(root=root, findings_files=(findings,), run_checkov=False))
    planned = plan_findings(outcome.assessments, outcome.inventory, root, outcome.config)
    return planned, list(outcome.errors)


def _check_edit(root: Path, path: str, after: str | None) -> None:
    assert after is not None
    before = (root / path).read_bytes()
    restored = after.encode("utf-8")
    assert restored.startswith(BOM.encode()) == before.startswith(BOM.encode()), path
    if b"\r\n" in before:
        assert restored.count(b"\n") == restored.count(b"\r\n"), f"{path}: a bare LF in a CRLF file"
    else:
        assert b"\r" not in restored, f"{path}: a CR in an LF file"
    text = decode_source(restored, path).text
    problem = syntax_problem(text) if path.endswith(".tf") else load_yaml_all(text, path) and None
    assert problem is None, f"{path}: the rewrite does not parse: {problem}"


@settings(max_examples=EXAMPLES)
@given(tf=terraform_file(), tf_layout=LAYOUT, yml=manifest(), yml_layout=LAYOUT)
def test_random_files_plan_cleanly_keep_their_format_and_replan_to_nothing(
        tf: tuple[str, list[str]], tf_layout: Layout, yml: tuple[str, str], yml_layout: Layout,
        tmp_path_factory) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    root = _repo(tmp, tf[0], tf_layout, yml[0], yml_layout)
    findings = tmp / "findings.json"
    findings.write_text(json.dumps([_checkov("terraform", "main.tf", tf[1], S3_RULES),
                                    _checkov("kubernetes", "k8s/app.yaml", [yml[1]], K8S_RULES)]))
    planned, errors = _plan(root, findings)
    assert not [e for e in errors if e.file in ("main.tf", "k8s/app.yaml")], errors
    assert {a.finding.resource for a in planned} == {*tf[1], yml[1]}  # every finding mapped to its block
    by_path: dict[str, list[FileEdit]] = {}
    for edit in dict.fromkeys(e for a in planned if a.plan for e in a.plan.edits):
        by_path.setdefault(edit.path, []).append(edit)
    assert "k8s/app.yaml" in by_path  # CKV_K8S_43 and friends always have something to fix
    for path, edits in by_path.items():
        for edit in edits:
            _check_edit(root, path, edit.after)
    for path, edits in by_path.items():  # every resource's change, as `plan --format patch` combines them
        (root / path).write_bytes((merge_edits(path, edits).after or "").encode("utf-8"))
    again, _ = _plan(root, findings)
    assert [a.finding.id for a in again if a.plan] == []  # plan twice: nothing left to change
