from namndtui.cli import main

raise SystemExit(main())
