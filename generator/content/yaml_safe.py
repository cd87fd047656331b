"""YAML read safely, keeping the line of every value (load.py reads the files).

The loader constructs only what content holds: mappings (`Located`), lists
(`LocatedList`), text, numbers, booleans, nulls and dates. Anything else becomes
a located problem, never an exception, a hang or a surprising Python object: a
tag asking for another type (`!!int abc`) or another kind of object
(`!!python/...`, `!!binary`, `!!set`), a plain value YAML 1.1 half-reads as a
number (`0x_`), aliases repeating more than ALIAS_LIMIT values (an "alias
bomb"), an alias inside its own value, nesting too deep for the parser.
"""
from __future__ import annotations

import yaml

from ..errors import Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict):
    """A YAML mapping that knows where it and each of its keys stand."""

    def __init__(self, *args, line: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A YAML sequence that knows the line of each item."""

    def __init__(self, items=(), line: int = 0) -> None:
        super().__init__(items)
        self.line = line
        self.item_lines: list[int] = []

    def line_at(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# Aliases (*name) may repeat at most this many values in all: enough to reuse a list
# of speakers, far too few for an "alias bomb" that expands to billions.
ALIAS_LIMIT = 10_000
_TAG = "tag:yaml.org,2002:"
# The only kinds of value content holds; any other tag (!!binary, !!set, !!python/...,
# a local !tag) is refused rather than constructed.
_SCALARS = {"str", "int", "float", "bool", "null", "timestamp", "value"}


class _Loader(_BaseLoader):
    """Safe loader that records lines, refuses duplicate keys and keeps `9:00` a string.

    YAML 1.1 reads an unquoted `9:00` as the sexagesimal integer 540; organisers
    mean a time, so any number written with a colon stays text. Values it cannot
    take (a tag that asks for another type, a number YAML 1.1 half-recognises such
    as `0x_`, aliases expanding past ALIAS_LIMIT) become located problems in
    `refused`, never exceptions or surprising Python objects.
    """

    yaml_constructors: dict = {}  # our own table, not SafeLoader's (no binary, set, omap)
    yaml_multi_constructors: dict = {}

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str]] = []
        self.refused: list[tuple[int, str]] = []
        self.sizes: dict = {}  # node -> how many values it stands for, aliases expanded
        self.repeated = 0      # values repeated through aliases so far

    def refuse(self, node, message: str) -> None:
        self.refused.append((node.start_mark.line + 1, message))

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects:  # an alias: count what it repeats
            size = self.sizes.get(node, 1)
            if self.repeated + size > ALIAS_LIMIT:
                if self.repeated <= ALIAS_LIMIT:
                    self.refuse(node, f"aliases (*name) here repeat more than {ALIAS_LIMIT:,} "
                                      "values in all; write the values out instead")
                self.repeated = ALIAS_LIMIT + 1
                return None
            self.repeated += size
        return super().construct_object(node, deep)

    def construct_located_map(self, node):
        if not isinstance(node, yaml.MappingNode):
            return self.construct_unsupported(node)
        mapping = Located(line=node.start_mark.line + 1)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _TAG + "merge":
                self.construct_unsupported(key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.refuse(key_node, "a key must be plain text, not a list or mapping")
                continue
            key = self.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            if key in mapping:
                self.duplicate_keys.append((line, key))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
        self.sizes[node] = 1 + sum(self.sizes.get(n, 1) for pair in node.value for n in pair)
        return mapping

    def construct_located_seq(self, node):
        if not isinstance(node, yaml.SequenceNode):
            return self.construct_unsupported(node)
        items = LocatedList((self.construct_object(child, deep=True) for child in node.value),
                            line=node.start_mark.line + 1)
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        self.sizes[node] = 1 + sum(self.sizes.get(child, 1) for child in node.value)
        return items

    def construct_scalar_value(self, node):
        """A plain or quoted value; an explicit tag is accepted only where it asks for
        what YAML would read anyway (or for text: `!!str 5`)."""
        if not isinstance(node, yaml.ScalarNode):
            return self.construct_unsupported(node)
        plain = not node.style
        implicit = self.resolve(yaml.ScalarNode, node.value, (True, False)) if plain \
            else _TAG + "str"
        if node.tag not in (implicit, _TAG + "str"):
            self.refuse(node, f"the YAML tag '{_short(node.tag)}' is not supported here; "
                              "remove it (put the value in quotes to keep it as text)")
            return node.value
        kind = node.tag[len(_TAG):]
        if kind in ("str", "value"):
            return node.value
        if kind == "null":
            return None
        if kind == "bool":
            return self.construct_yaml_bool(node)
        if kind == "timestamp":
            return self.construct_date_or_text(node)
        return self.construct_number_or_text(node)

    def construct_number_or_text(self, node):
        if ":" in node.value:
            return node.value
        try:
            if node.tag.endswith(":int"):
                return self.construct_yaml_int(node)
            return self.construct_yaml_float(node)
        except ValueError:  # YAML 1.1 takes `0x_`, `0b_` or `._` for a number
            self.refuse(node, f"YAML reads '{node.value}' as a number, but it is not one; "
                              "put it in quotes if it is text")
            return node.value

    def construct_date_or_text(self, node):
        """An impossible date such as 2022-02-30 stays text, for the checker to report."""
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value

    def construct_unsupported(self, node):
        if node.tag == _TAG + "merge":
            self.refuse(node, "merge keys (`<<:`) are not supported; write the keys out")
        else:
            self.refuse(node, f"the YAML tag '{_short(node.tag)}' is not supported here; "
                              "remove it")
        return None


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


_Loader.add_constructor(_TAG + "map", _Loader.construct_located_map)
_Loader.add_constructor(_TAG + "seq", _Loader.construct_located_seq)
for _kind in _SCALARS:
    _Loader.add_constructor(_TAG + _kind, _Loader.construct_scalar_value)
_Loader.add_constructor(None, _Loader.construct_unsupported)


def parse_yaml(text: str, name: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    """Parse YAML text; lines in marks and problems are shifted to start at first_line."""
    padded = "\n" * (first_line - 1) + text
    loader = _Loader(padded)
    try:
        data = loader.get_single_data()
    except yaml.constructor.ConstructorError as exc:  # an anchor used inside itself
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else first_line
        return None, [Problem(name, line, "YAML error: an alias (*name) stands inside the "
                                          "value it names; write the value out")]
    except RecursionError:
        return None, [Problem(name, first_line, "YAML error: values nested too deeply; "
                                                "flatten the lists and mappings")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else first_line
        return None, [Problem(name, line, _syntax_message(exc, padded, line))]
    except yaml.reader.ReaderError as exc:  # a control character, such as NUL
        line = padded.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [Problem(name, line, f"the character U+{code:04X} (a control character) cannot be "
                                          "in YAML; delete it (most editors do not show it)")]
    except yaml.YAMLError as exc:
        return None, [Problem(name, first_line, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    problems = [Problem(name, line, f"key '{key}' appears twice in one mapping; keep one")
                for line, key in loader.duplicate_keys]
    problems += [Problem(name, line, message) for line, message in loader.refused]
    return data, problems


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    # Tab indentation is the most common cause, and the parser's own wording
    # ("cannot start any token") does not mention tabs, so name it plainly.
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source[: len(source) - len(source.lstrip(" \t"))]
    scanner = exc.problem and ("token" in exc.problem or "tab" in exc.problem)
    if "\t" in indent and scanner:
        return ("YAML syntax error: this line is indented with a tab; YAML needs spaces, "
                "so replace the tab with spaces")
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    return (f"YAML syntax error: {what}; check indentation, colons and quotes on this line "
            "or the one above")
