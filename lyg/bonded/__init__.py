"""Comprehensive bonded zone: targets versus actuals."""
