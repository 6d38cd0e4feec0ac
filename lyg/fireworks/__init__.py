"""Fireworks ban: notices, zones, the rule engine and incident analysis."""
