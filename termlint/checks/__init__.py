"""Rules written in Python, one module each; every module lists its rules in `RULES`."""
