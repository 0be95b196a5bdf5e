"""Shared building blocks of the Terraform rewriters (not a rewriter itself).

`guarded()` turns a text → text edit into a rewriter `apply`: it refuses module calls,
templated blocks (count / for_each / dynamic) and anything the HCL editor refuses, as
`Skip` values with a reason a user can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.hcledit import Address, EditRefused, ensure_tree, find_block, quote
from bot.models.resource import IacKind
from rewriters.base import Edit, Outcome, RewriteContext, Skip

TextEdit = Callable[[RewriteContext, str], str]
Value = str | Callable[[RewriteContext], str]
Accept = Callable[[str], bool]
TF = IacKind.terraform


class MissingParameter(Exception):
    def __init__(self, *names: str) -> None:
        super().__init__(", ".join(names))
        self.names = names


def param(ctx: RewriteContext, name: str) -> str:
    """A resolved parameter, or `MissingParameter` (the plan then says which one to set)."""
    value = ctx.params.get(name)
    if value is None or not value.strip():
        raise MissingParameter(name)
    return value.strip()


def address(ctx: RewriteContext) -> Address:
    r = ctx.resource
    kind = "data" if r.address.rsplit(":", 1)[-1].startswith("data.") else "resource"
    return kind, (r.type, r.name)


def _refusal(ctx: RewriteContext) -> str | None:
    r = ctx.resource
    if r.type == "module":
        return "a module call: fix the module's source (or pass it an input) instead"
    block = find_block(ctx.text.encode("utf-8"), *address(ctx))
    if block is None:
        return f"{r.address} was not found in {r.file}"
    if r.templated or block.templated:
        return f"{r.address} uses count/for_each/dynamic blocks; its shape is not static, fix by hand"
    return None


def guarded(edit: TextEdit) -> Callable[[RewriteContext], Outcome]:
    def apply(ctx: RewriteContext) -> Outcome:
        reason = _refusal(ctx)
        if reason is not None:
            return Skip(reason=reason)
        try:
            return Edit(text=edit(ctx, ctx.text))
        except MissingParameter as exc:
            names = ", ".join(exc.names)
            return Skip(reason=f"needs parameter {names} in .fixbot.yml", missing_parameters=exc.names)
        except EditRefused as exc:
            return Skip(reason=exc.message)

    return apply


@dataclass(frozen=True)
class Setting:
    """`name = value` inside nested blocks `path`, for the listed resource types (all if empty)."""

    name: str
    value: Value
    path: tuple[str, ...] = ()
    accept: Accept | None = None
    types: tuple[str, ...] = ()


def _value(ctx: RewriteContext, value: Value) -> str:
    return value if isinstance(value, str) else value(ctx)


def apply_settings(ctx: RewriteContext, text: str, settings: tuple[Setting, ...]) -> str:
    """Apply settings grouped by nested path (a missing block is created with all of them)."""
    wanted = [s for s in settings if not s.types or ctx.resource.type in s.types]
    wants = {
        path: tuple((s.name, _value(ctx, s.value), s.accept) for s in wanted if s.path == path)
        for path in dict.fromkeys(s.path for s in wanted)
    }
    return ensure_tree(text, address(ctx), wants)


def set_attrs(*settings: Setting) -> Callable[[RewriteContext], Outcome]:
    """The apply function of a rewriter that only sets attributes."""
    return guarded(lambda ctx, text: apply_settings(ctx, text, settings))


def is_true(value: str) -> bool:
    return value.strip() == "true"


def is_false(value: str) -> bool:
    return value.strip() == "false"


def at_least(minimum: int) -> Accept:
    def accept(value: str) -> bool:
        v = value.strip()
        return v.isdigit() and int(v) >= minimum

    return accept


def one_of(*values: str) -> Accept:
    return lambda value: value.strip().strip('"') in values


_REFERENCE = re.compile(r"(?:data\.)?[a-z][a-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)+")


def hcl_value(value: str) -> str:
    """A parameter as HCL: a plain reference (`aws_kms_key.logs.arn`, `var.x`) stays an
    expression, anything else becomes a quoted string (nothing can be injected)."""
    return value if _REFERENCE.fullmatch(value) else quote(value)


def param_value(name: str) -> Callable[[RewriteContext], str]:
    return lambda ctx: hcl_value(param(ctx, name))


def has_value(value: str) -> bool:
    """Already set to something non-empty (a human's choice we keep)."""
    return value.strip() not in ('""', "null", "")


def int_param(name: str) -> Callable[[RewriteContext], str]:
    """A whole-number parameter (days, counts); anything else is refused, never spliced in."""

    def value(ctx: RewriteContext) -> str:
        raw = param(ctx, name)
        if not raw.isdigit():
            raise EditRefused(f"parameter {name} must be a whole number, got {raw!r}")
        return str(int(raw))

    return value
