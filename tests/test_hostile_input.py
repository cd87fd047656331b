"""Hostile or odd input is a located error, quickly, and `check` says what `build` says.

Each case plants one bad thing in a temp copy of the default content (or on the
command line) and asserts the exact message; none may raise, hang or read a file
outside the content folder.
"""
from __future__ import annotations

import time

import pytest

from support import TEMPLATES, edit, line_of
from generator.cli import main
from generator.content.yaml_safe import ALIAS_LIMIT, parse_yaml

TITLE = "title: Technical Meeting"


def plant(content, text: str) -> int:
    """Put `text` (one or more lines) before the meeting's title; returns its first line."""
    meeting = content / "meeting.yaml"
    edit(meeting, TITLE, text + "\n" + TITLE)
    return line_of(meeting, text.splitlines()[0])


def run(*argv) -> int:
    return main(list(argv))


def check_and_build(content, tmp_path, capsys) -> tuple[str, str]:
    """stderr of `check` and of `build`, each of which must fail."""
    assert run("check", "--content", str(content)) == 1
    checked = capsys.readouterr().err
    assert run("build", "--content", str(content), "--templates", str(TEMPLATES),
               "--output", str(tmp_path / "out")) == 1
    built = capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    return checked, built


def refused(content, tmp_path, capsys) -> str:
    """The one problem both commands report, the same from each."""
    checked, built = check_and_build(content, tmp_path, capsys)
    assert checked == built
    problems = checked.splitlines()[:-1]
    assert len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize("value, tag", [("!!int abc", "!!int"), ("!!float x", "!!float"),
                                        ("!!timestamp hello", "!!timestamp"),
                                        ("!!int '5'", "!!int"), ("!!bool maybe", "!!bool")])
def test_a_tag_asking_for_another_type_is_refused(content, tmp_path, capsys, value, tag):
    line = plant(content, f"subtitle: {value}")
    assert refused(content, tmp_path, capsys) == (
        f"meeting.yaml:{line}: the YAML tag '{tag}' is not supported here; remove it (put the "
        "value in quotes to keep it as text)")


@pytest.mark.parametrize("value, tag", [
    ("!!python/object/apply:os.system [echo hacked]", "!!python/object/apply:os.system"),
    ("!!python/name:os.system", "!!python/name:os.system"),
    ("!!binary aGVsbG8=", "!!binary"), ("!!set {a, b}", "!!set"), ("!!omap [a: 1]", "!!omap"),
    ("!custom thing", "!custom"), ("!!map text", "!!map")])
def test_a_tag_for_a_type_content_never_holds_is_refused(content, tmp_path, capsys, value, tag):
    line = plant(content, f"subtitle: {value}")
    assert refused(content, tmp_path, capsys) == (
        f"meeting.yaml:{line}: the YAML tag '{tag}' is not supported here; remove it")


def test_a_str_tag_is_just_text():
    data, problems = parse_yaml("a: !!str 5\nb: 5\n", "m.yaml")
    assert (data, problems) == ({"a": "5", "b": 5}, [])


@pytest.mark.parametrize("value", ["0x_", "0b_", "-0x_", "0x__"])
def test_a_yaml_1_1_half_number_is_refused(content, tmp_path, capsys, value):
    line = plant(content, f"subtitle: {value}")
    assert refused(content, tmp_path, capsys) == (
        f"meeting.yaml:{line}: YAML reads '{value}' as a number, but it is not one; put it in "
        "quotes if it is text")


def bomb(levels: int = 9) -> str:
    names = "abcdefghijklmnop"[:levels]
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]"
              for before, name in zip(names, names[1:])]
    return "\n".join(lines + [f"organisers: *{names[-1]}"])


def test_an_alias_bomb_is_refused_at_once():
    started = time.perf_counter()
    _, problems = parse_yaml(bomb(), "meeting.yaml")
    assert time.perf_counter() - started < 0.5
    assert [str(p) for p in problems] == [
        f"meeting.yaml:4: aliases (*name) here repeat more than {ALIAS_LIMIT:,} values in all; "
        "write the values out instead"]


def test_an_alias_bomb_in_content_fails_check_and_build_quickly(content, tmp_path, capsys):
    edit(content / "meeting.yaml", "organisers: [unsd, hcp]\n", "")
    line = plant(content, bomb())
    started = time.perf_counter()
    message = refused(content, tmp_path, capsys)
    assert time.perf_counter() - started < 2
    assert message.startswith(f"meeting.yaml:{line + 3}: aliases (*name) here repeat more")


def test_aliases_that_repeat_a_few_values_still_work():
    text = "speakers: &panel [ana, ben]\n" + "".join(f"s{n}: *panel\n" for n in range(100))
    data, problems = parse_yaml(text, "schedule.yaml")
    assert problems == [] and data["s99"] == ["ana", "ben"]


