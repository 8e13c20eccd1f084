"""contractgen: draft, check and renew Minnesota School Resource Officer contracts."""

__version__ = "0.1.0"
