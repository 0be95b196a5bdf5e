"""One handler per webhook event (registered in `bot.server.events`)."""
