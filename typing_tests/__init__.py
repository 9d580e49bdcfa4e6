"""Typing tests: checked by mypy --strict, never run."""
