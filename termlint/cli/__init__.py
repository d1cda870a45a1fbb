"""The command line. Importing it first serves what every run would otherwise compile again from
the user's cache: the methods of dataclasses (core/codecache.py) and compiled patterns of `re`
and `regex` (core/recache.py, core/regexcache.py). They must be in place before the modules the
commands load are imported: most of termlint's modules define dataclasses and compile patterns
when imported."""

from termlint.core import codecache, recache, regexcache

recache.install()
codecache.install()
regexcache.install()
