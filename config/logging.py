"""Log records as JSON lines, one object per line, for log collectors.

gunicorn's access log passes its request fields ("atoms") as the record's arguments; they
become named fields here instead of a text line that would need a parser of its own.
"""

import json
import logging
from datetime import UTC, datetime

ACCESS_FIELDS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
    "f": "referer",
    "{x-page-cache}o": "page_cache",
}


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["message"] = "request"
            entry |= {field: record.args.get(atom, "-") for atom, field in ACCESS_FIELDS.items()}
            entry["status"] = int(entry["status"])
        else:
            entry["message"] = record.getMessage()
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
