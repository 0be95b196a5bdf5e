"""Run the stage registry on synthetic repositories and print the comparison table."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.bench.stages import PROBES, STAGES, BenchState, Probe, Stage
from tests.bench.synth import generate_repo

TARGET_RATIO = 0.05  # fixbot's own stages should cost at most 5 % of the checkov pass
WHOLE_TARGET = 0.15  # the user's whole `fixbot scan --findings` (scan + plan + policy) at most 15 %
STARTUP_TARGET = 0.3  # seconds for `fixbot --help`

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
    shape: str = "small"
    whole_scan: float | None = None  # wall seconds of the `fixbot scan --findings` command itself

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


def bench_size(
    root: Path,
    resources: int,
    stages: Sequence[Stage] = STAGES,
    note: Print = print,
    shape: str = "small",
    whole: bool = True,
) -> SizeResult:
    """Generate one repository of `resources` resources and time each stage on it, then the
    user's whole command on checkov's findings of the same pass (same run, same machine)."""
    generate_repo(root, resources, shape=shape)
    state = BenchState(root=root)
    timings = []
    label = f"{shape} {resources}"
    for stage in stages:
        note(f"  [{label}] {stage.name} ...")
        timings.append(_timed(stage, state))
        if stage.reference and whole:  # the user's findings file, as `checkov -o json` writes it
            findings = root.parent / f"{root.name}.checkov.json"
            findings.write_text(json.dumps(state.values["checkov_json"]), encoding="utf-8")
    seconds = None
    if whole:
        note(f"  [{label}] fixbot scan --findings (whole command) ...")
        seconds = whole_scan(root, root.parent / f"{root.name}.checkov.json")
    return SizeResult(resources, tuple(timings), len(state.values.get("findings", ())), shape, seconds)


def _fixbot(*args: str) -> list[str]:
    """The user's command: the installed `fixbot` script next to this interpreter, else `-m bot`."""
    script = Path(sys.executable).with_name("fixbot")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "bot", *args]


def whole_scan(root: Path, findings: Path) -> float:
    """Wall seconds of `fixbot scan ROOT --no-checkov --findings FILE --format json` (exit 0 or 1)."""
    out = root.parent / f"{root.name}.report.json"
    cmd = _fixbot("scan", str(root), "--no-checkov", "--findings", str(findings), "--format", "json")
    cmd += ["--output", str(out)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"fixbot scan failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds


def startup_seconds(runs: int = 5) -> float:
    """Median wall time of `fixbot --help` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(_fixbot("--help"), capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else float("inf")


def table(results: Sequence[SizeResult]) -> list[str]:
    """The per-size, per-stage table with totals, ratio and per-resource cost."""
    lines = [f"{'size':>6}  {'stage':<14} {'wall s':>9} {'cpu s':>9} {'µs/resource':>12}  rate"]
    for r in results:
        lines.append(f"-- shape {r.shape}, {r.resources} resources, {r.findings} findings")
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
        if r.whole_scan is not None:
            whole = _ratio(r.whole_scan, r.reference_seconds)
            verdict = "ok" if whole <= WHOLE_TARGET else "OVER TARGET"
            lines.append(
                f"{r.resources:>6}  {'fixbot scan':<14} {r.whole_scan:>9.3f} {'':>9} {'':>12}  "
                f"whole command = {whole:.2%} of checkov (target ≤ {WHOLE_TARGET:.0%}: {verdict})"
            )
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


def run_bench(
    sizes: Sequence[int], keep: Path | None = None, out: Print = print, shapes: Sequence[str] = ("small",)
) -> list[SizeResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="fixbot-bench-") as tmp:
        base = keep or Path(tmp)
        for shape in shapes:
            for size in sizes:
                results.append(bench_size(base / f"repo-{shape}-{size}", size, note=out, shape=shape))
    per_shape = [line for shape in shapes for line in linearity([r for r in results if r.shape == shape])]
    for line in [*table(results), *per_shape, *probe_lines(PROBES)]:
        out(line)
    start = startup_seconds()
    verdict = "ok" if start <= STARTUP_TARGET else "OVER TARGET"
    out(f"CLI start-up (fixbot --help, median of 5): {start:.3f} s (target ≤ {STARTUP_TARGET} s: {verdict})")
    return results
