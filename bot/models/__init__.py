"""Frozen domain models shared by every stage of the chain."""
