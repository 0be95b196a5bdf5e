"""PLAN stage: minimal-diff fixes from the rewriter catalogue (never writes to disk)."""

from bot.planner.catalogue import catalogue_lookup, rewriter_by_id, rewriter_for
from bot.planner.diff import file_diff, merge_edits, render_patch
from bot.planner.plan import plan_findings, plan_resource, resolve_params

__all__ = [
    "catalogue_lookup",
    "file_diff",
    "merge_edits",
    "plan_findings",
    "plan_resource",
    "render_patch",
    "resolve_params",
    "rewriter_by_id",
    "rewriter_for",
]
