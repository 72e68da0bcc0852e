"""Validation findings: what is wrong, where, in plain Indonesian.

A finding is data (code, file, line, field, message) so that the command line,
the tests and later the site can all present the same result.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One problem in one catalogue file."""

    code: str
    path: str
    message: str
    field: str | None = None
    line: int | None = None

    def __str__(self):
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.field:
            where = f"{where}: kolom '{self.field}'"
        return f"{where}: {self.message}"


class CatalogueError(Exception):
    """The catalogue cannot be published; carries every finding at once."""

    def __init__(self, findings):
        self.findings = list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))
