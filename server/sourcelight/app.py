"""create_app(config=None): configuration → store → security → blueprints → error handlers."""
from __future__ import annotations

import logging
from typing import Any, Mapping

from flask import Flask

from sourcelight import __version__
from sourcelight.config import load_config, pipeline_options
from sourcelight.workers import shared_pool

log = logging.getLogger(__name__)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the companion server's WSGI app.

    ``config`` overrides the defaults and SOURCELIGHT_* variables (tests pass a mapping).
    Upgrades the database schema to the latest migration before serving.
    """
    from sourcelight.api import BLUEPRINTS
    from sourcelight.api.errors import register_error_handlers
    from sourcelight.security import init_security
    from sourcelight.store import Store

    settings = load_config(config)
    app = Flask(__name__, static_folder=None)
    app.config.update(settings)
    app.json.sort_keys = False

    store = Store(settings["DATABASE_URL"])
    store.upgrade()
    app.extensions["sourcelight"] = {
        "store": store,
        "pipeline_options": pipeline_options(settings),
        # Pages are annotated in worker processes: bounded in number, stopped at their budget.
        "annotator": shared_pool(int(settings["ANNOTATE_CONCURRENCY"])),
        "version": __version__,
    }
    init_security(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    register_error_handlers(app)
    return app
