from sourcelight.cli import main

raise SystemExit(main())
