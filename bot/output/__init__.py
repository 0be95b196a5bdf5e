"""Machine-readable renderings of a scan report (SARIF)."""
