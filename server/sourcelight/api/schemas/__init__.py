"""Marshmallow schemas: the single source of truth of the API contract (docs/api.md is
generated from them)."""
