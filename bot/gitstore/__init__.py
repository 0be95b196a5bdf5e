"""Git plumbing and JSON state kept inside `.git/` (used by forges, audit, lifecycle, provider)."""
