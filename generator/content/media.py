"""Pictures the content points at (people's photos).

A photo must be a file inside the content folder (nothing outside it is read),
of a kind browsers show (PNG, JPEG, GIF, WebP, recognised by its bytes, not its
name). Its width and height are read from the file's header, so pages reserve
its space, and its digest names the published copy (`photos/NAME.DIGEST.EXT`):
a replaced picture gets a new address, so no browser keeps the old one.
"""
from __future__ import annotations

import dataclasses
import hashlib
import struct
from pathlib import Path, PurePosixPath

from ..errors import Problems
from .model import Person, Photo

# Larger files are published, with a warning: a portrait needs far less on a phone.
LARGE_PHOTO = 1_000_000
PHOTOS_FOLDER = "photos"


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(file extension, width, height) of a PNG, JPEG, GIF or WebP; None for other bytes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return "gif", width, height
    if data.startswith(b"\xff\xd8"):
        size = _jpeg_size(data)
        return ("jpg", *size) if size else None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        size = _webp_size(data)
        return ("webp", *size) if size else None
    return None


# Start-of-frame markers, the ones that carry the picture's size (not DHT, JPG, DAC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD9)):  # markers without a length
            position += 2
            continue
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return width, height
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        position += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return (int.from_bytes(data[24:27], "little") + 1,
                int.from_bytes(data[27:30], "little") + 1)
    return None


def published_path(photo: Photo) -> str:
    """Where the copy of a photo is written: photos/ana-lima.1a2b3c4d5e.jpg."""
    stem = PurePosixPath(photo.file).stem
    suffix = PurePosixPath(photo.file).suffix.lower() or ".img"
    return f"{PHOTOS_FOLDER}/{stem}.{photo.digest[:10]}{suffix}"


def photo_file(content_dir: Path, photo: Photo) -> Path:
    return Path(content_dir) / photo.file


def measure_photos(people: tuple[Person, ...], content_dir: Path, people_file: str,
                   problems: Problems, cache: dict) -> tuple[Person, ...]:
    """The people with each photo checked and measured. `cache` keeps the last result:
    while people.yaml's records and every photo's bytes are the same, the very same
    records come back (rebuilds compare records by identity)."""
    measured, changed = [], False
    for person in people:
        photo = person.photo
        if photo is not None:
            found = _measure(photo, person, Path(content_dir), people_file, problems)
            if found != photo:
                person, changed = dataclasses.replace(person, photo=found), True
        measured.append(person)
    result = tuple(measured) if changed else people
    previous = cache.get("photos")
    if previous is not None and previous[0] is people and previous[1] == result:
        return previous[1]
    cache["photos"] = (people, result)
    return result


def _measure(photo: Photo, person: Person, root: Path, people_file: str,
             problems: Problems) -> Photo | None:
    what = f"photo '{photo.file}' of person '{person.id}'"
    target = _inside(root, photo.file)
    if target is None:
        problems.error(people_file, photo.line,
                       f"{what} is not inside the content folder; copy the picture into it "
                       "(e.g. photos/) and give its path relative to the content folder")
        return None
    if not target.is_file():
        problems.error(people_file, photo.line,
                       f"{what} not found; the path is relative to the content folder "
                       f"(e.g. photos/{person.id}.jpg)")
        return None
    data = target.read_bytes()
    size = image_size(data)
    if size is None:
        problems.error(people_file, photo.line,
                       f"{what} is not a PNG, JPEG, GIF or WebP picture; save it in one of "
                       "those formats")
        return None
    if len(data) > LARGE_PHOTO:
        problems.warn(people_file, photo.line,
                      f"{what} is {len(data) / 1e6:.1f} MB; a portrait of about 400 pixels "
                      "(under 200 KB) loads much faster on phones")
    _, width, height = size
    return dataclasses.replace(photo, width=width, height=height,
                               digest=hashlib.sha256(data).hexdigest())


def _inside(root: Path, name: str) -> Path | None:
    """The file `name` names under root, or None if it would lie outside (an absolute
    path, `..`, or a symbolic link leading out)."""
    relative = PurePosixPath(name.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None
    base = root.resolve()
    target = (base / relative).resolve()
    return target if target.is_relative_to(base) else None
