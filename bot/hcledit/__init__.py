"""Span-splicing HCL editor on tree-sitter-hcl: comments, order and layout stay untouched."""

from bot.hcledit.edit import add_attribute, add_block, add_items, append_sibling, replace_value
from bot.hcledit.model import Attr, Block, descend, detect_indent_unit, find_block, top_blocks
from bot.hcledit.ops import Address, Want, ensure_attr, ensure_attrs, ensure_block, ensure_sibling, locate
from bot.hcledit.parse import EditRefused, syntax_problem
from bot.hcledit.render import BlockSpec, quote, string_list

__all__ = [
    "Address",
    "Attr",
    "Block",
    "BlockSpec",
    "EditRefused",
    "add_attribute",
    "add_block",
    "add_items",
    "append_sibling",
    "descend",
    "detect_indent_unit",
    "Want",
    "ensure_attr",
    "ensure_attrs",
    "ensure_block",
    "ensure_sibling",
    "find_block",
    "locate",
    "quote",
    "replace_value",
    "string_list",
    "syntax_problem",
    "top_blocks",
]
