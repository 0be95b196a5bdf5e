from bot.cli.main import entry

raise SystemExit(entry())
