"""Policy throughput: one batch query over n synthetic inputs (run by `make bench`)."""

from __future__ import annotations

import random
import time
from typing import Any

from bot.models.common import Level
from bot.policy.engine import PolicyEngine, load_engine
from bot.policy.input import ForgeFacts, InputBuilder, PolicyInput, catalogue_index
from rewriters import CATALOGUE

# (action, resource type, confidence, reversible): what a catalogue entry fixes per action
_ACTIONS = (
    ("block_public_s3_access", "aws_s3_bucket", Level.high, True),
    ("enable_bucket_versioning", "aws_s3_bucket", Level.high, True),
    ("enable_ebs_encryption", "aws_ebs_volume", Level.low, False),
    ("add_security_label", "Deployment", Level.high, True),
    ("set_resource_limits", "Deployment", Level.medium, True),
    ("drop_container_capabilities", "Deployment", Level.medium, True),
    ("restrict_ssh_ingress", "aws_security_group", Level.medium, True),
    ("enable_rds_iam_auth", "aws_db_instance", Level.high, True),
    ("enable_rds_encryption", "aws_db_instance", Level.medium, True),
    ("open_ticket", "aws_instance", Level.high, True),
)
# (environment, owner): a repository is laid out in a few environment directories
_DIRS = (("prod", "@payments"), ("staging", "@payments"), ("dev", "@platform"), ("unknown", "@platform"))
_DATA = (("public", "low"), ("internal", "medium"), ("confidential", "high"), ("restricted", "high"))


def _item(rnd: random.Random, owner_suffix: str = "") -> PolicyInput:
    action, rtype, confidence, reversible = rnd.choice(_ACTIONS)
    environment, owner = rnd.choice(_DIRS)
    classification, criticality = rnd.choice(_DATA)
    blast = "high" if classification == "restricted" and rnd.random() < 0.3 else rnd.choice(("low", "medium"))
    return PolicyInput(
        resource_type=rtype,
        action=action,
        catalogued=True,
        confidence=confidence,
        reversible=reversible,
        rollback_available=True,
        verification_available=True,
        changes_iam="iam" in action,
        changes_network="ingress" in action,
        deletes_resource=False,
        data_loss_risk=action == "enable_rds_encryption",
        environment=environment,
        owners=(owner + owner_suffix,),
        data_classification=classification,
        criticality=criticality,
        blast_radius=blast,
        internet_exposed=rtype in ("aws_s3_bucket", "aws_security_group") and rnd.random() < 0.5,
        forge=ForgeFacts(),
    )


def synthetic_inputs(n: int, seed: int = 7, distinct: bool = False) -> list[PolicyInput]:
    """n inputs with a repository-like mix of facts; `distinct`: every input unique (worst case)."""
    rnd = random.Random(seed)
    return [_item(rnd, f"-{k}" if distinct else "") for k in range(n)]


def bench_policy(n: int, *, distinct: bool = False, engine: PolicyEngine | None = None) -> float:
    """CPU milliseconds per finding for one `evaluate` (dedupe, input conversion, query, decode).

    CPU time, not wall time: the evaluation is single-threaded, and wall time on a shared
    machine mostly measures the neighbours.
    """
    engine = engine or load_engine()
    inputs = synthetic_inputs(n, distinct=distinct)
    start = time.process_time()
    decisions = engine.evaluate(inputs)
    elapsed = time.process_time() - start
    assert len(decisions) == n
    return elapsed * 1000.0 / max(n, 1)


def policy_stage(values: dict[str, Any]) -> None:
    """The bench's "policy" stage: decide every assessment of the scan in one query."""
    builder = InputBuilder(values["inventory"], values["context"], values["graph"], catalogue_index(CATALOGUE))
    engine = load_engine()
    decisions = engine.evaluate([builder.build(a) for a in values["assessments"]])
    values["decisions"] = decisions


def main() -> None:
    engine = load_engine()
    for n in (2000, 5000):
        typical = bench_policy(n, engine=engine)
        worst = bench_policy(n, distinct=True, engine=engine)
        print(f"policy  n={n:5d}  {typical:.4f} CPU ms/finding  (all inputs distinct: {worst:.4f})")


if __name__ == "__main__":
    main()
