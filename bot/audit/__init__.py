"""Git history as the audit log: commit trailers, the `refs/fixbot/audit` record chain,
the rebuilt timeline, tamper detection and the append-only external sink."""
