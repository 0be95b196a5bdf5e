"""Span-splicing HCL editor on tree-sitter-hcl: comments, order and layout stay untouched."""

from bot.hcledit.edit import add_attribute, add_block, append_sibling, replace_value
from bot.hcledit.model import Attr, Block, detect_indent_unit, find_block, top_blocks
from bot.hcledit.ops import Address, Want, Wants, ensure_attr, ensure_attrs, ensure_tree, locate
from bot.hcledit.parse import EditRefused, syntax_problem
from bot.hcledit.render import BlockSpec, quote, string_list

__all__ = [
    "Address",
    "Attr",
    "Block",
    "BlockSpec",
    "EditRefused",
    "Want",
    "Wants",
    "add_attribute",
    "add_block",
    "append_sibling",
    "detect_indent_unit",
    "ensure_attr",
    "ensure_attrs",
    "ensure_tree",
    "find_block",
    "locate",
    "quote",
    "replace_value",
    "string_list",
    "syntax_problem",
    "top_blocks",
]
