"""The server's settings in one place: where it listens, how many query workers, its limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["ServeSettings", "default_workers", "DEFAULT_TIMEOUT", "DEFAULT_MAX_BYTES"]

#: Seconds a query may run (waiting for a free worker included) before it is stopped.
DEFAULT_TIMEOUT = 10.0
#: Largest serialized result a query may return (bytes); a bigger one is refused with 422.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def default_workers() -> int:
    """Query worker processes: twice the cores plus one (gunicorn's rule), so that short queries
    still find a free worker while a few long ones run.

    >>> default_workers() >= 3
    True
    """
    return 2 * (os.cpu_count() or 1) + 1


@dataclass(frozen=True)
class ServeSettings:
    """How ``tkg serve`` runs; every limit has a safe default."""

    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = DEFAULT_TIMEOUT
    #: whether the operator gave ``--timeout``: then it is every query's limit; otherwise a request
    #: whose text is exactly a library query with its own ``# timeout:`` gets that limit
    timeout_given: bool = False
    workers: int = field(default_factory=default_workers)
    max_bytes: int = DEFAULT_MAX_BYTES
