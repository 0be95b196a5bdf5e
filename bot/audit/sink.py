"""The external audit sink: JSON Lines that fixbot only ever appends to (mode "a" + fsync)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bot.audit.record import AuditRecord
from bot.errors import InputError

SINK_FILE = "fixbot-audit.jsonl"


def sink_path(raw: Path) -> Path:
    """`--audit-sink FILE|DIR`: a directory receives `fixbot-audit.jsonl`."""
    if raw.is_dir() or str(raw).endswith(os.sep):
        return raw / SINK_FILE
    return raw


class AuditSink:
    def __init__(self, path: Path) -> None:
        self.path = sink_path(path)
        if not self.path.parent.is_dir():
            raise InputError(f"--audit-sink {path}: directory {self.path.parent} does not exist")

    def append(self, record: AuditRecord) -> None:
        line = json.dumps(record.to_json(), sort_keys=True, ensure_ascii=True)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def read(self) -> list[AuditRecord]:
        if not self.path.is_file():
            return []
        out = []
        for n, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(AuditRecord.model_validate(json.loads(line)))
            except ValueError as exc:
                raise InputError(f"{self.path}:{n}: not an audit record: {exc}") from exc
        return out