def test_an_alias_inside_its_own_value_is_refused():
    _, problems = parse_yaml("a: &a [x, *a]\n", "m.yaml")
    assert [str(p) for p in problems] == [
        "m.yaml:1: YAML error: an alias (*name) stands inside the value it names; write the "
        "value out"]


def test_merge_keys_are_refused():
    _, problems = parse_yaml("base: &b {room: a}\nitem:\n  <<: *b\n", "m.yaml")
    assert [str(p) for p in problems] == [
        "m.yaml:3: merge keys (`<<:`) are not supported; write the keys out"]


def test_a_list_as_a_key_is_refused():
    _, problems = parse_yaml("? [a, b]\n: x\n", "m.yaml")
    assert [str(p) for p in problems] == [
        "m.yaml:1: a key must be plain text, not a list or mapping"]


def test_deep_nesting_is_refused_not_a_crash():
    _, problems = parse_yaml("a: " + "[" * 900 + "]" * 900, "m.yaml")
    assert [str(p) for p in problems] == [
        "m.yaml:1: YAML error: values nested too deeply; flatten the lists and mappings"]


@pytest.mark.parametrize("date", ["1899-12-31", "2201-01-01"])
def test_a_date_far_outside_any_meeting_is_refused_by_check_and_build(content, tmp_path,
                                                                       capsys, date):
    meeting = content / "meeting.yaml"
    edit(meeting, "start: 2022-06-20", f"start: {date}")
    assert refused(content, tmp_path, capsys) == (
        f"meeting.yaml:{line_of(meeting, 'start:')}: 'start' in meeting.yaml is {date}; a "
        "meeting's dates lie between 1900 and 2200")


def test_a_content_file_that_is_a_folder_is_named(content, tmp_path, capsys):
    (content / "people.yaml").unlink()
    (content / "people.yaml").mkdir()
    assert refused(content, tmp_path, capsys) == (
        "people.yaml: is a folder, not a file; move what it holds elsewhere and write "
        "people.yaml (see content/README.md)")


def test_a_note_that_is_a_folder_is_named(content, tmp_path, capsys):
    (content / "notes" / "extra.md").mkdir()
    assert refused(content, tmp_path, capsys) == (
        "notes/extra.md: is a folder, not a note; rename it (a note is a Markdown file ending "
        "in .md) or move what it holds")


def test_a_null_in_a_list_of_ids_is_named(content, tmp_path, capsys):
    meeting = content / "meeting.yaml"
    edit(meeting, "organisers: [unsd, hcp]", "organisers: [unsd, null, hcp]")
    assert refused(content, tmp_path, capsys) == (
        f"meeting.yaml:{line_of(meeting, 'organisers:')}: 'organisers' in meeting.yaml must "
        "list ids, not an empty value; remove the empty entry (a `-` with nothing after it, "
        "or null)")


def test_a_missing_content_folder_is_named(tmp_path, capsys):
    missing = tmp_path / "no-such-folder"
    assert run("check", "--content", str(missing)) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{missing}: content folder not found; pass --content DIR, the folder that holds "
        "meeting.yaml, people.yaml and schedule.yaml")


def test_an_output_below_a_regular_file_is_named(content, tmp_path, capsys):
    (tmp_path / "a-file").write_text("not a folder")
    output = tmp_path / "a-file" / "sub" / "out"
    assert run("build", "--content", str(content), "--output", str(output)) == 1
    assert capsys.readouterr().err.strip() == (
        f"agenda: error: cannot make the output folder {output}: {tmp_path / 'a-file'} is a "
        "file, not a folder; choose another --output")


def test_a_publication_date_the_checker_would_refuse_is_refused_at_once(content, capsys):
    assert run("publish", "--content", str(content), "--date", "1800-01-01") == 1
    assert capsys.readouterr().err.strip() == (
        "agenda: error: --date 1800-01-01: a meeting's dates lie between 1900 and 2200")
    assert not (content / "published").exists()


def test_an_empty_entry_in_a_list_of_records_is_named(content, tmp_path, capsys):
    meeting = content / "meeting.yaml"
    edit(meeting, "organisers:", "rooms:\n  -\norganisers:")
    assert refused(content, tmp_path, capsys) == (
        f"meeting.yaml:{line_of(meeting, 'rooms:') + 1}: each entry of 'rooms' must be a "
        "mapping of `key: value` lines, not an empty value; remove the empty entry (a `-` "
        "with nothing after it, or null)")


def test_a_control_character_is_located_and_named():
    _, problems = parse_yaml("id: m\ntitle: A\x00B\n", "meeting.yaml")
    assert [str(p) for p in problems] == [
        "meeting.yaml:2: the character U+0000 (a control character) cannot be in YAML; "
        "delete it (most editors do not show it)"]
