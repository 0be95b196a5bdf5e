"""The local forge: pull requests on a plain git repository, state inside `.git/fixbot/`."""

from bot.forge.local.forge import BOT_USER, LocalForge, state_dir

__all__ = ["BOT_USER", "LocalForge", "state_dir"]
