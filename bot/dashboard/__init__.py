"""The dashboard issue (one per repository) and the tickets for findings without an automatic fix."""

from bot.dashboard.checkbox import Ticked, ticked
from bot.dashboard.render import render_dashboard, render_ticket
from bot.dashboard.sync import DashboardSync, find_dashboard, sync, upsert_dashboard
from bot.dashboard.view import DashboardView, build_view

__all__ = ["DashboardSync", "DashboardView", "Ticked", "build_view", "find_dashboard", "render_dashboard",
           "render_ticket", "sync", "ticked", "upsert_dashboard"]
