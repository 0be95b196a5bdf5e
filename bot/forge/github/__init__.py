"""The GitHub forge: `GitHubForge` (PyGithub), App credentials and per-action scoped tokens."""

from bot.forge.github.auth import AppCredentials, RepoRef, ScopedToken, TokenBroker, load_private_key
from bot.forge.github.forge import ForgeConfig, GitHubForge

__all__ = ["AppCredentials", "ForgeConfig", "GitHubForge", "RepoRef", "ScopedToken", "TokenBroker",
           "load_private_key"]
