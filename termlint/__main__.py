from termlint.cli.main import main

raise SystemExit(main())
