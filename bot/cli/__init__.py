"""The `fixbot` command line: one module per command, listed in `bot.cli.main.COMMANDS`."""
