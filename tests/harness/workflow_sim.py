"""Run a workflow's own `run:` steps locally, the way the Actions runner would.

Only what fixbot's workflows use is supported: `${{ }}` over `inputs`, `secrets`, `github`,
`steps.<id>.outputs`, `runner`; `==`, `!=`, `&&`, `||`; `shell: bash`; per-step
`$GITHUB_OUTPUT` / `$GITHUB_STEP_SUMMARY` / `$GITHUB_ENV` / `$GITHUB_PATH` files. `uses:` steps
and the steps named in `skip` (installers) are not run: the test prepares their effect.
The scripts themselves are taken verbatim from the workflow, so the test fails if it drifts.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
REF = re.compile(r"\b(inputs|secrets|github|steps|runner|jobs)((?:\.[A-Za-z_][\w-]*)+)")


def load_workflow(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text())  # YAML 1.2: `on` stays a string
    return data


def parse_output_file(text: str) -> dict[str, str]:
    """`name=value` lines and `name<<DELIM ... DELIM` blocks, as the runner reads them."""
    out: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            end = lines.index(delim, i + 1)
            out[name] = "\n".join(lines[i + 1:end])
            i = end + 1
            continue
        if "=" in line:
            name, value = line.split("=", 1)
            out[name] = value
        i += 1
    return out


@dataclass
class Context:
    inputs: dict[str, Any]
    secrets: dict[str, str]
    github: dict[str, str]
    runner: dict[str, str]
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)

    def lookup(self, root: str, path: str) -> Any:
        node: Any = {"inputs": self.inputs, "secrets": self.secrets, "github": self.github,
                     "runner": self.runner, "steps": self.steps}[root]
        for part in path.strip(".").split("."):
            node = node.get(part, "") if isinstance(node, dict) else ""
        return node

    def evaluate(self, expr: str) -> Any:
        py = REF.sub(lambda m: repr(self.lookup(m.group(1), m.group(2))), expr)
        py = py.replace("&&", " and ").replace("||", " or ")
        return eval(py, {"__builtins__": {}}, {"true": True, "false": False})  # expressions from our own workflow file

    def render(self, value: Any) -> str:
        text = str(value)
        whole = EXPR.fullmatch(text.strip())
        if whole:
            result = self.evaluate(whole.group(1))
            return ("true" if result else "false") if isinstance(result, bool) else str(result)
        return EXPR.sub(lambda m: str(self.evaluate(m.group(1))), text)


@dataclass(frozen=True)
class StepRun:
    id: str
    ran: bool
    returncode: int
    stdout: str
    stderr: str
    outputs: dict[str, str]
    summary: str


def with_defaults(workflow: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    spec = workflow["on"]["workflow_call"]["inputs"]
    unknown = set(given) - set(spec)
    assert not unknown, f"inputs the workflow does not declare: {unknown}"
    return {name: given.get(name, s.get("default", "")) for name, s in spec.items()}


def run_job(workflow: Mapping[str, Any], job: str, ctx: Context, env: Mapping[str, str], cwd: Path,
            temp: Path, skip: set[str]) -> list[StepRun]:
    runs = []
    extra_env: dict[str, str] = {}
    path_dirs: list[str] = []
    for n, step in enumerate(workflow["jobs"][job]["steps"]):
        sid = step.get("id", f"step{n}")
        cond = step.get("if")
        wanted = "run" in step and sid not in skip and (cond is None or bool(ctx.evaluate(str(cond))))
        if not wanted:
            runs.append(StepRun(sid, False, 0, "", "", {}, ""))
            continue
        assert step.get("shell") == "bash", f"step {sid}: set `shell: bash` (-eo pipefail)"
        files = {k: temp / f"{sid}.{k}" for k in ("output", "summary", "env", "path")}
        for f in files.values():
            f.write_text("")
        step_env = {**env, **extra_env, **{k: ctx.render(v) for k, v in (step.get("env") or {}).items()},
                    "GITHUB_OUTPUT": str(files["output"]), "GITHUB_STEP_SUMMARY": str(files["summary"]),
                    "GITHUB_ENV": str(files["env"]), "GITHUB_PATH": str(files["path"])}
        step_env["PATH"] = os.pathsep.join([*path_dirs, env["PATH"]])
        script = ctx.render(step["run"])
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd,
                              env=step_env, capture_output=True, text=True, timeout=600, check=False)
        outputs = parse_output_file(files["output"].read_text())
        ctx.steps[sid] = {"outputs": outputs, "outcome": "success" if proc.returncode == 0 else "failure"}
        extra_env.update(parse_output_file(files["env"].read_text()))
        path_dirs[:0] = [p for p in files["path"].read_text().splitlines() if p]
        runs.append(StepRun(sid, True, proc.returncode, proc.stdout, proc.stderr, outputs,
                            files["summary"].read_text()))
        if proc.returncode != 0:
            break
    return runs


def job_outputs(workflow: Mapping[str, Any], job: str, ctx: Context) -> dict[str, str]:
    return {k: ctx.render(v) for k, v in (workflow["jobs"][job].get("outputs") or {}).items()}
