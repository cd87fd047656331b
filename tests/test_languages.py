"""Content in several languages: `languages:` in meeting.yaml, any text written by
language, per-language notes, and the projection an edition in one language is
built from (content/languages.py)."""
from __future__ import annotations

import json

import jsonschema
import pytest

from support import TEMPLATES, edit, files_of, line_of
from generator.cli import main
from generator.content.languages import project
from generator.content.pipeline import load_content
from generator.content.texts import LangText, Translated
from generator.errors import ContentError
from generator.site.build import Builder


def problems_of(content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(p) for p in caught.value.problems if not p.warning]


def warnings_of(content) -> list[str]:
    return [str(p) for p in load_content(content).warnings]


def multilingual(content, languages: str = "[en, fr]"):
    edit(content / "meeting.yaml", "language: en\n", f"languages: {languages}\n")
    return content


def french_opening(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "        title:\n          en: Opening\n"
                                                "          fr: Ouverture\n")
    return schedule


# Language codes


@pytest.mark.parametrize("code", ["fr", "ar", "zh-Hant", "pt-BR", "es-419", "sr-Latn-RS"])
def test_a_bcp_47_tag_is_a_valid_language(content, code):
    multilingual(content, f"[en, {code}]")
    assert load_content(content).agenda.meeting.languages == ("en", code)


@pytest.mark.parametrize("code, fix", [
    ("en_US", "write `en-US` (parts of a tag are joined with '-')"),
    ("French", "write `fr`, the code of French"),
    ("e", "a language is a BCP 47 tag such as en, fr, ar, zh-Hant or pt-BR"),
])
def test_a_code_that_is_no_bcp_47_tag_is_refused_with_what_to_write(content, code, fix):
    multilingual(content, f"[en, {code}]")
    line = line_of(content / "meeting.yaml", "languages:")
    assert problems_of(content) == [f"meeting.yaml:{line}: 'languages' in meeting.yaml lists "
                                    f"'{code}', not a language code; {fix}"]


def test_a_bad_main_language_is_refused(content):
    edit(content / "meeting.yaml", "language: en\n", "language: English\n")
    line = line_of(content / "meeting.yaml", "language:")
    assert problems_of(content) == [f"meeting.yaml:{line}: 'language' in meeting.yaml is "
                                    "'English', not a language code; write `en`, the code "
                                    "of English"]


def test_a_language_listed_twice_is_refused(content):
    edit(content / "meeting.yaml", "language: en\n", "languages:\n  - en\n  - fr\n  - fr\n")
    meeting = content / "meeting.yaml"
    first = line_of(meeting, "  - fr")
    assert problems_of(content) == [f"meeting.yaml:{first + 1}: 'languages' in meeting.yaml "
                                    f"lists 'fr' twice (first at line {first}); list each "
                                    "language once"]


def test_language_must_be_the_first_of_languages(content):
    edit(content / "meeting.yaml", "language: en\n", "language: fr\nlanguages: [en, fr]\n")
    line = line_of(content / "meeting.yaml", "language: fr")
    assert problems_of(content) == [f"meeting.yaml:{line}: 'language' is 'fr' but `languages:` "
                                    "starts with 'en', and the first of `languages:` is the "
                                    "main language; remove `language:`, or list fr first"]


def test_the_first_of_languages_is_the_main_language(content):
    edit(content / "meeting.yaml", "language: en\n", "languages: [fr, en]\n")
    meeting = load_content(content).agenda.meeting
    assert (meeting.language, meeting.languages) == ("fr", ("fr", "en"))


def test_a_single_language_meeting_has_that_language_alone(content):
    meeting = load_content(content).agenda.meeting
    assert (meeting.language, meeting.languages) == ("en", ("en",))


# Texts by language


def test_the_main_language_text_is_what_the_pipeline_sees(content):
    multilingual(content)
    french_opening(content)
    loaded = load_content(content)
    _, opening = loaded.index.items["opening"]
    assert opening.title == "Opening"
    assert isinstance(opening.title, Translated)
    assert opening.title.translations == {"en": "Opening", "fr": "Ouverture"}


def test_a_text_in_a_language_the_meeting_does_not_list_is_refused(content):
    multilingual(content)
    schedule = french_opening(content)
    edit(schedule, "          fr: Ouverture\n",
         "          fr: Ouverture\n          de: Eröffnung\n")
    assert problems_of(content) == [f"schedule.yaml:{line_of(schedule, 'de: Eröffnung')}: "
                                    "'title' in item 'opening' has a text in 'de', which is "
                                    "not one of the meeting's languages (en, fr); add it to "
                                    "`languages:` in meeting.yaml, or remove it"]


