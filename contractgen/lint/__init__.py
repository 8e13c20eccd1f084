"""Checking a Word contract against the requirement catalog."""
