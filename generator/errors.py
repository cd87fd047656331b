"""Problems found in content, and the small exception tree the CLI catches once."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as we can."""

    file: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{self.message}"


class Problems:
    """Collects problems so every one is reported at once, not just the first."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.items: list[Problem] = []

    def display(self, file: Path | str) -> str:
        path = Path(file)
        if self.root is not None and path.is_relative_to(self.root):
            return str(path.relative_to(self.root))
        return str(path)  # outside the content folder: keep the full path

    def error(self, file: Path | str, line: int, message: str) -> None:
        self.items.append(Problem(self.display(file), line, message))

    def warn(self, file: Path | str, line: int, message: str) -> None:
        self.items.append(Problem(self.display(file), line, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))


class AgendaError(Exception):
    """Base of every error the CLI reports without a traceback."""


class ContentError(AgendaError):
    """The content has problems; `problems` holds all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = sum(1 for p in problems if not p.warning)
        if count:
            super().__init__(f"{count} problem{'s' if count != 1 else ''} found")
        else:
            super().__init__(f"{len(problems)} warning{'s' if len(problems) != 1 else ''} "
                             "and --strict is set")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class OutputError(AgendaError):
    """The output folder cannot be written safely."""


class InputError(AgendaError):
    """A file given on the command line cannot be used as asked (agenda import)."""


class RenderError(AgendaError):
    """A template failed; names the template and line."""
