"""The HTTP API: thin blueprints that validate with marshmallow, call the pipeline or the
store, and dump through a schema. Errors are mapped to HTTP in errors.py alone."""
from sourcelight.api.articles import bp as articles_bp
from sourcelight.api.export import bp as export_bp
from sourcelight.api.health import bp as health_bp
from sourcelight.api.highlights import bp as highlights_bp
from sourcelight.api.library import bp as library_bp
from sourcelight.api.sources import bp as sources_bp
from sourcelight.api.reads import bp as reads_bp

# Every blueprint the app registers, in order. Add new ones here.
BLUEPRINTS = [
    health_bp,
    articles_bp,
    highlights_bp,
    reads_bp,
    export_bp,
    library_bp,
    sources_bp,
]
