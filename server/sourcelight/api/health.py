"""GET /api/v1/health: is the companion running (the one route that needs no token)."""
from __future__ import annotations

from flask import Blueprint

from sourcelight import __version__
from sourcelight.api.docs import documented
from sourcelight.api.schemas.common import HealthSchema
from sourcelight.pipeline.attribution.parser import engines

bp = Blueprint("health", __name__, url_prefix="/api/v1")


@bp.get("/health")
@documented("Tell whether the companion server is running.", response=HealthSchema, auth=False, tags=("meta",))
def health():
    return HealthSchema().dump({"status": "ok", "version": __version__, "engines": engines()})
