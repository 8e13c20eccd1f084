"""Hostile-input tests: every fixture is generated in code, nothing binary is committed."""
