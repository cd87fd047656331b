"""The benchmark's synthetic meetings are valid content, and the same every time."""
from __future__ import annotations

from pathlib import Path

from tools import edits, synthetic
from generator.content.pipeline import load_content


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_meeting_passes_check(tmp_path):
    spec = synthetic.generate(60)
    folder = synthetic.write(spec, tmp_path / "content")
    loaded = load_content(folder)  # raises ContentError on any error
    assert loaded.warnings == ()
    items = [item for _, item in loaded.agenda.items()]
    assert len(items) == 60
    assert len(loaded.agenda.days) == spec["shape"].days
    assert {item.room for item in items} == {r["id"] for r in spec["meeting"]["rooms"]}
    # Sessions in different rooms run at the same time.
    assert any(loaded.index.concurrent.values())
    assert len(loaded.index.note_of_item) == 60
    words = len(loaded.index.note_of_item["session-1"].body.split())
    assert 250 <= words <= 400


def test_moved_session_still_passes_check(tmp_path):
    folder = synthetic.write(synthetic.generate(60), tmp_path / "content")
    before = {i.id: i.start for _, i in load_content(folder).agenda.items()}
    moved = edits.move_session(folder)
    after = {i.id: i.start for _, i in load_content(folder).agenda.items()}
    assert before[moved] != after[moved]
    assert {k: v for k, v in before.items() if k != moved} == \
        {k: v for k, v in after.items() if k != moved}


def test_generation_is_deterministic(tmp_path):
    first = synthetic.write(synthetic.generate(60), tmp_path / "a")
    second = synthetic.write(synthetic.generate(60), tmp_path / "b")
    assert _files(first) == _files(second)
