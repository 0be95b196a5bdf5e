"""`python -m tests.bench` (run by `make bench`): checkov vs fixbot's own stages on synthetic repos."""

from tests.bench.run import SizeResult, bench_size, run_bench
from tests.bench.stages import PROBES, STAGES, BenchState, Probe, Stage
from tests.bench.synth import generate_repo

__all__ = ["PROBES", "STAGES", "BenchState", "Probe", "SizeResult", "Stage", "bench_size", "generate_repo", "run_bench"]
