"""The theme: the built-in templates and static files, and an organiser's folder
that overrides single files of it.

The built-in theme ships inside the package (generator.theme, the project's
templates/ folder), so a build works from any folder. An organiser's theme
(`content/theme/` when it exists, or `--theme DIR`) mirrors its layout: a
`static/style.css` there replaces the built-in stylesheet, a `base.html` replaces
the built-in one and may extend it as `default/base.html` to change one block.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

STATIC = "static"
DEFAULT_PREFIX = "default"      # {% extends "default/base.html" %} in an override
CONTENT_THEME = "theme"         # content/theme/
SKIPPED = ("__init__.py", "__pycache__")
HASH_LENGTH = 10


def builtin_folder() -> Path:
    return Path(str(resources.files("generator.theme")))


@dataclass(frozen=True)
class Theme:
    """The built-in theme, with an organiser's folder over it (or none)."""

    builtin: Path
    override: Path | None = None

    @classmethod
    def for_content(cls, content_dir: Path, theme_dir: Path | None = None) -> "Theme":
        if theme_dir is None:
            candidate = Path(content_dir) / CONTENT_THEME
            theme_dir = candidate if candidate.is_dir() else None
        return cls(builtin_folder(), Path(theme_dir) if theme_dir is not None else None)

    @property
    def folders(self) -> tuple[Path, ...]:
        """Where files are looked up, the organiser's first."""
        return (self.override, self.builtin) if self.override else (self.builtin,)

    def loader(self) -> jinja2.BaseLoader:
        """Templates by name, the organiser's first; the built-in ones also as default/NAME."""
        return jinja2.ChoiceLoader([
            jinja2.FileSystemLoader([str(folder) for folder in self.folders]),
            jinja2.PrefixLoader({DEFAULT_PREFIX: jinja2.FileSystemLoader(str(self.builtin))}),
        ])

    def static_files(self) -> dict[str, Path]:
        """Name under static/ -> the file that provides it, an override winning per file."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / STATIC
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file() and not _skipped(path):
                        found[path.relative_to(static).as_posix()] = path
        return dict(sorted(found.items()))

    def assets(self) -> dict[str, tuple[str, bytes]]:
        """Name under static/ -> (output path with a content hash, bytes).

        `style.css` is published as `static/style.1a2b3c4d5e.css`: a new version gets
        a new address, so browsers and proxies that keep the old one for a year
        still fetch the new one at once."""
        published = {}
        for name, path in self.static_files().items():
            data = path.read_bytes()
            stem, dot, suffix = name.rpartition(".")
            tag = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
            hashed = f"{stem}.{tag}.{suffix}" if dot and stem else f"{name}.{tag}"
            published[name] = (f"{STATIC}/{hashed}", data)
        return published

    def digest(self) -> bytes:
        """One digest of every file of the theme: a template edit re-renders every page."""
        hasher = hashlib.blake2b(digest_size=16)
        for n, folder in enumerate(self.folders):
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and not _skipped(p)):
                hasher.update(b"%d:" % n + path.relative_to(folder).as_posix().encode() + b"\0")
                hasher.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
        return hasher.digest()

    def name(self, filename: str | None) -> str:
        """A template file as an organiser recognises it: relative to its theme's parent."""
        if not filename:
            return str(self.builtin)
        for folder in self.folders:
            try:
                return str(Path(filename).relative_to(folder.parent))
            except ValueError:
                continue
        return filename

    def owns(self, filename: str) -> bool:
        return any(filename.startswith(str(folder)) for folder in self.folders)


def _skipped(path: Path) -> bool:
    return any(part in SKIPPED or part.endswith(".pyc") for part in path.parts)
