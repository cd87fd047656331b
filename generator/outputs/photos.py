"""People's photos, copied into the site under content-hashed names
(`photos/NAME.DIGEST.EXT`, content/media.py): a changed picture gets a new
address, so browsers and caches never show the old one."""
from __future__ import annotations

from pathlib import Path

from ..content.media import photo_file, published_path
from ..content.model import Agenda
from ..site.planned import Generated


def outputs(agenda: Agenda, content_dir: Path) -> list[Generated]:
    """One copy per picture, however many people share it; its view is its bytes."""
    copies: dict[str, Generated] = {}
    for person in agenda.people:
        photo = person.photo
        if photo is not None and photo.digest:
            path = published_path(photo)
            copies.setdefault(path, Generated(path, person.source,
                                              photo_file(content_dir, photo).read_bytes,
                                              _as_is))
    return list(copies.values())


def _as_is(data: bytes) -> bytes:
    return data
