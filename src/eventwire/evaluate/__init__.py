"""Scoring coded events against gold data."""
