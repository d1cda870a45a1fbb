from termlint.cli.main import run

run()
