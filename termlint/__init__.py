"""termlint: a linter for draft resolutions and declarations in United Nations style."""

__version__ = "0.1.0"
