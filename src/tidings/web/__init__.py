"""The HTTP layer: JSON API and dashboard pages over the store."""
