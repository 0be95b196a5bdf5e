"""Forges: where branches, pull requests, reviews and checks live.

Nothing outside `bot/forge/` imports a concrete forge except the composition roots
(the CLI and the webhook server).
"""
