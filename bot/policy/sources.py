"""Where policy text comes from, and the version that names it.

- The built-in pack: `policies/*.rego` beside the `bot` package.
- Repository rules: `.fixbot/policies/*.rego` as committed on the DEFAULT branch (a pull request
  cannot change the policy it is judged by). A directory that is not a git repository has no
  other source, so its working tree is read.
`*_test.rego` files are tests, never evaluated as policy.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

import bot
from bot.errors import PolicyError

REPO_POLICY_DIR = ".fixbot/policies"
REPO_PACKAGE = "fixbot.repo"
_PACKAGE = re.compile(r"^\s*package\s+(\S+)", re.MULTILINE)
_DEFAULT_BRANCH_CANDIDATES = ("main", "master", "trunk")


def pack_dir() -> Path:
    return Path(bot.__file__).resolve().parent.parent / "policies"


def is_test_file(name: str) -> bool:
    return name.endswith("_test.rego")


def read_dir(directory: Path, *, prefix: str, tests: bool = False) -> dict[str, str]:
    """`{prefix/name.rego: text}` for the directory's Rego files (tests only when asked)."""
    if not directory.is_dir():
        raise PolicyError(f"policy directory not found: {directory}")
    return {
        f"{prefix}/{p.name}": p.read_text(encoding="utf-8")
        for p in sorted(directory.glob("*.rego"))
        if tests or not is_test_file(p.name)
    }


def check_repo_modules(modules: Mapping[str, str]) -> None:
    """A repository module may only declare `package fixbot.repo` (it can add, never replace)."""
    for name, text in modules.items():
        packages = _PACKAGE.findall(text)
        if packages != [REPO_PACKAGE]:
            found = ", ".join(packages) or "none"
            raise PolicyError(
                f"{name}: repository policies must declare exactly 'package {REPO_PACKAGE}' (found: {found})",
                hint="repo rules contribute `deny[i] contains msg` / `require_approval[i] contains msg`",
            )


def default_branch(repo: object) -> str | None:
    """origin/HEAD's branch, else the first of main/master/trunk that exists."""
    import git

    assert isinstance(repo, git.Repo)
    try:
        ref = repo.git.symbolic_ref("--short", "refs/remotes/origin/HEAD")
        return str(ref).strip() or None
    except git.GitCommandError:
        pass
    heads = {h.name for h in repo.heads}
    return next((b for b in _DEFAULT_BRANCH_CANDIDATES if b in heads), None)


def read_repo_policies(root: Path, branch: str | None = None) -> tuple[dict[str, str], str | None]:
    """Repository rules and the commit they were read at (None outside git)."""
    import git

    try:
        repo = git.Repo(root, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        directory = root / REPO_POLICY_DIR
        return (read_dir(directory, prefix=REPO_POLICY_DIR) if directory.is_dir() else {}), None
    ref = branch or default_branch(repo)
    if ref is None:
        raise PolicyError(f"{root}: cannot tell the default branch to read {REPO_POLICY_DIR} from",
                          hint="create 'main' or set origin/HEAD")  # fmt: skip
    return _read_at(repo, ref)


def _read_at(repo: object, ref: str) -> tuple[dict[str, str], str | None]:
    import git

    assert isinstance(repo, git.Repo)
    try:
        commit = repo.commit(ref)
    except (git.BadName, ValueError) as exc:
        raise PolicyError(f"default branch {ref!r} has no commit to read policies from") from exc
    try:
        tree = commit.tree / REPO_POLICY_DIR
    except KeyError:
        return {}, None
    texts = {
        f"{REPO_POLICY_DIR}/{blob.name}": blob.data_stream.read().decode("utf-8")
        for blob in sorted(tree.blobs, key=lambda b: b.name)
        if blob.name.endswith(".rego") and not is_test_file(blob.name)
    }
    last = next(repo.iter_commits(commit, paths=REPO_POLICY_DIR, max_count=1), None)
    return texts, (last.hexsha[:7] if last is not None and texts else None)


def pack_commit(directory: Path) -> str | None:
    """The commit that last touched the pack directory, if it lives in a clean git checkout."""
    import git

    try:
        repo = git.Repo(directory, search_parent_directories=True)
        if repo.git.status("--porcelain", "--", str(directory)).strip():
            return None  # uncommitted changes: no commit names this content
        last = next(repo.iter_commits(paths=str(directory), max_count=1), None)
    except Exception:  # not a checkout, no commits yet, git missing: the content hash still names it
        return None
    return last.hexsha[:7] if last is not None else None


def content_hash(modules: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(modules):
        digest.update(name.encode("utf-8") + b"\0" + modules[name].encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]


def version_string(modules: Mapping[str, str], pack_git: str | None, repo_git: str | None) -> str:
    """`sha256:<12 hex>[@git:<pack commit>][+repo:<repo commit>]`."""
    out = f"sha256:{content_hash(modules)}"
    if pack_git:
        out += f"@git:{pack_git}"
    if repo_git:
        out += f"+repo:{repo_git}"
    return out
