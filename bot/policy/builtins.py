"""What a repository policy may call: an allow-list of pure Rego builtins, checked at load.

A repository's `.fixbot/policies/*.rego` is untrusted text. rego-cpp offers builtins that read
the process environment (`opa.runtime()`), the clock (`time.now_ns()`), randomness and more, and
has no capability switch, so every call site in a repository module is checked here before the
module is compiled: a call must name an allowed builtin, a function the repository modules
define themselves, or a `data.` rule (which is itself policy text, checked the same way).
Anything else → PolicyError naming the file, the line and the function.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.errors import PolicyError

ALLOWED_BUILTINS: frozenset[str] = frozenset(
    [
        "eq",
        "equal",
        "neq",
        "lt",
        "lte",
        "gt",
        "gte",
        "plus",
        "minus",
        "mul",
        "div",
        "rem",
        "abs",
        "ceil",
        "floor",
        "round",
        "numbers.range",
        "numbers.range_step",
        "to_number",
        "count",
        "sum",
        "product",
        "max",
        "min",
        "sort",
        "all",
        "any",
        "array.concat",
        "array.slice",
        "array.reverse",
        "intersection",
        "union",
        "object.get",
        "object.keys",
        "object.remove",
        "object.filter",
        "object.union",
        "object.union_n",
        "object.subset",
        "json.filter",
        "json.remove",
        "json.patch",
        "walk",
        "concat",
        "contains",
        "endswith",
        "startswith",
        "format_int",
        "indexof",
        "indexof_n",
        "lower",
        "upper",
        "replace",
        "split",
        "sprintf",
        "substring",
        "trim",
        "trim_left",
        "trim_prefix",
        "trim_right",
        "trim_suffix",
        "trim_space",
        "strings.reverse",
        "strings.replace_n",
        "strings.any_prefix_match",
        "strings.any_suffix_match",
        "strings.count",
        "regex.match",
        "regex.is_valid",
        "regex.split",
        "regex.find_n",
        "regex.find_all_string_submatch_n",
        "regex.replace",
        "regex.template_match",
        "regex.globs_match",
        "glob.match",
        "glob.quote_meta",
        "is_string",
        "is_number",
        "is_boolean",
        "is_array",
        "is_set",
        "is_object",
        "is_null",
        "type_name",
        "json.marshal",
        "json.unmarshal",
        "json.is_valid",
        "base64.encode",
        "base64.decode",
        "base64.is_valid",
        "base64url.encode",
        "base64url.encode_no_pad",
        "base64url.decode",
        "hex.encode",
        "hex.decode",
        "urlquery.encode",
        "urlquery.decode",
        "urlquery.encode_object",
        "semver.compare",
        "semver.is_valid",
        "units.parse",
        "units.parse_bytes",
        "net.cidr_contains",
        "net.cidr_intersects",
        "net.cidr_is_valid",
        "net.cidr_contains_matches",
        "crypto.sha256",
        "crypto.sha1",
        "crypto.md5",
    ]
)  # pure functions of their arguments: no environment, clock, randomness, network or I/O
_KEYWORDS = frozenset({"not", "some", "every", "in", "if", "else", "with", "as", "default", "contains", "import"})
_LEXEME = re.compile(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`|#[^\n]*')
_CALL = re.compile(r"(?<![\w.\]])(?P<ref>[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*|\s*\[[^\]\n]*\])*)\s*\(")
_HEAD = re.compile(r"^\s*(?:default\s+)?(?P<name>[A-Za-z_]\w*)\s*\(", re.MULTILINE)
_IMPORT = re.compile(r"^\s*import\s+data\.(?P<path>[\w.]+)(?:\s+as\s+(?P<alias>\w+))?", re.MULTILINE)


def check_modules(modules: Mapping[str, str]) -> None:
    """Every call in every repository module is allowed; else PolicyError(file:line: ...)."""
    blanked = {name: _blank(text) for name, text in modules.items()}
    defined = {m.group("name") for text in blanked.values() for m in _HEAD.finditer(text)}
    for name, text in blanked.items():
        original = modules[name]
        aliases = {m.group("alias") or m.group("path").rsplit(".", 1)[-1] for m in _IMPORT.finditer(text)}
        for match in _CALL.finditer(text):
            ref = re.sub(r"\s+", "", match.group("ref"))
            shown = re.sub(r"\s+", "", original[match.start("ref") : match.end("ref")])
            problem = _refusal(ref, defined, aliases, shown)
            if problem:
                line = text.count("\n", 0, match.start()) + 1
                raise PolicyError(
                    f"{name}:{line}: {problem}",
                    hint="repository policies may call pure builtins only (see docs/security.md)",
                )


def _refusal(ref: str, defined: set[str], aliases: set[str], shown: str) -> str | None:
    head = re.split(r"[.\[]", ref, maxsplit=1)[0]
    if head in _KEYWORDS and ref == head:
        return None
    if ref in ALLOWED_BUILTINS:
        return None
    if "[" in ref:
        return f"calls {shown}: a computed function reference is not allowed in a repository policy"
    if ref in defined:
        return None
    if head == "data" or (head in aliases and "." in ref and not _is_builtin_namespace(head)):
        return None
    return f"calls builtin {ref}, which repository policies may not use"


_DENIED_NAMESPACES = frozenset(
    {"opa", "http", "time", "rand", "uuid", "net", "io", "crypto", "trace", "print", "os", "env"}
)


def _is_builtin_namespace(head: str) -> bool:
    """An import alias may not shadow a builtin namespace (`import data.x as opa`)."""
    return head in _DENIED_NAMESPACES or any(b.startswith(f"{head}.") for b in ALLOWED_BUILTINS)


def _blank(text: str) -> str:
    """Strings and comments replaced by spaces (newlines kept), so only code is searched."""
    return _LEXEME.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
