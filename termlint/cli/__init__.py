"""The command line. Importing it first serves compiled patterns from the user's cache
(core/regexcache.py), so that every module the commands load compiles its patterns through it:
most of termlint's modules compile patterns when imported."""

from termlint.core.regexcache import install

install()