def test_a_text_without_the_main_language_is_refused(content):
    multilingual(content)
    schedule = french_opening(content)
    edit(schedule, "          en: Opening\n", "")
    line = line_of(schedule, "fr: Ouverture") - 1
    assert f"schedule.yaml:{line}: 'title' in item 'opening' has no text in en, the main " \
           "language; add `en: ...` under it" in problems_of(content)


def test_a_missing_translation_is_a_warning_with_its_line(content):
    multilingual(content, "[en, fr, ar]")
    schedule = french_opening(content)
    line = line_of(schedule, "en: Opening") - 1
    assert f"schedule.yaml:{line}: warning: 'title' in item 'opening' has no ar translation; " \
           "add `ar: ...` under it (the en text is shown meanwhile)" in warnings_of(content)


def test_check_strict_fails_on_a_missing_translation(content, capsys):
    multilingual(content, "[en, fr, ar]")
    french_opening(content)
    assert main(["check", "--content", str(content)]) == 0
    assert main(["check", "--strict", "--content", str(content)]) == 1
    assert "'title' in item 'opening' has no ar translation" in capsys.readouterr().err


def test_a_text_written_once_serves_every_language_without_a_warning(content):
    multilingual(content)
    assert warnings_of(content) == []


def test_guiding_questions_may_be_written_by_language(content):
    multilingual(content)
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "        title: Opening\n        questions:\n"
                   "          - en: Why?\n            fr: Pourquoi ?\n")
    agenda, _ = project(*_loaded(content), "fr")
    assert next(i for _, i in agenda.items() if i.id == "opening").questions == ("Pourquoi ?",)


def test_a_mapping_in_a_single_language_meeting_is_still_not_text(content):
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "        title:\n          fr: Ouverture\n")
    line = line_of(schedule, "fr: Ouverture") - 1
    assert problems_of(content) == [f"schedule.yaml:{line}: 'title' in item 'opening' must be "
                                    "text, not a mapping; quote it if needed"]


# Per-language notes


def test_a_per_language_note_is_not_a_note_of_its_own(content):
    multilingual(content)
    (content / "notes" / "session-1.fr.md").write_text("## Ordre du jour\n", encoding="utf-8")
    loaded = load_content(content)
    names = [note.name for note in loaded.agenda.notes]
    assert "session-1.fr.md" not in names and "session-1.md" in names
    assert loaded.index.notes["session-1.md"].translations["fr"].body == "## Ordre du jour\n"
    assert not any("session-1.fr.md" in w for w in loaded.warnings)


def test_a_note_for_a_language_the_meeting_does_not_list_is_left_out_with_a_warning(content):
    multilingual(content)
    (content / "notes" / "session-1.de.md").write_text("## Tagesordnung\n", encoding="utf-8")
    loaded = load_content(content)
    assert "session-1.de.md" not in [note.name for note in loaded.agenda.notes]
    assert ("notes/session-1.de.md:1: warning: looks like the de text of notes/session-1.md, "
            "but de is not one of the meeting's languages (en, fr), so it is left out; add de "
            "to `languages:` in meeting.yaml, or rename the file") in map(str, loaded.warnings)


def test_a_partly_translated_note_warns_of_the_missing_language(content):
    multilingual(content, "[en, fr, ar]")
    (content / "notes" / "session-1.fr.md").write_text("## Ordre du jour\n", encoding="utf-8")
    assert ("notes/session-1.md:1: warning: note session-1.md has no ar translation; add "
            "notes/session-1.ar.md (the en text is shown meanwhile)") in warnings_of(content)


# Projection


def _loaded(content):
    loaded = load_content(content)
    return loaded.agenda, loaded.index


def test_projection_into_french_gives_the_french_text(content):
    multilingual(content)
    french_opening(content)
    agenda, index = project(*_loaded(content), "fr")
    _, opening = index.items["opening"]
    assert opening.title == "Ouverture" and opening.title.lang == "fr"
    assert agenda.meeting.language == "fr"


def test_projection_falls_back_to_the_main_language_marked_as_such(content):
    multilingual(content, "[en, fr, ar]")
    french_opening(content)
    _, index = project(*_loaded(content), "ar")
    _, opening = index.items["opening"]
    assert isinstance(opening.title, LangText)
    assert (opening.title, opening.title.lang) == ("Opening", "en")


def test_a_text_written_once_counts_as_being_in_every_language(content):
    multilingual(content)
    agenda, index = project(*_loaded(content), "fr")
    _, opening = index.items["opening"]
    assert (opening.subtitle, opening.subtitle.lang) == ("Welcome remarks", "fr")
    assert agenda.people[0].name.lang == "fr"


