"""kiosk-central: serve the reference central API, make enrolment codes, print OpenAPI.

    kiosk-central serve [--db URL] [--host H] [--port P] [--seed demo] [--dev-token T] [--workers N]
    kiosk-central enrolment-code --db URL --hall CODE
    kiosk-central openapi            (also: python -m central openapi)
    kiosk-central mint --type eid|driving|business|social-security [--expired|--revoked|--abnormal] --out FILE.png
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from central.app import DEFAULT_DATABASE_URL

_ENV_PREFIX = "KIOSK_CENTRAL_"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-central", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the API with uvicorn")
    serve.add_argument("--db", default=DEFAULT_DATABASE_URL, help="SQLAlchemy URL (sqlite:///… or postgresql+psycopg://…)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--seed", default=None, help='"demo" or a directory with catalogue.json, hall_calendars.json, issuers.json')
    serve.add_argument("--dev-token", default=None, help="a bearer token that acts as the enrolled device 'dev'")
    serve.add_argument("--workers", type=int, default=1, help="server processes (share the database)")

    code = commands.add_parser("enrolment-code", help="print a new one-time enrolment code")
    code.add_argument("--db", required=True)
    code.add_argument("--hall", required=True)

    commands.add_parser("openapi", help="print the OpenAPI document (JSON)")

    mint = commands.add_parser("mint", help="a sample e-certificate QR code, signed by a demo issuer")
    mint.add_argument("--type", required=True, choices=["eid", "driving", "business", "social-security"])
    state = mint.add_mutually_exclusive_group()
    state.add_argument("--expired", action="store_true", help="a code that has already expired")
    state.add_argument("--revoked", action="store_true", help="a revoked certificate")
    state.add_argument("--abnormal", action="store_true", help="status abnormal (e.g. a driving licence)")
    mint.add_argument("--out", required=True, help="the PNG file to write")
    mint.add_argument("--opaque-db", metavar="URL",
                      help="an opaque token stored in this server database (verified online)")
    return parser


def make_app_from_environment():  # type: ignore[no-untyped-def]
    """The app for uvicorn's workers (``--workers`` > 1 needs an import string)."""
    from central.app import create_app

    return create_app(
        os.environ[_ENV_PREFIX + "DB"],
        seed=os.environ.get(_ENV_PREFIX + "SEED") or None,
        dev_token=os.environ.get(_ENV_PREFIX + "DEV_TOKEN") or None,
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from central.app import create_app

    if args.workers > 1:
        # seed once here, then every worker makes its app from the environment
        create_app(args.db, seed=args.seed, dev_token=args.dev_token)
        os.environ[_ENV_PREFIX + "DB"] = args.db
        os.environ[_ENV_PREFIX + "DEV_TOKEN"] = args.dev_token or ""
        uvicorn.run("central.cli:make_app_from_environment", factory=True, host=args.host,
                    port=args.port, workers=args.workers)
    else:
        uvicorn.run(create_app(args.db, seed=args.seed, dev_token=args.dev_token),
                    host=args.host, port=args.port)
    return 0


def _enrolment_code(args: argparse.Namespace) -> int:
    from central.app import create_app
    from central.auth import new_enrolment_code

    app = create_app(args.db)
    ctx = app.state.context
    if ctx.reference.calendar(args.hall) is None:
        print(f"kiosk-central: there is no hall {args.hall!r} in {args.db}", file=sys.stderr)
        return 2
    print(new_enrolment_code(ctx.db, args.hall, ctx.now()))
    ctx.db.dispose()
    return 0


def openapi_json() -> str:
    from central.app import create_app

    app = create_app("sqlite://")
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "enrolment-code":
        return _enrolment_code(args)
    if args.command == "mint":
        from pathlib import Path

        from central.mint import mint, write_png

        if args.opaque_db:
            from central.mint import mint_opaque

            text = mint_opaque(args.opaque_db, args.type, revoked=args.revoked)
        else:
            text = mint(args.type, expired=args.expired, revoked=args.revoked,
                        abnormal=args.abnormal)
        write_png(text, Path(args.out))
        print(text)
        return 0
    sys.stdout.write(openapi_json())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
