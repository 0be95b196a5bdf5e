"""Run the stage registry on synthetic repositories and print the comparison table."""

from __future__ import annotations

import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.stages import PROBES, STAGES, BenchState, Probe, Stage
from tests.bench.synth import generate_repo

TARGET_RATIO = 0.05  # fixbot's own stages should cost at most 5 % of the checkov pass

Print = Callable[[str], None]


@dataclass(frozen=True)
class Timing:
    stage: str
    seconds: float  # wall clock
    reference: bool
    rate: str = ""
    cpu: float = 0.0  # CPU time of this process and of the child processes it waited for
    scan: bool = True  # counts toward the scan target (see Stage.scan)


def _cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@dataclass(frozen=True)
class SizeResult:
    resources: int
    timings: tuple[Timing, ...]
    findings: int

    @property
    def reference_seconds(self) -> float:
        return sum(t.seconds for t in self.timings if t.reference)

    @property
    def fixbot_seconds(self) -> float:
        """fixbot's scan stages (what the ≤ 5 % target is about)."""
        return sum(t.seconds for t in self.timings if not t.reference and t.scan)

    @property
    def reference_cpu(self) -> float:
        return sum(t.cpu for t in self.timings if t.reference)

    @property
    def fixbot_cpu(self) -> float:
        return sum(t.cpu for t in self.timings if not t.reference and t.scan)

    @property
    def later_stages(self) -> tuple[Timing, ...]:
        return tuple(t for t in self.timings if not t.reference and not t.scan)


def format_rate(unit: str, seconds: float, items: int) -> str:
    if items <= 0:
        return f"- {unit}"
    if unit.startswith("ms/"):
        return f"{seconds * 1000 / items:.3f} {unit}"
    if unit.endswith("/s"):
        return f"{items / seconds:,.0f} {unit}" if seconds > 0 else f"inf {unit}"
    return f"{items} items"


def _timed(stage: Stage, state: BenchState) -> Timing:
    cpu_start, start = _cpu_now(), time.perf_counter()
    stage.run(state)
    seconds, cpu = time.perf_counter() - start, _cpu_now() - cpu_start
    rate = format_rate(stage.rate_unit, seconds, stage.items(state)) if stage.rate_unit and stage.items else ""
    return Timing(stage.name, seconds, stage.reference, rate, cpu, stage.scan)


def bench_size(root: Path, resources: int, stages: Sequence[Stage] = STAGES, note: Print = print) -> SizeResult:
    """Generate one repository of `resources` resources and time each stage on it."""
    generate_repo(root, resources)
    state = BenchState(root=root)
    timings = []
    for stage in stages:
        note(f"  [{resources}] {stage.name} ...")
        timings.append(_timed(stage, state))
    return SizeResult(resources, tuple(timings), len(state.values.get("findings", ())))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else float("inf")


def table(results: Sequence[SizeResult]) -> list[str]:
    """The per-size, per-stage table with totals, ratio and per-resource cost."""
    lines = [f"{'size':>6}  {'stage':<14} {'wall s':>9} {'cpu s':>9} {'µs/resource':>12}  rate"]
    for r in results:
        for t in r.timings:
            per = t.seconds * 1e6 / r.resources
            lines.append(f"{r.resources:>6}  {t.stage:<14} {t.seconds:>9.3f} {t.cpu:>9.3f} {per:>12.1f}  {t.rate}")
        ratio = _ratio(r.fixbot_seconds, r.reference_seconds)
        verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
        per_total = r.fixbot_seconds * 1e6 / r.resources
        lines.append(
            f"{r.resources:>6}  {'scan total':<14} {r.fixbot_seconds:>9.3f} {r.fixbot_cpu:>9.3f} {per_total:>12.1f}"
            "  fixbot's scan stages (inventory … risk)"
        )
        lines.append(
            f"{r.resources:>6}  {'ratio':<14} {ratio:>9.2%} {_ratio(r.fixbot_cpu, r.reference_cpu):>9.2%}  "
            f"scan/checkov, wall and cpu (target ≤ {TARGET_RATIO:.0%} wall: {verdict}); {r.findings} findings"
        )
        later = r.later_stages
        if later:
            wall, cpu = sum(t.seconds for t in later), sum(t.cpu for t in later)
            names = ", ".join(t.stage for t in later)
            lines.append(f"{r.resources:>6}  {'later stages':<14} {wall:>9.3f} {cpu:>9.3f} {'':>12}  {names}")
    return lines


def linearity(results: Sequence[SizeResult]) -> list[str]:
    """Per-resource cost of fixbot's stages at each size, relative to the smallest size."""
    if len(results) < 2:
        return []
    base = results[0].fixbot_seconds / results[0].resources
    parts = [f"{r.resources}: {r.fixbot_seconds * 1e6 / r.resources:.1f} µs" for r in results]
    growth = (results[-1].fixbot_seconds / results[-1].resources) / base if base else float("inf")
    return [f"per-resource scan cost: {', '.join(parts)} (x{growth:.2f} from smallest to largest)"]


def probe_lines(probes: Sequence[Probe]) -> list[str]:
    out = []
    for probe in probes:
        value, unit = probe.measure()
        out.append(f"{probe.name}: {value:.3f} {unit}")
    return out


def run_bench(sizes: Sequence[int], keep: Path | None = None, out: Print = print) -> list[SizeResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="fixbot-bench-") as tmp:
        base = keep or Path(tmp)
        for size in sizes:
            results.append(bench_size(base / f"repo-{size}", size, note=out))
    for line in [*table(results), *linearity(results), *probe_lines(PROBES)]:
        out(line)
    return results
