"""Nothing outside the content folder is read, even through a symbolic link: each
file the content names or holds must resolve inside it, else a located error."""
from __future__ import annotations

import shutil

from support import TEMPLATES, edit, line_of
from generator.cli import main

SECRET = "TOP-SECRET-OUTSIDE-TEXT"


def fails_naming(content, tmp_path, capsys) -> list[str]:
    """Both commands fail with the same problems, and nothing is written."""
    assert main(["check", "--content", str(content)]) == 1
    checked = capsys.readouterr()
    assert main(["build", "--content", str(content), "--templates", str(TEMPLATES),
                 "--output", str(tmp_path / "out")]) == 1
    built = capsys.readouterr()
    assert checked.err == built.err and SECRET not in checked.err + built.out
    assert not (tmp_path / "out").exists()
    return checked.err.splitlines()[:-1]


def outside_note(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(f"---\nsession: session-1\n---\n{SECRET}\n", encoding="utf-8")
    return secret


def test_a_note_linked_to_a_file_outside_is_refused(content, tmp_path, capsys):
    secret = outside_note(tmp_path)
    (content / "notes" / "session-1.md").unlink()
    (content / "notes" / "session-1.md").symlink_to(secret)
    assert fails_naming(content, tmp_path, capsys) == [
        f"notes/session-1.md: leads outside the content folder (to {secret}); copy the file "
        "into the content folder instead of linking to it"]


def test_a_notes_folder_linked_outside_is_refused(content, tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(content / "notes", elsewhere)
    (content / "notes").symlink_to(elsewhere, target_is_directory=True)
    problems = fails_naming(content, tmp_path, capsys)
    assert problems and all("leads outside the content folder" in p for p in problems)
    assert problems[0].startswith("notes/session-1.md: leads outside the content folder (to "
                                  f"{elsewhere / 'session-1.md'})")


def test_a_content_file_linked_outside_is_refused(content, tmp_path, capsys):
    moved = tmp_path / "meeting.yaml"
    shutil.move(content / "meeting.yaml", moved)
    (content / "meeting.yaml").symlink_to(moved)
    assert fails_naming(content, tmp_path, capsys) == [
        f"meeting.yaml: leads outside the content folder (to {moved}); copy the file into "
        "the content folder instead of linking to it"]


def test_a_publication_record_linked_outside_is_refused(content, tmp_path, capsys):
    record = tmp_path / "2022-06-10.json"
    record.write_text('{"secret": "' + SECRET + '"}', encoding="utf-8")
    (content / "published").mkdir()
    (content / "published" / "2022-06-10.json").symlink_to(record)
    assert fails_naming(content, tmp_path, capsys) == [
        f"published/2022-06-10.json: leads outside the content folder (to {record}); copy the "
        "file into the content folder instead of linking to it"]


def test_a_logo_linked_outside_is_refused(content, tmp_path, capsys):
    from PIL import Image
    outside = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "navy").save(outside)
    (content / "logo.png").symlink_to(outside)
    meeting = content / "meeting.yaml"
    edit(meeting, "organisers:", "branding:\n  logo: logo.png\norganisers:")
    assert fails_naming(content, tmp_path, capsys) == [
        f"meeting.yaml:{line_of(meeting, 'logo: logo.png')}: logo 'logo.png' is outside the "
        "content folder; put the file in it (e.g. next to meeting.yaml)"]


def test_links_that_stay_inside_the_content_folder_are_fine(content, tmp_path, capsys):
    (content / "drafts").mkdir()
    shutil.move(content / "notes" / "session-1.md", content / "drafts" / "session-1.md")
    (content / "notes" / "session-1.md").symlink_to(content / "drafts" / "session-1.md")
    assert main(["check", "--content", str(content)]) == 0
