"""PLAN stage: each mapped finding becomes the smallest edit that fixes it, or an `Unfixed` reason.

Findings on one resource compose into one change: their rewriters run in catalogue order on
the evolving text of the resource's file, and every finding fixed gets a `Plan` carrying its
own rewriter's metadata plus the shared edit (`finding_ids` lists all of them). Nothing is
written to disk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bot.config import RepoConfig
from bot.errors import FixbotError
from bot.hcledit.parse import parse, tree_problem
from bot.models.finding import Finding
from bot.models.plan import FileEdit, Plan, Unfixed, UnfixedCategory
from bot.models.report import Assessment
from bot.models.resource import IacKind, Inventory, Resource
from bot.paths import repo_relative
from bot.planner.catalogue import catalogue_order, rewriter_for
from bot.planner.diff import plan_diff
from bot.planner.files import RepoTexts
from bot.planner.overlap import drop_overlaps
from bot.planner.provider import provider_major
from bot.sourcetext import SourceEncodingError, SourceText, TextFormat, read_source
from bot.yamledit.memo import memoised
from rewriters.base import Edit, Outcome, RewriteContext, Rewriter, Skip


@dataclass
class _ModuleCache:
    """Per-call cache of what every resource of one module directory shares (read once)."""

    root: Path
    config: RepoConfig
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    formats: dict[str, TextFormat] = field(default_factory=dict)  # file -> its BOM / line endings
    majors: dict[str, int | None] = field(default_factory=dict)
    repo: RepoTexts | None = None  # every file and the module calls, for fixes outside the resource's file

    def module_texts(self, res: Resource) -> dict[str, str]:
        directory = str(PurePosixPath(res.file).parent)
        if directory not in self.texts:
            self.texts[directory] = _module_texts(self.root, directory, self.config, self.formats)
        return {f: t for f, t in self.texts[directory].items() if f != res.file}

    def major(self, res: Resource) -> int | None:
        directory = str(PurePosixPath(res.file).parent)
        if directory not in self.majors:
            self.majors[directory] = provider_major(self.root, res)
        return self.majors[directory]


@dataclass(frozen=True)
class _Step:
    rewriter: Rewriter
    findings: tuple[Finding, ...]
    params: dict[str, str]


def resolve_params(rewriter: Rewriter, config: RepoConfig) -> dict[str, str]:
    """Declared defaults overlaid with `.fixbot.yml` `parameters: {<rewriter id>: {...}}`."""
    given = config.parameters.get(rewriter.id, {})
    out = {p.name: p.default for p in rewriter.parameters if p.default is not None}
    out.update({p.name: given[p.name] for p in rewriter.parameters if p.name in given})
    return out


def _unfixed(
    a: Assessment,
    reason: str,
    category: UnfixedCategory,
    rewriter: str | None = None,
    missing: tuple[str, ...] = (),
) -> Assessment:
    un = Unfixed(finding_id=a.finding.id, reason=reason, missing_parameters=missing, rewriter=rewriter,
                 category=category)
    return a.model_copy(update={"unfixed": un, "plan": None})


def plan_findings(
    assessments: Sequence[Assessment], inventory: Inventory, root: Path, config: RepoConfig
) -> list[Assessment]:
    """Every assessment returned with `plan` or `unfixed` set, in the same order."""
    resources = inventory.by_address()
    out: list[Assessment] = list(assessments)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(assessments):
        res = resources.get(a.finding.resource or "")
        rw = rewriter_for(a.finding)
        if res is None:
            out[i] = _unfixed(a, "the finding's resource is not in the repository inventory",
                              UnfixedCategory.not_mapped)
        elif rw is None:
            out[i] = _unfixed(a, f"no rewriter in the catalogue handles rule {a.finding.rule_id}",
                              UnfixedCategory.no_rewriter)
        elif rw.iac != res.kind or (rw.resource_types and res.type not in rw.resource_types):
            out[i] = _unfixed(a, f"rewriter {rw.id} does not handle {res.kind.value} type {res.type}",
                              UnfixedCategory.no_rewriter, rw.id)
        else:
            groups[res.address].append(i)
    cache = _ModuleCache(root, config, repo=RepoTexts(root, inventory, config))
    with memoised():  # resources of one manifest share its parsed documents
        for address, idxs in groups.items():
            planned = plan_resource(resources[address], [assessments[i] for i in idxs], root, config, cache)
            for i, a in zip(idxs, planned, strict=True):
                out[i] = a
    return drop_overlaps(out)


def _read(root: Path, rel: str, config: RepoConfig) -> SourceText:
    """The resource's file, normalised (see bot.sourcetext); its format is restored on the edit."""
    path = root / repo_relative(root, rel, what="resource file")
    if path.stat().st_size > config.max_file_bytes:
        raise FixbotError(f"{rel} is larger than max_file_bytes")
    return read_source(path, rel)


