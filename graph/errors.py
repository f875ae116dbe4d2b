"""One exception hierarchy; every error carries what the CLI needs to print one clear line.

Exit codes (see :data:`EXIT_CODES`): 0 ok, 1 the answer is "no" (violations found),
2 bad input (syntax, arguments, files), 3 an engine or endpoint failed (unreachable, timeout).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "GraphError", "InputError", "ParseError", "ValidationError", "Violation", "QueryError",
    "QuerySyntaxError", "EndpointError", "QueryTimeout", "NotBuiltError", "EntityNotFound", "NoPath",
    "CountMismatch", "BuildBusy",
]


class GraphError(Exception):
    """Base of every error this package raises on purpose."""

    exit_code = 2


class InputError(GraphError):
    """Bad input: a missing or unreadable file, a bad argument."""


class ParseError(InputError):
    """A malformed RDF or SPARQL text, with file, line and column (1-based)."""

    def __init__(self, message: str, *, path: Path | str | None, line: int | None, column: int | None):
        self.path, self.line, self.column, self.detail = path, line, column, message
        where = str(path) if path is not None else "<text>"
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, named by the entity, the rule and the files the entity comes from."""

    focus: str
    rule: str
    message: str
    path: str | None = None
    value: str | None = None
    files: tuple[str, ...] = field(default=())
    severity: str = "Violation"

    def line(self) -> str:
        where = ", ".join(self.files) or "?"
        prop = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{where}: {self.focus}{prop}: {self.message}{value} [{self.rule}]"


class ValidationError(GraphError):
    """The data break the SHACL shapes or a quality check."""

    exit_code = 1

    def __init__(self, violations: list[Violation]):
        self.violations = violations
        first = violations[0].line() if violations else "no details"
        more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
        super().__init__(f"{len(violations)} SHACL violation(s): {first}{more}")


class NotBuiltError(InputError):
    """No built graph where one is expected."""


class EntityNotFound(InputError):
    """No entity has the given name."""


class BuildBusy(GraphError):
    """Another build into the same folder holds the build lock: try again when it ends (exit code 3)."""

    exit_code = 3


class QueryError(GraphError):
    """A query could not be run."""


class QuerySyntaxError(ParseError, QueryError):
    """A SPARQL query that does not parse."""


class EndpointError(QueryError):
    """A remote SPARQL endpoint is unreachable or answered with an HTTP error."""

    exit_code = 3


class QueryTimeout(QueryError):
    """A query ran longer than its time limit."""

    exit_code = 3


class NoPath(GraphError):
    """Two entities are not connected: the answer is "no" (exit code 1)."""

    exit_code = 1


class CountMismatch(GraphError):
    """A graph's triple count on the server differs from the build's."""

    exit_code = 1