def test_the_index_of_a_projection_points_at_projected_records(content):
    multilingual(content)
    french_opening(content)
    agenda, index = project(*_loaded(content), "fr")
    opening = next(item for _, item in agenda.items() if item.id == "opening")
    assert index.items["opening"][1] is opening
    speaker = opening.speakers[0].person
    assert index.person_appearances[speaker][0].item is opening
    assert index.people[speaker] is next(p for p in agenda.people if p.id == speaker)


def test_projection_uses_the_per_language_note(content):
    multilingual(content)
    (content / "notes" / "session-1.fr.md").write_text("## Ordre du jour\n", encoding="utf-8")
    _, index = project(*_loaded(content), "fr")
    note = index.note_of_item["session-1"]
    assert (note.body, note.body.lang) == ("## Ordre du jour\n", "fr")
    assert note.source.file == "notes/session-1.fr.md"
    assert index.note_of_item["session-2"].body.lang == "fr"  # no translation at all


def test_projection_into_the_main_language_equals_the_parsed_agenda(content):
    multilingual(content)
    french_opening(content)
    agenda, index = _loaded(content)
    projected, _ = project(agenda, index, "en")
    assert projected == agenda
    assert projected.days[0].items[0].title.lang == "en"


def test_projection_is_remembered_for_the_same_load(content):
    agenda, index = _loaded(content)
    assert project(agenda, index, "en") is project(agenda, index, "en")


def test_projection_into_a_language_the_meeting_lacks_is_refused(content):
    with pytest.raises(ValueError, match="fr is not one of the meeting's languages"):
        project(*_loaded(content), "fr")


def test_a_multilingual_meeting_keeps_its_main_edition_at_the_root(content, tmp_path):
    Builder(content, TEMPLATES).build(tmp_path / "before")
    multilingual(content)
    french_opening(content)
    Builder(content, TEMPLATES).build(tmp_path / "after")
    before, after = files_of(tmp_path / "before"), files_of(tmp_path / "after")
    assert {path for path in after if not path.startswith("fr/")} == before.keys()


def test_a_link_to_an_unknown_page_in_a_translation_is_refused_at_its_line(content):
    multilingual(content)
    schedule = content / "schedule.yaml"
    edit(schedule, "        title: Opening\n", "        title: Opening\n        description:\n"
                   "          en: See [the first session](@session-1).\n"
                   "          fr: |\n            Voir\n            [la séance](@session-99).\n")
    line = line_of(schedule, "[la séance](@session-99)")
    assert [p for p in problems_of(content) if "@session-99" in p] == [
        f"schedule.yaml:{line}: link to unknown page '@session-99'; did you mean "
        "'@session-9'? a link to another page of the meeting is written @ITEM-ID, @days/DATE, "
        "@people/ID, @organisations/ID or @TAXONOMY/ID (see \"Links between pages\" in "
        "content/README.md)"]


def test_the_editor_schema_accepts_texts_by_language_and_refuses_a_bad_tag(content):
    schema = json.loads((content / "schema" / "schedule.schema.json").read_text())
    validator = jsonschema.Draft7Validator(schema)
    item = {"start": "09:00", "end": "10:00", "title": {"en": "Opening", "fr": "Ouverture"},
            "questions": [{"en": "Why?", "fr": "Pourquoi ?"}, "How?"]}
    day = {"date": "2022-06-20", "items": [item]}
    assert not list(validator.iter_errors({"days": [day]}))
    item["title"] = {"en_US": "Opening"}
    assert list(validator.iter_errors({"days": [day]}))
    meeting = json.loads((content / "schema" / "meeting.schema.json").read_text())
    assert not list(jsonschema.Draft7Validator(meeting).iter_errors(
        {"id": "m", "title": "M", "timezone": "Europe/Paris", "start": "2025-01-01",
         "end": "2025-01-01", "languages": ["en", "fr", "zh-Hant"]}))
    assert list(jsonschema.Draft7Validator(meeting).iter_errors(
        {"id": "m", "title": "M", "timezone": "Europe/Paris", "start": "2025-01-01",
         "end": "2025-01-01", "languages": ["English"]}))


def test_the_english_copy_tests_edit_is_the_default_meeting_in_one_language(content):
    """support/monolingual.py: what most tests start from."""
    loaded = load_content(content)
    assert loaded.agenda.meeting.languages == ("en",) and loaded.warnings == ()
    assert not list((content / "notes").glob("*.*.md"))
    assert "\n        title: Opening\n" in (content / "schedule.yaml").read_text()
