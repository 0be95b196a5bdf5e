"""Terraform files → resources with exact byte and line spans (tree-sitter-hcl)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import tree_sitter
import tree_sitter_hcl
from tree_sitter import Node

from bot.inventory.hcl_values import Expression, ValueReader
from bot.models.common import ErrorEntry, LineSpan
from bot.models.resource import IacKind, Resource

BLOCK_KINDS = ("resource", "data", "module")
REQUIRED_PROVIDERS_TYPE = "terraform"  # type of the `terraform.required_providers` resource
TAG_ATTRIBUTES = ("tags", "labels")
TEMPLATING_ATTRIBUTES = ("count", "for_each")
_NOT_ADDRESSES = frozenset({"var", "local", "each", "count", "self", "path", "terraform"})


@lru_cache(maxsize=1)
def _language() -> tree_sitter.Language:
    return tree_sitter.Language(tree_sitter_hcl.language())


def new_parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(_language())


@dataclass
class TerraformFile:
    """What one `.tf` file yielded: its resources, or the parse error that voided them."""

    resources: list[Resource] = field(default_factory=list)
    errors: list[ErrorEntry] = field(default_factory=list)


def parse_terraform(src: bytes, rel_path: str, parser: tree_sitter.Parser | None = None) -> TerraformFile:
    """Parse one file; malformed HCL gives one `parse` error and no resources."""
    tree = (parser or new_parser()).parse(src)
    root = tree.root_node
    if root.has_error:
        node = first_error(root)
        line = _error_line(src, node)
        what = "missing token" if node is not None and node.is_missing else "syntax error"
        msg = f"{rel_path}:{line}: malformed HCL ({what}); the file's resources are not inventoried"
        return TerraformFile(errors=[ErrorEntry(kind="parse", message=msg, file=rel_path, line=line)])
    reader = ValueReader(src)
    out = TerraformFile()
    body = next((c for c in root.named_children if c.type == "body"), None)
    for block in body.named_children if body is not None else ():
        if block.type == "block":
            resource = _resource(block, reader, rel_path)
            if resource is not None:
                out.resources.append(resource)
    if reader.problems:
        line, problem = min(reader.problems)
        msg = f"{rel_path}:{line}: malformed HCL ({problem}); the file's resources are not inventoried"
        return TerraformFile(errors=[ErrorEntry(kind="parse", message=msg, file=rel_path, line=line)])
    return out


def first_error(node: Node) -> Node | None:
    """The first ERROR or MISSING node in document order."""
    if node.is_error or node.is_missing:
        return node
    for child in node.children:
        if child.has_error or child.is_missing or child.is_error:
            found = first_error(child)
            if found is not None:
                return found
    return None


def _error_line(src: bytes, node: Node | None) -> int:
    """1-based line of an error; a MISSING token is blamed on the last token before it."""
    if node is None:
        return 1
    if not node.is_missing:
        return node.start_point[0] + 1
    before = src[: node.start_byte].rstrip()
    return before.count(b"\n") + 1


def _resource(block: Node, reader: ValueReader, rel_path: str) -> Resource | None:
    kind, labels, body = reader.block_parts(block)
    if kind == "terraform" and not labels:
        return _required_providers(body, reader, rel_path)
    if kind not in BLOCK_KINDS:
        return None
    if len(labels) != (1 if kind == "module" else 2):
        wanted = "a name label" if kind == "module" else "a type and a name label"
        reader.problems.append((block.start_point[0] + 1, f"a {kind} block needs {wanted}"))
        return None
    if kind == "module":
        address, rtype, name = f"module.{labels[0]}", "module", labels[0]
    else:
        rtype, name = labels
        address = f"data.{rtype}.{name}" if kind == "data" else f"{rtype}.{name}"
    reader.references = []
    attributes = reader.body(body)
    return Resource(
        address=address,
        kind=IacKind.terraform,
        type=rtype,
        name=name,
        file=rel_path,
        line=LineSpan(start=block.start_point[0] + 1, end=block.end_point[0] + 1),
        byte_start=block.start_byte,
        byte_end=block.end_byte,
        attributes=attributes,
        tags=_tags(attributes),
        references=_references(reader.references, attributes, address),
        templated=_templated(attributes),
    )


def _required_providers(body: Node | None, reader: ValueReader, rel_path: str) -> Resource | None:
    """`terraform { required_providers { ... } }` as resource `terraform.required_providers`
    (its span is the inner block's; its attributes the provider entries), so findings on the
    providers a root module pins (OSV advisories, `.terraform.lock.hcl`) have a block to map to."""
    inner = next((c for c in body.named_children if c.type == "block"
                  and reader.block_parts(c)[:2] == ("required_providers", [])), None) if body else None
    if inner is None:
        return None
    reader.references = []
    return Resource(
        address=f"{REQUIRED_PROVIDERS_TYPE}.required_providers",
        kind=IacKind.terraform,
        type=REQUIRED_PROVIDERS_TYPE,
        name="required_providers",
        file=rel_path,
        line=LineSpan(start=inner.start_point[0] + 1, end=inner.end_point[0] + 1),
        byte_start=inner.start_byte,
        byte_end=inner.end_byte,
        attributes=reader.body(reader.block_parts(inner)[2]),
    )


def _tags(attributes: dict[str, Any]) -> dict[str, str]:
    for name in TAG_ATTRIBUTES:
        value = attributes.get(name)
        if isinstance(value, dict):  # only literal values: `Environment = var.env` says nothing
            return {str(k): _scalar(v) for k, v in value.items() if not isinstance(v, Expression | dict | list)}
        if isinstance(value, Expression) and value.startswith("merge("):
            return _merge_literals(value)
    return {}


_PAIR_RE = re.compile(r"""["']?([\w.:/-]+)["']?\s*[=:]\s*"([^"$]*)"(?=\s*[,}\n])""")


def _merge_literals(text: str) -> dict[str, str]:
    """Literal `key = "value"` pairs written inside `merge(local.tags, { ... })`."""
    return dict(_PAIR_RE.findall(text))


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _templated(attributes: dict[str, Any]) -> bool:
    """count/for_each on the block, or a `dynamic` block at any depth."""
    return any(name in attributes for name in TEMPLATING_ATTRIBUTES) or _has_dynamic(attributes)


def _has_dynamic(value: Any) -> bool:
    if isinstance(value, dict):
        return "dynamic" in value or any(_has_dynamic(v) for v in value.values())
    return isinstance(value, list) and any(_has_dynamic(v) for v in value)


def _references(found: list[str], attributes: dict[str, Any], own: str) -> tuple[str, ...]:
    iterators = _dynamic_iterators(attributes)
    out: dict[str, None] = {}
    for ref in found:
        head = ref.split(".", 1)[0]
        if head in _NOT_ADDRESSES or head in iterators or ref == own:
            continue
        out[ref] = None
    return tuple(out)


def _dynamic_iterators(attributes: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for entry in attributes.get("dynamic", ()):
        for label, inner in entry.items() if isinstance(entry, dict) else ():
            names.add(label)
            if isinstance(inner, dict) and isinstance(inner.get("iterator"), str):
                names.add(inner["iterator"])
            names |= _dynamic_iterators(inner.get("content", [{}])[0] if isinstance(inner, dict) else {})
    return names


# --- provider version ------------------------------------------------------------------

_LOCK_RE = re.compile(
    r'provider\s+"(?:registry\.terraform\.io/)?hashicorp/aws"\s*\{[^}]*?\bversion\s*=\s*"(\d+)\.', re.S
)
_REQUIRED_RE = re.compile(r"\brequired_providers\s*\{")
_AWS_ENTRY_RE = re.compile(r"\baws\s*=\s*\{([^}]*)\}", re.S)
_VERSION_RE = re.compile(r'\bversion\s*=\s*"([^"]*)"')
_CLAUSE_RE = re.compile(r"^\s*(~>|>=|>|=)?\s*v?(\d+)")


def aws_provider_major(root: Path, module_dir: str) -> int | None:
    """Major version of the AWS provider a module directory uses, if the repository says.

    The lock file (`.terraform.lock.hcl`, the version actually selected) wins over
    `required_providers` constraints (`~> 4.0`, `>= 5.0`, `5.31.0`); `< 6.0` alone says nothing.
    """
    directory = (root / module_dir).resolve()
    if not directory.is_relative_to(root.resolve()) or not directory.is_dir():
        return None
    lock = directory / ".terraform.lock.hcl"
    if lock.is_file():
        found = _LOCK_RE.search(lock.read_text(encoding="utf-8", errors="replace"))
        if found:
            return int(found.group(1))
    for tf in sorted(directory.glob("*.tf")):
        major = constraint_major(tf.read_text(encoding="utf-8", errors="replace"))
        if major is not None:
            return major
    return None


def constraint_major(text: str) -> int | None:
    """Lower-bound major of the `aws` entry of a `required_providers` block in `text`."""
    for block in _REQUIRED_RE.finditer(text):
        entry = _AWS_ENTRY_RE.search(text, block.end())
        version = _VERSION_RE.search(entry.group(1)) if entry else None
        if version is None:
            continue
        for clause in version.group(1).split(","):
            match = _CLAUSE_RE.match(clause)
            if match:
                return int(match.group(2))
    return None
