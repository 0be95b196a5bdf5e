"""Shared building blocks of the Terraform rewriters (not a rewriter itself).

`guarded()` turns a text → text edit into a rewriter `apply`: it refuses module calls and
anything the HCL editor refuses, as `Skip` values with a reason a user can act on. A resource
with `count` / `for_each` is fixed like any other (the fix applies to every instance); settings
reach into `dynamic` blocks' content, and a value that comes from `var.x` / `local.x` is fixed
where it is set (`rewriters.terraform.values`). Edits that do not understand `dynamic` blocks
(`guarded(edit)` without `dynamic_aware`) are refused on blocks that have them, saying which.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.hcledit import Address, Block, EditRefused, find_block, locate, quote
from bot.hcledit.refs import fallback_span, local_ref, variable_ref
from bot.models.plan import UnfixedCategory
from bot.models.resource import IacKind
from rewriters.base import Edit, Outcome, RepoFiles, RewriteContext, Skip
from rewriters.terraform import shape
from rewriters.terraform.values import CURRENT, Files, NotHere, computed, settle

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


def _dynamic_blocks(block: Block) -> list[Block]:
    found = [b for b in block.blocks if b.kind == "dynamic" and b.labels]
    return found + [d for b in block.blocks if b.kind != "dynamic" for d in _dynamic_blocks(b)]


def _dynamic_refusal(r_address: str, dynamics: list[Block]) -> tuple[str, UnfixedCategory]:
    """Which dynamic blocks (and the inputs they iterate) keep a static-block fix from knowing the shape."""
    sources = [d.attr("for_each") for d in dynamics]
    listed = ", ".join(
        f'dynamic "{d.labels[0]}"' + (f" (for_each = {' '.join(s.value.split())[:60]})" if s else "")
        for d, s in zip(dynamics, sources, strict=True)
    )
    inputs = all(s is not None and (variable_ref(s.value) or local_ref(s.value)) for s in sources)
    where = "; the blocks come from that input, fix its values there" if inputs else ", fix by hand"
    category = UnfixedCategory.not_in_this_file if inputs else UnfixedCategory.needs_human
    return f"{r_address} builds its blocks with {listed}, which this fix cannot edit{where}", category


def _refusal(ctx: RewriteContext, block: Block | None, dynamic_aware: bool) -> tuple[str, UnfixedCategory] | None:
    r = ctx.resource
    if r.type == "module":
        return "a module call: fix the module's source (or pass it an input) instead", UnfixedCategory.needs_human
    if block is None:
        return f"{r.address} was not found in {r.file}", UnfixedCategory.needs_human
    dynamics = [] if dynamic_aware else _dynamic_blocks(block)
    return _dynamic_refusal(r.address, dynamics) if dynamics else None


def _values(block: Block, prefix: tuple[str, ...] = ()) -> dict[tuple[str, ...], str]:
    out = {(*prefix, a.name): a.value.strip() for a in block.attrs}
    for i, child in enumerate(block.blocks):
        out.update(_values(child, (*prefix, f"{child.kind}#{i}")))
    return out


def _overwritten_input(ctx: RewriteContext, old: Block | None, after: str) -> str | None:
    """A rewriter that replaced `var.x` / `local.x` in the resource with a literal: refused
    (the module's users would lose the input); the reason says where the value is set."""
    inputs = {p: v for p, v in _values(old).items() if variable_ref(v) or local_ref(v)} if old else {}
    if not inputs or after == ctx.text:
        return None
    new = find_block(after.encode("utf-8"), *address(ctx))
    now = _values(new) if new is not None else {}
    for path, value in inputs.items():
        if path in now and now[path] != value:
            return (f"`{path[-1]} = {value}`: the value is set where {value} is defined (a module input or "
                    "local); this fix would overwrite the reference, fix it there")
    return None


def _call_chains(repo: RepoFiles, directory: str, depth: int = 0) -> list[str]:
    """Every chain of module calls in this repository that reaches `directory`, outermost first."""
    chains = []
    for call in repo.callers(directory):
        above = _call_chains(repo, call.file.rpartition("/")[0] or ".", depth + 1) if depth < 4 else []
        here = f"module.{call.name}"
        chains += [f"{a}.{here}" for a in above] or [f"{call.file} {here}"]
    return chains


def _callers_note(ctx: RewriteContext) -> str:
    directory = ctx.resource.file.rpartition("/")[0] or "."
    chains = _call_chains(ctx.repo, directory) if ctx.repo is not None else []
    if not chains:
        return ""
    return f"fixed once in module {directory}, for every caller: {', '.join(chains)}"


def guarded(edit: TextEdit, dynamic_aware: bool = False) -> Callable[[RewriteContext], Outcome]:
    def apply(ctx: RewriteContext) -> Outcome:
        block = find_block(ctx.text.encode("utf-8"), *address(ctx)) if ctx.resource.type != "module" else None
        refused = _refusal(ctx, block, dynamic_aware)
        if refused is not None:
            return Skip(reason=refused[0], category=refused[1])
        files = Files(ctx)
        token = CURRENT.set(files)
        try:
            text = edit(ctx, ctx.text)
        except MissingParameter as exc:
            names = ", ".join(exc.names)
            return Skip(reason=f"needs parameter {names} in .fixbot.yml", missing_parameters=exc.names,
                        category=UnfixedCategory.needs_parameter)
        except NotHere as exc:
            return Skip(reason=exc.reason, category=exc.category)
        except EditRefused as exc:
            return Skip(reason=exc.message, category=UnfixedCategory.needs_human)
        finally:
            CURRENT.reset(token)
        overwritten = _overwritten_input(ctx, block, text)
        if overwritten is not None:
            return Skip(reason=overwritten, category=UnfixedCategory.not_in_this_file)
        others = {p: t for p, t in files.changed.items() if p != ctx.resource.file}
        notes = [_callers_note(ctx), *files.notes]
        return Edit(text=text, files=others, note="\n".join(n for n in notes if n))

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


def apply_settings(ctx: RewriteContext, text: str, settings: tuple[Setting, ...], at: Address | None = None) -> str:
    """Apply settings grouped by nested path (a missing block is created with all of them) to
    the resource (or the block `at`, e.g. a sibling); a value set from `var.x` / `local.x` is
    fixed where it is set, never overwritten here."""
    wanted = [s for s in settings if not s.types or ctx.resource.type in s.types]
    target = at or address(ctx)
    files = CURRENT.get() or Files(ctx)
    main = ctx.resource.file
    files.put(main, text)
    direct: dict[tuple[str, ...], list[Want]] = {}
    seen, root = text, locate(text, target)  # parsed again only when a fix changed this file
    for s in wanted:
        value = _value(ctx, s.value)
        if files.text(main) is not seen:
            seen = files.text(main)
            root = locate(seen, target)
        attr, crossed = shape.current(root, s.path, s.name)
        if attr is not None and _indirect(attr.value) and not _fine(attr.value, value, s.accept):
            why = shape.iterator_reason(attr, crossed) if fallback_span(attr.value.strip()) is None else None
            if why is not None:
                raise NotHere(why)
            settle(files, main, attr, value, s.accept)
        else:
            direct.setdefault(s.path, []).append((s.name, value, s.accept))
    text = files.changed.pop(main)
    return shape.ensure(text, target, {p: tuple(w) for p, w in direct.items()}) if direct else text


Want = tuple[str, str, Accept | None]


def _indirect(value: str) -> bool:
    return variable_ref(value) is not None or local_ref(value) is not None or computed(value)


def _fine(current: str, value: str, accept: Accept | None) -> bool:
    return current.strip() == value or (accept is not None and accept(current))


def set_attrs(*settings: Setting) -> Callable[[RewriteContext], Outcome]:
    """The apply function of a rewriter that only sets attributes."""
    return guarded(lambda ctx, text: apply_settings(ctx, text, settings), dynamic_aware=True)


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
