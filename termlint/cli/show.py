"""`termlint check --show-settings`: the settings that govern a file, as ruff's --show-settings."""

from __future__ import annotations

import sys
from pathlib import Path

from termlint.core.errors import EXIT_CLEAN, EXIT_ERROR, SetupError
from termlint.run.options import CheckOptions
from termlint.run.runner import discover, file_settings


def show_settings(options: CheckOptions) -> int:
    """Print the configuration and rules for the first file the paths name; check nothing."""
    first = next((path for path, problem in discover(options.paths, options.overrides) if problem is None), None)
    if first is None:
        print(f"termlint: error: no file to show settings for in {', '.join(options.paths)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        shown, config, settings = file_settings(first, options.overrides, options.stdin_filename)
    except SetupError as exc:
        print(f"termlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    o = options.overrides
    codes = sorted(rule.meta.code for rule in settings.rules)
    rows = [
        ("file", shown),
        ("configuration", config.path or "none (defaults)"),
        ("select", ", ".join(o.select if o.select is not None else config.select) or "every rule"),
        ("extend-select", ", ".join(o.extend_select)),
        ("ignore", ", ".join((*config.ignore, *o.ignore))),
        ("per-file-ignores", "; ".join(f"{p} = {', '.join(c)}" for p, c in config.per_file_ignores)),
        ("severity", ", ".join(f"{c} = {s}" for c, s in config.severity)),
        ("fail-on", str(options.fail_on or config.fail_on)),
        ("exclude", ", ".join(o.exclude if o.exclude is not None else config.exclude)),
        ("extend-exclude", ", ".join(o.extend_exclude)),
        ("respect-gitignore", str(config.respect_gitignore).lower()),
        ("extensions", ", ".join(config.extensions)),
        ("packs", ", ".join(str(Path(p)) for p in config.packs)),
        ("words", str(len(config.words))),
        ("output-format", options.output_format),
        ("cache", str(options.cache_dir) if options.cache_dir else "off"),
        ("rules", f"{len(codes)}: {' '.join(codes)}"),
    ]
    width = max(len(name) for name, _ in rows)
    sys.stdout.write("".join(f"{name:<{width}}  {value or '-'}\n" for name, value in rows))
    return EXIT_CLEAN
