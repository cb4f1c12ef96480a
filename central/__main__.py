"""python -m central … — the same as kiosk-central."""

from central.cli import main

raise SystemExit(main())
