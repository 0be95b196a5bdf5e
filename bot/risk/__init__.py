"""Explainable risk: enrich findings from context + graph, then score them factor by factor."""

from bot.risk.assess import assess, enrich, normalised_weights

__all__ = ["assess", "enrich", "normalised_weights"]
