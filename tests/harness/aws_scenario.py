"""One verification scenario on moto: a golden case's Terraform applied, then its provider check run."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.inventory.terraform import parse_terraform
from bot.lifecycle.ledger import ItemState
from bot.lifecycle.verify import targets
from bot.models.resource import Inventory, Resource
from bot.planner import rewriter_by_id
from bot.provider.aws.provider import AwsProvider
from bot.provider.aws.session import AwsContext
from bot.provider.result import ProviderReport
from tests.harness.aws_apply import Client, apply, clients
from tests.harness.moto_server import reset

CASES = Path(__file__).resolve().parents[1] / "rewriters" / "cases"
Drift = Callable[[Client, dict[str, Any]], None]  # (clients, state doc) -> a console change


def load(case: str, when: str) -> tuple[str, list[Resource], str]:
    """(text, resources, the finding's resource address) of `case` `before` / `after`."""
    text = (CASES / case / f"{when}.tf").read_text(encoding="utf-8")
    meta = json.loads((CASES / case / "finding.json").read_text(encoding="utf-8"))
    return text, list(parse_terraform(text.encode("utf-8"), "main.tf").resources), meta["resource"]


def state_values(state: dict[str, Any], address: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r["values"] for r in state["values"]["root_module"]["resources"]
                                 if r["address"] == address)
    return found


def run(endpoint: str, root: Path, case: str, when: str, *, drift: Drift | None = None, create: bool = True,
        context: Callable[[AwsContext], None] | None = None) -> ProviderReport:
    """Reset moto, create `when`'s resources (unless not `create`), apply `drift`, run the check."""
    reset(endpoint)
    text, resources, address = load(case, when)
    root.mkdir(parents=True, exist_ok=True)
    (root / "main.tf").write_text(text, encoding="utf-8")
    c = clients(endpoint)
    state = apply(c, resources)
    (root / ".fixbot").mkdir(exist_ok=True)
    (root / ".fixbot" / "state.json").write_text(json.dumps(state), encoding="utf-8")
    if not create:
        reset(endpoint)  # deleted out of band: the state still names it, the cloud does not
    if drift is not None:
        drift(c, state)
    ctx = AwsContext.from_environment(region="eu-west-1", endpoint_url=endpoint)
    if context is not None:
        context(ctx)
    provider = AwsProvider(ctx, root, resources)
    rewriter = rewriter_by_id(case.split("/")[0])
    assert rewriter is not None, case
    check = rewriter.verification.provider_check
    item = ItemState(resource=address, files=("main.tf",))
    return provider.check(check, targets(item, Inventory(root=str(root), resources=tuple(resources))))
