"""The policy gate: Rego rules decide allow / require_approval / deny on authoritative input.

engine = load_engine(repo_root)                      # pack + repo rules (default branch)
# the catalogue is passed in (bot.chain.CATALOGUE_INDEX): the policy imports no rewriter
assessments = decide(outcome, outcome.assessments, engine, catalogue=CATALOGUE_INDEX)
report = outcome.report(policy_version=engine.version)
"""

from bot.policy.decide import decide, policy_inputs
from bot.policy.engine import PolicyEngine, load_engine
from bot.policy.input import ForgeFacts, InputBuilder, PolicyBatch, PolicyInput

__all__ = [
    "ForgeFacts",
    "InputBuilder",
    "PolicyBatch",
    "PolicyEngine",
    "PolicyInput",
    "decide",
    "load_engine",
    "policy_inputs",
]
