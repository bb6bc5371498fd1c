"""Label the reference list by author and year, as the text cites it.

The book cites in author-year form ({cite:p} with bibtex_reference_style author_year), but
pybtex's stock styles label the list itself with codes such as [HMG+23] or numbers, so a reader
cannot match a citation to its entry at a glance. This style keeps pybtex's 'plain' formatting
and order (by author) and only changes the labels: "Hill et al. 2023", with a, b, ... where two
would be the same.
"""

from __future__ import annotations

from collections import Counter

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle


def surname(person) -> str:
    return " ".join(person.last_names).replace("{", "").replace("}", "")


def author_year(entry) -> str:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        who = entry.fields.get("organization", entry.key)
    elif len(people) == 1:
        who = surname(people[0])
    elif len(people) == 2:
        who = f"{surname(people[0])} and {surname(people[1])}"
    else:
        who = f"{surname(people[0])} et al."
    return f"{who} {entry.fields.get('year', 'n.d.')}"


class AuthorYearLabels(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels = [author_year(entry) for entry in entries]
        repeated = {label for label, count in Counter(labels).items() if count > 1}
        seen: Counter = Counter()
        for label in labels:
            if label in repeated:
                seen[label] += 1
                yield f"{label}{chr(ord('a') + seen[label] - 1)}"
            else:
                yield label


class AuthorYearStyle(PlainStyle):
    default_label_style = AuthorYearLabels


def setup(app):
    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
