"""`python -m bot.bench` (run by `make bench`): checkov vs fixbot's own stages on synthetic repos."""

from bot.bench.run import SizeResult, bench_size, run_bench
from bot.bench.stages import PROBES, STAGES, BenchState, Probe, Stage
from bot.bench.synth import generate_repo

__all__ = ["PROBES", "STAGES", "BenchState", "Probe", "SizeResult", "Stage", "bench_size", "generate_repo", "run_bench"]
