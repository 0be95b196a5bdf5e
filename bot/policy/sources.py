"""Where policy text comes from, and the version that names it.

- The built-in pack: `policies/*.rego` beside the `bot` package.
- Repository rules: `.fixbot/policies/*.rego` as committed on the DEFAULT branch (a pull request
  cannot change the policy it is judged by). A directory that is not a git repository (e.g. the
  server's export of the default branch) has no other source, so its working tree is read.
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
REPO_GLUE = "<generated>/fixbot_repo.rego"
REPO_KINDS = ("deny", "require_approval")
_REPO_PACKAGE = re.compile(r"fixbot\.repo\.([a-z_][a-z0-9_]*)")
_RESERVED = frozenset({"deny_reasons", "require_approval_reasons", "message"})
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


def check_repo_modules(modules: Mapping[str, str]) -> list[str]:
    """The repository packages (`fixbot.repo.<name>`, one per file); anything else → PolicyError.

    A repo module can only add reasons through `deny(name, item)` / `require_approval(name, item)`
    with their `deny_rules` / `require_approval_rules` name lists; it can never replace the pack.
    """
    packages: list[str] = []
    for name, text in modules.items():
        declared = _PACKAGE.findall(text)
        match = _REPO_PACKAGE.fullmatch(declared[0]) if len(declared) == 1 else None
        if match is None or match.group(1) in _RESERVED:
            raise PolicyError(
                f"{name}: a repository policy must declare 'package {REPO_PACKAGE}.<name>' "
                f"(found: {', '.join(declared) or 'none'})",
                hint="define deny(name, item) / require_approval(name, item) and list the names",
            )
        for kind in REPO_KINDS:
            if re.search(rf"^{kind}\(", text, re.MULTILINE) and not re.search(rf"^{kind}_rules\b", text, re.MULTILINE):
                raise PolicyError(f"{name}: defines {kind}(name, item) but no {kind}_rules list of names")
        packages.append(declared[0])
    return sorted(set(packages))


def repo_glue(modules: Mapping[str, str], packages: list[str]) -> str:
    """The generated `package fixbot.repo`: every repo module's reasons for one item, in one array."""
    lines = ["package fixbot.repo", "", "import rego.v1", ""]
    for kind in REPO_KINDS:
        parts = [
            f'[{{"rule": concat(".", ["repo", n]), "message": message(m)}} | some n in data.{pkg}.{kind}_rules; '
            f"m := data.{pkg}.{kind}(n, item)]"
            for pkg in packages
            if any(_defines(text, pkg, kind) for text in modules.values())
        ]
        body = "[]"
        for part in parts:
            body = part if body == "[]" else f"array.concat({body}, {part})"
        lines += [f"{kind}_reasons(item) := {body}", ""]
    lines += ['message(m) := m if is_string(m) else := "a repository rule fired (its message is not a string)"']
    return "\n".join(lines) + "\n"


def _defines(text: str, package: str, kind: str) -> bool:
    return _PACKAGE.findall(text) == [package] and re.search(rf"^{kind}\(", text, re.MULTILINE) is not None


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
    """Repository rules and the commit they were read at (None outside git).

    The default branch when it can be told (origin/HEAD, main, master, trunk); failing that the
    checked-out commit; a repository without any commit yet has only its working tree.
    """
    import git

    try:
        repo = git.Repo(root, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return _read_working_tree(root), None
    ref = branch or default_branch(repo)
    if ref is None:
        if not repo.head.is_valid():
            return _read_working_tree(root), None
        ref = "HEAD"
    return _read_at(repo, ref)


def _read_working_tree(root: Path) -> dict[str, str]:
    directory = root / REPO_POLICY_DIR
    return read_dir(directory, prefix=REPO_POLICY_DIR) if directory.is_dir() else {}


def _read_at(repo: object, ref: str) -> tuple[dict[str, str], str | None]:
    import git

    assert isinstance(repo, git.Repo)
    try:
        commit = repo.commit(ref)
    except (git.BadName, ValueError) as exc:
        raise PolicyError(f"branch {ref!r} has no commit to read {REPO_POLICY_DIR} from") from exc
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