def _module_texts(root: Path, directory: str, config: RepoConfig, formats: dict[str, TextFormat]) -> dict[str, str]:
    """Every `.tf` file of a module directory (context for rewriters: existing siblings), normalised."""
    base = PurePosixPath(repo_relative(root, directory, what="module directory"))
    out: dict[str, str] = {}
    for path in sorted((root / base).glob("*.tf")):
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= config.max_file_bytes:
            rel = (base / path.name).as_posix()
            try:
                src = read_source(path, rel)
            except SourceEncodingError:
                continue  # never edited from a lossy decoding; the resource's own read reports it
            out[rel], formats[rel] = src.text, src.format
    return out


def plan_resource(
    res: Resource, items: Sequence[Assessment], root: Path, config: RepoConfig, cache: _ModuleCache | None = None
) -> list[Assessment]:
    """Compose every finding on one resource into one change (or explain each one left)."""
    cache = cache or _ModuleCache(root, config)
    terraform = res.kind == IacKind.terraform
    try:
        texts = cache.module_texts(res) if terraform else {}
        cached = cache.texts.get(str(PurePosixPath(res.file).parent), {}).get(res.file)
        src = SourceText(cached, cache.formats[res.file]) if cached else _read(root, res.file, config)
    except (OSError, FixbotError) as exc:
        return [_unfixed(a, f"cannot read {res.file}: {exc}", UnfixedCategory.needs_human) for a in items]
    major = cache.major(res) if terraform else None
    run = _compose(res, items, config, src.text, major, texts, cache.repo)
    edits = _edits(res.file, src, run, lambda p: _other_file(p, texts, cache))
    diff = plan_diff(edits) if run.done else ""
    fixed_ids = tuple(f.id for s in run.done for f in s.findings)
    by_finding = {f.id: s for s in run.done for f in s.findings}
    out: list[Assessment] = []
    for a in items:
        found = by_finding.get(a.finding.id)
        if found is None:
            reason, rw_id, missing, category = run.verdicts[a.finding.id]
            out.append(_unfixed(a, reason, category, rw_id, missing))
        else:
            plan = _plan(found, res, fixed_ids, edits, diff, tuple(run.notes))
            out.append(a.model_copy(update={"plan": plan, "unfixed": None}))
    return out


def _other_file(path: str, texts: dict[str, str], cache: _ModuleCache) -> SourceText | None:
    """Another file as the rewriters started from it (normalised), with its own format."""
    if path in texts:
        return SourceText(texts[path], cache.formats.get(path, TextFormat()))
    text = cache.repo.text(path) if cache.repo else None
    return None if text is None or cache.repo is None else SourceText(text, cache.repo.format(path))


def _edits(
    path: str, src: SourceText, run: _Run, read: Callable[[str], SourceText | None]
) -> tuple[FileEdit, ...]:
    """The resource's file (when changed, or when nothing else is), then every other file the
    fixes changed (a variable's default, a module call), each back in its own BOM / line endings."""
    others = []
    for other, after in sorted(run.edited.items()):
        before = read(other)  # the very text the rewriters started from
        if before is not None and before.text != after:
            others.append(FileEdit(path=other, before=before.original, after=before.format.restore(after)))
    own = FileEdit(path=path, before=src.original, after=src.format.restore(run.text))
    return tuple(others) if others and run.text == src.text else (own, *others)


Verdict = tuple[str, str | None, tuple[str, ...], UnfixedCategory]  # reason, rewriter, missing params, category


@dataclass
class _Run:
    """What composing the rewriters of one resource produced."""

    text: str
    done: list[_Step] = field(default_factory=list)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    edited: dict[str, str] = field(default_factory=dict)  # other files, as changed so far
    notes: list[str] = field(default_factory=list)


