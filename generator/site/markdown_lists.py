"""Nested lists indented the way editors and CommonMark indent them.

Python-Markdown nests a list only under four spaces: a sub-list indented by two
(under `- `) or three (under `1. `) renders flat, silently. This preprocessor
re-indents the lines of a list so that each level of nesting the author wrote
becomes the four spaces Python-Markdown reads; nothing else of the syntax
changes. A document already written with four-space levels comes out unchanged,
line for line, so notes that rendered well keep their exact HTML.

How a level is recognised follows CommonMark: a line belongs to a list item when
it is indented at least as far as the item's text (two spaces under `- `, three
under `1. `), or as far as the item's first indented line. Fenced code keeps its
lines as written, moved along with the item that holds it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

TAB = 4  # Python-Markdown's tab_length: the indent of one level of nesting
MARKER = re.compile(r"^( *)([*+-]|\d+\.)( +|$)")
RULE = re.compile(r"^ {0,3}([-*_])(?: *\1){2,} *$")
FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
# Lines that end a list when they are not indented into it (CommonMark "interrupts").
INTERRUPTS = re.compile(r"^ {0,3}(#|>|`{3}|~{3})")


@dataclass
class _Item:
    source_marker: int      # indent of the marker as written
    source_text: int        # column where its text starts as written
    shift: int              # spaces added to (or taken from) its marker line
    out_text: int           # column of its children in the output: a multiple of TAB
    child: int | None = None  # indent of its first indented block, as written

    def holds(self, indent: int) -> bool:
        """Whether a line indented so far belongs inside this item."""
        threshold = self.child if self.child is not None else min(
            self.source_text, self.source_marker + TAB)
        return indent >= threshold

    def block_shift(self) -> int:
        return self.out_text - self.child if self.child is not None else 0


@dataclass
class _Fence:
    closing: re.Pattern
    shift: int


def reindent(lines: list[str]) -> list[str]:
    """The lines with every list nesting level at a multiple of four spaces."""
    stack: list[_Item] = []
    fence: _Fence | None = None
    blank_before = True
    out: list[str] = []
    for line in lines:
        if fence is not None:
            out.append(_shifted(line, fence.shift))
            if fence.closing.match(line):
                fence = None
            continue
        if not line.strip():
            out.append(line)
            blank_before = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        shift = _place(stack, line, indent, blank_before)
        opening = FENCE.match(line)
        if opening:
            fence = _Fence(re.compile(rf"^ *{re.escape(opening.group(2)[0])}"
                                      rf"{{{len(opening.group(2))},}} *$"), shift)
        out.append(_shifted(line, shift))
        blank_before = False
    return out


def _place(stack: list[_Item], line: str, indent: int, blank_before: bool) -> int:
    """Update the open items for one line; return how far to move the line."""
    marker = MARKER.match(line) if not RULE.match(line) else None
    if stack and not marker and not blank_before and not INTERRUPTS.match(line):
        deepest = stack[-1]  # a wrapped line of the item's text (lazy continuation)
        return deepest.shift if indent > deepest.source_marker else 0
    while stack and not stack[-1].holds(indent):
        stack.pop()
    if not stack:
        if marker and indent < TAB:
            stack.append(_new_item(marker, indent, indent))
        return 0
    parent = stack[-1]
    if marker and indent < (parent.child if parent.child is not None
                            else parent.source_text) + TAB:
        if parent.child is None:
            parent.child = indent
        stack.append(_new_item(marker, indent, parent.out_text))
        return parent.out_text - indent
    if parent.child is None and blank_before and indent < parent.source_text + TAB:
        parent.child = indent
    return parent.block_shift()


def _new_item(marker: re.Match, indent: int, out_marker: int) -> _Item:
    spaces = len(marker.group(3))
    text = indent + len(marker.group(2)) + (spaces if 0 < spaces <= TAB else 1)
    level_text = (out_marker // TAB + 1) * TAB
    return _Item(indent, text, out_marker - indent, level_text)


def _shifted(line: str, shift: int) -> str:
    if shift > 0:
        return " " * shift + line
    if shift < 0:
        removable = len(line) - len(line.lstrip(" "))
        return line[min(-shift, removable):]
    return line


class _ListIndent(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return reindent(lines)


class ListIndentExtension(Extension):
    """Register after whitespace normalisation (tabs are spaces by then) and before
    fenced code and raw HTML are set aside."""

    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(_ListIndent(md), "list_indent", 27)
