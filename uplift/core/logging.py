"""Logging filters. A refused request (403) is expected traffic, not a fault: it is logged
as one line (method, path, status) without the traceback Django attaches to it."""

import logging


class ForbiddenOnOneLine(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
