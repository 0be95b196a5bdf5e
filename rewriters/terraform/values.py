"""Fix a value where it is set: a `var.x` at the module call that passes it (or the variable's
default when no caller in this repository does), a `local.x` at the local.

A rewriter never overwrites `var.x` with a literal inside the resource: the module's users
would lose the input. Files other than the resource's own are edited through `Files`, which
the planner turns into one change per file.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from bot.hcledit import Attr, replace_value
from bot.hcledit.refs import (
    fallback_span,
    is_literal,
    local_attr,
    local_ref,
    module_block,
    variable_block,
    variable_ref,
)
from bot.models.plan import UnfixedCategory
from rewriters.base import RewriteContext

Accept = Callable[[str], bool]
MAX_DEPTH = 4  # module call chains followed (root → service → database → ...)
_REFERENCE = re.compile(r"(?<![\w.\"/-])[A-Za-z_][\w-]*\.[A-Za-z_*\[]")


class NotHere(Exception):
    """The value cannot be fixed where the rule fires; `reason` says where it comes from."""

    def __init__(self, reason: str, category: UnfixedCategory = UnfixedCategory.not_in_this_file) -> None:
        super().__init__(reason)
        self.reason = reason
        self.category = category


@dataclass
class Files:
    """The texts of every file a fix has touched so far (the resource's own one included)."""

    ctx: RewriteContext
    changed: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def text(self, path: str) -> str:
        for source in (self.changed, self.ctx.edited, self.ctx.file_texts):
            if path in source:
                return source[path]
        if path == self.ctx.resource.file:
            return self.ctx.text
        found = self.ctx.repo.text(path) if self.ctx.repo is not None else None
        if found is None:
            raise NotHere(f"{path} cannot be read", UnfixedCategory.needs_human)
        return found

    def put(self, path: str, text: str) -> None:
        self.changed[path] = text

    def directory_files(self, directory: str) -> tuple[str, ...]:
        if self.ctx.repo is not None:
            return self.ctx.repo.directory_files(directory)
        local = (self.ctx.resource.file, *self.ctx.file_texts)
        return tuple(sorted(p for p in local if _dir(p) == directory))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


CURRENT: ContextVar[Files | None] = ContextVar("fixbot_rewrite_files", default=None)


def _dir(path: str) -> str:
    return posixpath.dirname(path) or "."


def _short(value: str) -> str:
    one = " ".join(value.split())
    return one if len(one) <= 60 else one[:59] + "…"


def computed(value: str) -> bool:
    """Refers to something (a variable, an iterator, another resource): not a constant to replace."""
    return not is_literal(value) and bool(_REFERENCE.search(value))


def settle(files: Files, file: str, attr: Attr, value: str, accept: Accept | None, depth: int = 0) -> None:
    """Make the value `attr` evaluates to comply, editing where it is set (never `attr` itself
    when it is `var.x` / `local.x`)."""
    current = attr.value.strip()
    if current == value or (accept is not None and accept(current)):
        return
    var, loc = variable_ref(current), local_ref(current)
    if depth >= MAX_DEPTH:
        raise NotHere(f"{attr.name} comes through more than {MAX_DEPTH} module levels; fix by hand",
                      UnfixedCategory.needs_human)
    if var is not None:
        _fix_variable(files, _dir(file), var, value, accept, depth)
    elif loc is not None:
        _fix_local(files, _dir(file), loc, value, accept, depth)
    elif depth > 0 and not computed(current):
        files.put(file, replace_value(files.text(file), attr, value))
        files.note(f"{file}: `{attr.name} = {_short(current)}` → `{value}`")
    elif fallback_span(current) is not None:
        _fix_fallback(files, file, attr, value, accept, depth)
    else:
        raise NotHere(f"`{attr.name} = {_short(current)}` in {file} is computed; "
                      "change the values it is computed from")


def _fix_fallback(files: Files, file: str, attr: Attr, value: str, accept: Accept | None, depth: int) -> None:
    """`lookup(input, "key", FALLBACK)` / `try(input..., FALLBACK)`: the fallback is the default
    every element that does not set the value gets; fixed there (or where it is set)."""
    current = attr.value.strip()
    span = fallback_span(current)
    assert span is not None
    fallback = current[span[0]:span[1]]
    compliant = NotHere(f"`{attr.name} = {_short(current)}` in {file} falls back to a compliant value; "
                        "the input it reads sets it otherwise, change it there")
    if fallback == value or (accept is not None and accept(fallback)):
        raise compliant
    before = dict(files.changed)
    var, loc = variable_ref(fallback), local_ref(fallback)
    if var is not None:
        _fix_variable(files, _dir(file), var, value, accept, depth + 1)
    elif loc is not None:
        _fix_local(files, _dir(file), loc, value, accept, depth + 1)
    elif is_literal(fallback):
        files.put(file, replace_value(files.text(file), attr, current[: span[0]] + value + current[span[1]:]))
    else:
        raise NotHere(f"`{attr.name} = {_short(current)}` in {file} is computed; change the values it is computed from")
    if files.changed == before:
        raise compliant
    files.note(f"{file}: the fallback of `{attr.name}` is now compliant; inputs that set it keep their value")


def _fix_variable(files: Files, directory: str, name: str, value: str, accept: Accept | None, depth: int) -> None:
    callers = files.ctx.repo.callers(directory) if files.ctx.repo is not None else ()
    uncovered = not callers
    for call in callers:
        block = module_block(files.text(call.file), call.name)
        arg = block.attr(name) if block is not None else None
        if arg is None:
            uncovered = True
            continue
        settle(files, call.file, arg, value, accept, depth + 1)
    if uncovered:
        _refuse_tfvars(files, directory, name)
        _fix_default(files, directory, name, value, accept, depth)


TFVARS = ("terraform.tfvars", "terraform.tfvars.json")


def _refuse_tfvars(files: Files, directory: str, name: str) -> None:
    """A root module's value from `terraform.tfvars` wins over the default: say so, change nothing."""
    if files.ctx.repo is None:
        return
    setting = re.compile(rf'^\s*"?{re.escape(name)}"?\s*[=:]', re.M)
    for tfvars in TFVARS:
        path = tfvars if directory == "." else f"{directory}/{tfvars}"
        text = files.ctx.repo.text(path)
        if text is not None and setting.search(text):
            raise NotHere(f"var.{name} is set in {path}; change it there")


def _fix_default(files: Files, directory: str, name: str, value: str, accept: Accept | None, depth: int) -> None:
    for path in files.directory_files(directory):
        block = variable_block(files.text(path), name)
        if block is None:
            continue
        default = block.attr("default")
        unset = [f"{c.file} (module.{c.name})" for c in files.ctx.repo.callers(directory)
                 if not _sets(files, c.file, c.name, name)] if files.ctx.repo is not None else []
        if unset:
            files.note(f"var.{name}'s default is what {', '.join(unset)} get(s)")
        if default is None:
            raise NotHere(f"var.{name} has no default in {path} and no module call in this repository "
                          "sets it: the value comes from the module's users")
        settle(files, path, default, value, accept, depth + 1)
        return
    raise NotHere(f"var.{name} is not declared in {directory}; the value comes from outside this repository")


def _sets(files: Files, file: str, call: str, name: str) -> bool:
    block = module_block(files.text(file), call)
    return block is not None and block.attr(name) is not None


def _fix_local(files: Files, directory: str, name: str, value: str, accept: Accept | None, depth: int) -> None:
    for path in files.directory_files(directory):
        attr = local_attr(files.text(path), name)
        if attr is not None:
            settle(files, path, attr, value, accept, depth + 1)
            return
    raise NotHere(f"local.{name} is not defined in {directory}")
