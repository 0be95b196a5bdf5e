"""The one place fixbot talks to regopy (rego-cpp).

Three things regopy's convenience layer does not do well enough for a safety gate:
- compile errors come back as an S-expression with byte offsets: turned here into
  `PolicyError("file:line:col: message")`;
- its JSON output does not escape quotes or newlines inside strings, so a message holding a
  quote breaks (or, worse, re-shapes) the JSON: results are read from the node tree instead;
- its input conversion is slow (an ABC `isinstance` chain and a string buffer per value):
  `_encode` does the same calls with exact type dispatch and interned keys.
"""

from __future__ import annotations

import ctypes
import json
import re
from collections.abc import Mapping
from typing import Any

from regopy import Interpreter
from regopy.rego_shared import LogLevel, NodeKind, RegoError, rego_get_error
from regopy.rego_shared import rego as _lib

from bot.errors import PolicyError

_ERROR = re.compile(r"\(error \d+:(?P<name>[^|]*)\|(?P<offset>\d+)\|\d+")
_SPECIAL = re.compile(r'["\\\x00-\x1f\x7f]')
_MESSAGE = re.compile(r"\(errormsg \d+:(?P<msg>[^\n]*)\)")


def new_interpreter(modules: Mapping[str, str]) -> Interpreter:
    """An interpreter with every module added; a module that does not compile → PolicyError."""
    rego = Interpreter()
    rego.log_level = LogLevel.NONE  # rego-cpp would print errors to stdout
    for name, text in modules.items():
        try:
            rego.add_module(name, text)
        except RegoError as exc:
            raise PolicyError(describe_error(str(exc), modules)) from exc
    return rego


def describe_error(raw: str, modules: Mapping[str, str]) -> str:
    """`file:line:col: message` from rego-cpp's error S-expression (first error)."""
    where = _ERROR.search(raw)
    what = _MESSAGE.search(raw)
    message = what.group("msg").strip() if what else "Rego error"
    if where is None or where.group("name") not in modules:
        return f"policy error: {message}"
    name, offset = where.group("name"), int(where.group("offset"))
    before = modules[name].encode("utf-8")[:offset].decode("utf-8", "replace")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    return f"{name}:{line}:{col}: {message}"


def query(rego: Interpreter, expression: str, modules: Mapping[str, str], *, plain_input: bool = False) -> Any:
    """Evaluate `expression`; its value as plain Python, or `UNDEFINED` when undefined.

    `plain_input`: no input string holds a quote, backslash or control character, so every
    output string is policy text (whose escapes are valid JSON) and the fast JSON path is exact.
    """
    p_query = ctypes.create_string_buffer(expression.encode("utf-8"))
    out = _lib.regoQuery(rego._impl, p_query)
    if not out:
        raise PolicyError(describe_error(rego_get_error(rego._impl), modules))
    try:
        if not _lib.regoOutputOk(out):
            raise PolicyError(describe_error(_output_text(out), modules))
        if plain_input:
            fast = _from_json(_output_text(out))
            if fast is not None:
                return fast[0]
        return _first_value(_lib.regoOutputNode(out))
    finally:
        _lib.regoFreeOutput(out)


class _Undefined:
    def __repr__(self) -> str:
        return "UNDEFINED"


UNDEFINED: Any = _Undefined()


def _from_json(text: str) -> tuple[Any] | None:
    if text == "undefined":
        return (UNDEFINED,)
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    values = doc.get("expressions") if isinstance(doc, dict) else None
    return (values[0],) if isinstance(values, list) and len(values) == 1 else None


def _first_value(node: int) -> Any:
    """Results → Result → Terms → the value; anything else (kind Undefined, empty) is undefined."""
    for kind in (NodeKind.Results, NodeKind.Result, NodeKind.Terms):
        if not node or _lib.regoNodeType(node) != kind or _lib.regoNodeSize(node) == 0:
            return UNDEFINED
        node = _lib.regoNodeGet(node, 0)
    return _decode(node) if node else UNDEFINED


def set_input(rego: Interpreter, value: Any) -> bool:
    """Hand `value` to the interpreter; True when every string in it is plain (see `query`)."""
    handle = _lib.regoNewInput()
    plain = [True]
    try:
        _encode(handle, value, {}, plain)
        if _lib.regoSetInput(rego._impl, handle) != 0:
            raise PolicyError("policy input rejected by the Rego engine")
    finally:
        _lib.regoFreeInput(handle)
    return plain[0]


def _output_text(out: int) -> str:
    size = _lib.regoOutputJSONSize(out)
    buf = ctypes.create_string_buffer(size)
    _lib.regoOutputJSON(out, buf, size)
    return buf.value.decode("utf-8", "replace")


def _encode(h: int, val: Any, keys: dict[str, bytes], plain: list[bool]) -> None:
    """Push `val` onto the input stack `h` (JSON-like values only)."""
    kind = type(val)
    if kind is bool:
        _lib.regoInputBoolean(h, val)
    elif kind is str:
        if plain[0] and _SPECIAL.search(val):
            plain[0] = False
        _lib.regoInputString(h, val.encode("utf-8"))
    elif kind is int:
        _lib.regoInputInt(h, val)
    elif kind is float:
        _lib.regoInputFloat(h, val)
    elif val is None:
        _lib.regoInputNull(h)
    elif kind is dict:
        for k, v in val.items():
            encoded = keys.get(k)
            if encoded is None:
                encoded = keys[k] = k.encode("utf-8")
            _lib.regoInputString(h, encoded)
            _encode(h, v, keys, plain)
            _lib.regoInputObjectItem(h)
        _lib.regoInputObject(h, len(val))
    elif kind in (list, tuple):
        for x in val:
            _encode(h, x, keys, plain)
        _lib.regoInputArray(h, len(val))
    else:
        raise PolicyError(f"cannot pass a {kind.__name__} to the policy engine")


def _node_text(node: int, size_fn: Any, get_fn: Any) -> str:
    size = size_fn(node)
    buf = ctypes.create_string_buffer(size)
    get_fn(node, buf, size)
    return buf.value.decode("utf-8")


def _decode(node: int) -> Any:
    kind = _lib.regoNodeType(node)
    if kind in (NodeKind.Term, NodeKind.Scalar):
        return _decode(_lib.regoNodeGet(node, 0))
    size = _lib.regoNodeSize(node)
    if kind == NodeKind.Array:
        return [_decode(_lib.regoNodeGet(node, i)) for i in range(size)]
    if kind == NodeKind.Set:
        return [_decode(_lib.regoNodeGet(node, i)) for i in range(size)]
    if kind == NodeKind.Object:
        out: dict[Any, Any] = {}
        for i in range(size):
            item = _lib.regoNodeGet(node, i)
            key = _decode(_lib.regoNodeGet(item, 0))
            out[key if isinstance(key, str) else str(key)] = _decode(_lib.regoNodeGet(item, 1))
        return out
    return _scalar(kind, _node_text(node, _lib.regoNodeValueSize, _lib.regoNodeValue))


def _scalar(kind: int, text: str) -> Any:
    if kind == NodeKind.String:
        return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text
    if kind == NodeKind.Int:
        return int(text)
    if kind == NodeKind.Float:
        return float(text)
    if kind in (NodeKind.True_, NodeKind.False_, NodeKind.Boolean):
        return text == "true"
    if kind == NodeKind.Null:
        return None
    raise PolicyError(f"unexpected Rego value of kind {kind}")