def _compose(
    res: Resource,
    items: Sequence[Assessment],
    config: RepoConfig,
    text: str,
    major: int | None,
    texts: dict[str, str],
    repo: RepoTexts | None = None,
) -> _Run:
    """Run each rewriter in catalogue order on the evolving texts; collect what each achieved."""
    run = _Run(text=text)
    for step in _steps(items, config):
        ctx = RewriteContext(
            text=run.text,
            resource=res,
            findings=step.findings,
            params=step.params,
            aws_provider_major=major,
            file_texts={f: run.edited.get(f, t) for f, t in texts.items()},
            repo=repo,
            edited=dict(run.edited),
        )
        outcome = _run(step.rewriter, ctx)
        found = _skip_reason(outcome, run.text, res, run.edited)
        if found is not None:
            reason, category = found
            missing = outcome.missing_parameters if isinstance(outcome, Skip) else ()
            reason += _unknown_parameters(step.rewriter, config) if missing else ""
            run.verdicts.update({f.id: (reason, step.rewriter.id, missing, category) for f in step.findings})
        elif isinstance(outcome, Edit):
            run.text = outcome.text
            run.edited.update(outcome.files)
            run.notes += [n for n in outcome.note.splitlines() if n and n not in run.notes]
            run.done.append(step)
    return run


def _steps(items: Sequence[Assessment], config: RepoConfig) -> list[_Step]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    rewriters: dict[str, Rewriter] = {}
    for a in items:
        rw = rewriter_for(a.finding)
        assert rw is not None
        grouped[rw.id].append(a.finding)
        rewriters[rw.id] = rw
    ordered = sorted(rewriters.values(), key=catalogue_order)
    return [_Step(rw, tuple(grouped[rw.id]), resolve_params(rw, config)) for rw in ordered]


def _run(rewriter: Rewriter, ctx: RewriteContext) -> Outcome:
    try:
        return rewriter.apply(ctx)
    except Exception as exc:  # a rewriter bug must not sink the other findings' plans
        return Skip(reason=f"rewriter {rewriter.id} failed ({type(exc).__name__}: {exc}); fix by hand",
                    category=UnfixedCategory.needs_human)


def _unknown_parameters(rewriter: Rewriter, config: RepoConfig) -> str:
    """A hint when `.fixbot.yml` sets parameters this rewriter does not declare (a typo?)."""
    declared = {p.name for p in rewriter.parameters}
    unknown = sorted(set(config.parameters.get(rewriter.id, {})) - declared)
    if not unknown:
        return ""
    expected = ", ".join(sorted(declared))
    return f" (.fixbot.yml parameters.{rewriter.id} has unknown {', '.join(unknown)}; expected {expected})"


def _skip_reason(
    outcome: Outcome, text: str, res: Resource, edited: dict[str, str]
) -> tuple[str, UnfixedCategory] | None:
    if isinstance(outcome, Skip):
        return outcome.reason, _category(outcome)
    if outcome.text == text and all(edited.get(p) == t for p, t in outcome.files.items()):
        return "already compliant in the current source (the finding may be stale)", UnfixedCategory.already_compliant
    if res.kind == IacKind.terraform:
        for path, changed in ((res.file, outcome.text), *outcome.files.items()):
            problem = tree_problem(parse(changed.encode("utf-8")))  # hcledit checked edited blocks with hcl2
            if problem is not None:
                return f"the fix would not parse in {path} ({problem}); left untouched", UnfixedCategory.needs_human
    return None


def _category(skip: Skip) -> UnfixedCategory:
    if skip.category is not None:
        return skip.category
    return UnfixedCategory.needs_parameter if skip.missing_parameters else UnfixedCategory.needs_human


def _plan(
    step: _Step, res: Resource, finding_ids: tuple[str, ...], edits: tuple[FileEdit, ...], diff: str,
    notes: tuple[str, ...],
) -> Plan:
    rw = step.rewriter
    return Plan(
        finding_ids=finding_ids,
        resource=res.address,
        rewriter=rw.id,
        action=rw.action,
        confidence=rw.confidence,
        reversible=rw.reversible,
        rollback_plan=rw.rollback_plan,
        verification=rw.verification,
        parameters=dict(step.params),
        edits=edits,
        diff=diff,
        notes=notes,
    )
