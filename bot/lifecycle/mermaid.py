"""A mermaid diagram of a finding's attack path and blast radius (GitHub renders it in PR bodies).

Every label is untrusted (resource names, tags): it is reduced to a safe character set and
quoted, node ids are generated, and no `click`/link directive is ever emitted.
"""

from __future__ import annotations

import itertools
import re

from bot.models.report import Assessment

_UNSAFE = re.compile(r"[^A-Za-z0-9_.:/ \-]+")
MAX_LABEL = 60
MAX_ASSETS = 8


def label(text: object) -> str:
    flat = _UNSAFE.sub("_", " ".join(str(text or "").split())).replace("://", ":_//")[:MAX_LABEL]
    return f'"{flat or "_"}"'


def diagram(a: Assessment, resource: str) -> str:
    """`flowchart LR`: attack path → the resource (highlighted) -.-> assets in its blast radius."""
    lines = ["flowchart LR"]
    path = [p for p in a.attack_path if p and p != resource][:8]
    ids = [f"p{i}" for i in range(len(path))]
    for node, text in zip(ids, path, strict=True):
        lines.append(f"  {node}[{label(text)}]")
    lines.append(f"  target[{label(resource)}]")
    chain = [*ids, "target"]
    lines.extend(f"  {src} --> {dst}" for src, dst in itertools.pairwise(chain))
    for i, asset in enumerate(a.blast_radius.assets[:MAX_ASSETS]):
        kind = f"{asset.address} ({asset.classification})" if asset.classification else asset.address
        lines.append(f"  b{i}[{label(kind)}]")
        lines.append(f"  target -.->|blast radius| b{i}")
    lines.append("  classDef finding fill:#fdd,stroke:#c00")
    lines.append("  class target finding")
    return "\n".join(lines)
