"""Persistence: settings file, SQLite history, CSV (no Qt)."""
