"""Generated safe values: when a parameter that declares a generator is missing, the fix uses
new resources added to the module instead (a KMS key, a log bucket, a flow-log group).

- `.fixbot.yml` parameters always win: a generator only fills parameters left missing or empty.
- Each generator writes its own file in the module directory (`fixbot_kms.tf`, ...), whose
  content depends only on the generator: every fix in a module that needs it produces the same
  file edit, so one patch or several PRs add it once. A rerun finds its anchor block anywhere in
  the module and reuses it (no second key).
- A plan that uses a generator is the rewriter's generated-value variant (`variant()`): its own
  catalogue id and action, `<id|action>_with_generated_<generator>`, so the policy tells it apart
  (also when it reuses what an earlier run generated: the value is still not a human's). The
  variant's facts add `iam` (a generator writes a key policy, bucket policy or role).
- Generators are declared only on reversible fixes (`tests/rewriters/terraform/test_generated.py`):
  a fix that replaces the resource keeps asking for an existing key.
- AWS provider v3 modules get no log bucket (it uses the split S3 resources): the parameter is
  asked for, with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath

from bot.hcledit import find_block
from rewriters.base import Edit, Outcome, RewriteContext, Rewriter, Skip
from rewriters.terraform.generators import GENERATORS, Generator

SUFFIX = "_with_generated_"


def generator_names(rw: Rewriter) -> tuple[str, ...]:
    return tuple(sorted({p.generator for p in rw.parameters if p.generator}))


def variant(rw: Rewriter) -> Rewriter:
    """The catalogue entry of `rw`'s plans that create their value (same rules and checks)."""
    named = generator_names(rw)
    suffix = SUFFIX + "_and_".join(named)
    gens = [GENERATORS[n] for n in dict.fromkeys(r for n in named for r in (*GENERATORS[n].requires, n))]
    return replace(
        rw,
        id=rw.id + suffix,
        action=rw.action + suffix,
        title=f"{rw.title}, with {' and '.join(g.title for g in gens)}",
        review_guidance=" ".join((rw.review_guidance, *(g.review_guidance for g in gens))),
        rollback_plan=" ".join((rw.rollback_plan, *(g.rollback_plan for g in gens))),
        facts=rw.facts.model_copy(update={"iam": rw.facts.iam or any(g.grants for g in gens)}),
    )


def variants(catalogue: tuple[Rewriter, ...]) -> tuple[Rewriter, ...]:
    return tuple(variant(rw) for rw in catalogue if generator_names(rw))


def _has_anchor(texts: dict[str, str], gen: Generator) -> bool:
    return any(find_block(t.encode("utf-8"), "resource", gen.anchor) is not None for t in texts.values())


def _provide(ctx: RewriteContext, name: str, files: dict[str, str]) -> str | None:
    """Add generator `name` (and what it requires) to `files` unless the module has it; None or a refusal."""
    gen = GENERATORS[name]
    for needed in gen.requires:
        refusal = _provide(ctx, needed, files)
        if refusal:
            return refusal
    if _has_anchor({ctx.resource.file: ctx.text, **ctx.file_texts, **files}, gen):
        return None
    hcl = gen.hcl(ctx.aws_provider_major)
    path = (PurePosixPath(ctx.resource.file).parent / gen.file).as_posix()
    if hcl is None or path == ctx.resource.file:
        return gen.refusal or f"{path} cannot hold the generated resources"
    existing = files.get(path, ctx.file_texts.get(path, ""))
    files[path] = f"{existing.rstrip()}\n\n{hcl}" if existing.strip() else hcl
    return None


def _fill(rw: Rewriter, ctx: RewriteContext, missing: tuple[str, ...]) -> tuple[dict[str, str], tuple[str, ...]]:
    """Parameters with the generated references (only those missing or empty), and the generators
    used; no generators when a missing parameter has none."""
    declared = {p.name: p for p in rw.parameters}
    gens = [declared[m].generator if m in declared else None for m in missing]
    if not gens or any(g is None for g in gens):
        return dict(ctx.params), ()
    params = dict(ctx.params)
    used = tuple(dict.fromkeys(g for g in gens if g))
    for name in used:
        gen = GENERATORS[name]
        pairs = [(p.name, gen.reference) for p in rw.parameters if p.generator == name]
        for key, value in [*pairs, *gen.extra.items()]:
            if key in declared and not params.get(key, "").strip():
                params[key] = value
    return params, used


def apply_with_generated(rw: Rewriter, ctx: RewriteContext) -> Outcome:
    """`rw.apply`, falling back on generated values for missing parameters that declare a generator."""
    outcome = rw.apply(ctx)
    if not isinstance(outcome, Skip) or not outcome.missing_parameters:
        return outcome
    params, used = _fill(rw, ctx, outcome.missing_parameters)
    if not used:
        return outcome
    files: dict[str, str] = {}
    for name in used:
        refusal = _provide(ctx, name, files)
        if refusal:
            return outcome.model_copy(update={"reason": f"{outcome.reason} ({refusal})"})
    retry = rw.apply(ctx.model_copy(update={"params": params, "file_texts": {**ctx.file_texts, **files}}))
    if not isinstance(retry, Edit):
        return retry
    return retry.model_copy(update={"files": {**files, **retry.files}, "generated": used})
