"""Event extraction: from an Analysis to EventMentions."""
