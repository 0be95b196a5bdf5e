"""Policy throughput: one batch query over n synthetic inputs (run by `make bench`)."""

from __future__ import annotations

import random
import time

from bot.models.common import Level
from bot.policy.engine import PolicyEngine, load_engine
from bot.policy.input import ForgeFacts, PolicyInput

_ACTIONS = (
    ("block_public_s3_access", "aws_s3_bucket"),
    ("enable_bucket_versioning", "aws_s3_bucket"),
    ("add_security_label", "Deployment"),
    ("set_resource_limits", "Deployment"),
    ("drop_container_capabilities", "Deployment"),
    ("restrict_ssh_ingress", "aws_security_group"),
    ("restrict_iam_wildcard", "aws_iam_policy"),
    ("rotate_low_privilege_secret", "aws_secretsmanager_secret"),
    ("open_ticket", "aws_instance"),
    ("delete_unused_resource", "aws_instance"),
)


def synthetic_inputs(n: int, seed: int = 7, distinct: bool = False) -> list[PolicyInput]:
    """n inputs drawn from a repository-like mix; `distinct` makes every one unique (worst case)."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        action, rtype = rnd.choice(_ACTIONS)
        out.append(
            PolicyInput(
                rule_id=f"CKV_{rnd.randrange(40)}" if not distinct else f"CKV_{k}",
                resource_type=rtype,
                action=action,
                catalogued=rnd.random() > 0.02,
                confidence=rnd.choice((Level.high, Level.high, Level.medium, Level.low)),
                reversible=rnd.random() > 0.05,
                rollback_available=True,
                verification_available=True,
                changes_iam="iam" in action,
                changes_network="ingress" in action,
                deletes_resource=action.startswith("delete_"),
                secret_scope="single_service" if "secret" in action else None,
                environment=rnd.choice(("prod", "staging", "dev", "unknown")),
                owners=(f"@team-{rnd.randrange(5)}",),
                data_classification=rnd.choice(("public", "internal", "confidential", "restricted")),
                criticality=rnd.choice(("low", "medium", "high")),
                blast_radius=rnd.choice(("low", "low", "medium", "high")),
                internet_exposed=rnd.random() > 0.7,
                forge=ForgeFacts(),
            )
        )
    return out


def bench_policy(n: int, *, distinct: bool = False, engine: PolicyEngine | None = None) -> float:
    """Milliseconds per finding for one `evaluate` (input conversion + query) of n inputs."""
    engine = engine or load_engine()
    inputs = synthetic_inputs(n, distinct=distinct)
    start = time.perf_counter()
    decisions = engine.evaluate(inputs)
    elapsed = time.perf_counter() - start
    assert len(decisions) == n
    return elapsed * 1000.0 / max(n, 1)


def main() -> None:
    engine = load_engine()
    for n in (2000, 5000):
        typical = bench_policy(n, engine=engine)
        worst = bench_policy(n, distinct=True, engine=engine)
        print(f"policy  n={n:5d}  {typical:.4f} ms/finding  (all inputs distinct: {worst:.4f} ms/finding)")


if __name__ == "__main__":
    main()
