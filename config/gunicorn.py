"""gunicorn's settings for `make serve`, read from the environment (README, "Production")."""

import os

wsgi_app = "config.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two per core is gunicorn's advice for sync workers; WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A worker replaced now and then returns whatever memory it had gathered.
max_requests = 1000
max_requests_jitter = 100

accesslog = "-"
logconfig_dict = {
    "formatters": {"json": {"()": "config.logging.JSONFormatter"}},
    "handlers": {
        "json": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"level": "INFO", "handlers": ["json"]},
    "loggers": {
        "gunicorn.access": {"level": "INFO", "handlers": ["json"], "propagate": False},
        "gunicorn.error": {"level": "INFO", "handlers": ["json"], "propagate": False},
    },
}
