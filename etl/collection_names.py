"""Person names across articles: which short or partial names of the collection are safely one person.

One article's coreference (:func:`etl.entity_rules.resolve_mentions`) folds ``Clinton`` into
``Bill Clinton`` and ``James Kopp`` into ``James Charles Kopp`` when the article writes both. An
article that writes only ``President Clinton`` or ``James Kopp`` keeps the short name, and the
facet splits one person in two values. This module merges such names across the collection,
only where the collection itself proves it (issue 13, item 4: a false merge is worse than a
split; each condition below removed a false merge measured on the judged corpora,
``bench/README.md``):

1. **Evidence**: the pairs ``(alias, canonical)`` that some article folded
   (:attr:`etl.entity_rules.ArticleEntities.aliases`, stored per document as ``person_aliases``).
   The writer of that article used both names for one person; names linked by such pairs,
   directly or through other pairs, form one evidence group (cross-document coreference by
   shared name evidence, Bagga and Baldwin 1998).
2. **One candidate**: a name merges into the most complete form it can grow into among all the
   collection's well-formed person names (capitalised words, initials and particles, no
   title), and only when that form is unique: the longer names that end with it (``Clinton``
   -> ``Bill Clinton``, not when ``Hillary Clinton`` is also in the collection; ``Bin Laden``
   -> ``Osama bin Laden``; not ``Aung San`` -> ``Aung San Suu Kyi``: a name that starts a longer
   one may be a whole name itself), and the names with the same first and last word and more
   middle words. A name written with middle names or initials grows only into a name with as
   many middle names, each the same word or starting with the initial (``James C. Kopp`` ->
   ``James Charles Kopp``; ``George W. Bush`` never into ``George H. W. Bush``): news style
   names a person in full at first reference (AP Stylebook, "names"), so a second full name in
   the collection is a second person, and the short name stays as it is (never guess).
3. The merge needs both: the unique form, in the same evidence group as the name.
4. A one-word name is a family name or a given name, and alone it may name a family (``the
   McAlpine family``) or another person of that name: it merges only into a name that ends with
   it, only in an article that uses it as one person's family name with a title (``President
   Clinton``, ``the Clinton administration``; not ``King Hussein``:
   :data:`etl.entity_rules.GIVEN_NAME_TITLES`; the document's ``person_titles``), and only into
   a full name the collection writes with the same title (``President Bill Clinton``, not
   ``Sen. Hillary Clinton``; an administration is its head's: :data:`HEAD_TITLES`). A courtesy
   title (``Mr. Kopp``) fits any full name.
5. **Near in time**: a name names different people in different decades (``President Bush`` in
   1990 and in 2006). The articles of one year are merged with the evidence, names and titles
   of the articles published within :data:`YEAR_WINDOW` (two) years of theirs
   (:func:`year_tables`), never with a collection's other eras.

:func:`year_tables` computes the tables; :func:`etl.index.apply_person_aliases` applies them
to the index's ``entities.person`` at the end of every run that changed documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from etl.entity_rules import NAME_PARTICLES, TITLE_WORDS, _completeness, _NameParts, _tokens

ALIAS_SEPARATOR = " => "
"""Between the alias and the canonical name in a stored ``person_aliases`` value
(``"James Kopp => James Charles Kopp"``); no name contains it."""


def stored_aliases(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """``[("Clinton", "Bill Clinton")]`` -> ``["Clinton => Bill Clinton"]``: the document's ``person_aliases``."""
    return [f"{a}{ALIAS_SEPARATOR}{c}" for a, c in pairs]


def parse_alias(value: str) -> tuple[str, str] | None:
    """``"Clinton => Bill Clinton"`` -> ``("Clinton", "Bill Clinton")``; None for a value without the separator."""
    alias, sep, canonical = value.partition(ALIAS_SEPARATOR)
    return (alias, canonical) if sep and alias and canonical else None


def _same_middles(short: list[str], long: list[str]) -> bool:
    """``short`` (tokens) can grow into ``long``: same first and last word (any case), ``long`` more
    complete, and ``short``'s middle words none, or as many as ``long``'s, each the same word or
    the initial of it (module docstring, 2)."""
    if len(short) < 2 or len(long) < 2 or _completeness(long) <= _completeness(short):
        return False
    if short[0].lower() != long[0].lower() or short[-1].lower() != long[-1].lower():
        return False
    ms, ml = short[1:-1], long[1:-1]
    if not ms:
        return True
    if len(ms) != len(ml):
        return False
    for a, b in zip(ms, ml):
        a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
        if not (a == b or (len(a) == 1 and b.startswith(a))):
            return False
    return True


class _Groups:
    """Union-find over names: the evidence groups of the module docstring, 1."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        root = name
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while name != root:  # path compression
            self._parent[name], name = root, self._parent.get(name, name)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[ra] = rb


class Merges(NamedTuple):
    """One table of merges (:func:`collection_aliases`): ``names`` maps a name of two words or more
    to its canonical name (``{"James Kopp": "James Charles Kopp"}``); ``titled`` maps a one-word
    name as a title writes it to one (``{("President", "Clinton"): "Bill Clinton"}``)."""

    names: dict[str, str]
    titled: dict[tuple[str, str], str]


COURTESY_TITLES = frozenset("Mr Mrs Ms Miss Messrs Mme Mlle Herr Senor Senora".split())
"""Titles any adult may carry (AP Stylebook, "courtesy titles"): they say nothing about which of
two full names is meant, so with one the full name needs no title of its own."""

TITLE_FORMS = {
    "Sen": "Senator", "Gov": "Governor", "Rep": "Representative", "Pres": "President", "Gen": "General",
    "Col": "Colonel", "Capt": "Captain", "Maj": "Major", "Adm": "Admiral", "Rev": "Reverend", "Lt": "Lieutenant",
    "Sgt": "Sergeant", "Cmdr": "Commander", "Prof": "Professor", "Dr": "Doctor", "Brig": "Brigadier",
}
"""AP abbreviations of titles before names (AP Stylebook, "titles", "abbreviations") -> the title."""

HEAD_TITLES = frozenset("President Governor Premier Minister Chancellor Mayor".split())
"""Titles of the one person an administration is named after (``the Clinton administration``)."""

ADMINISTRATION = "administration"
"""The pseudo-title :func:`etl.entity_rules.person_titles` records for ``the Clinton administration``."""


def _title(word: str) -> str:
    return TITLE_FORMS.get(word, word)


def title_spellings(title: str) -> set[str]:
    """Every way ``person_titles`` may write ``title``: itself and its AP abbreviations
    (:data:`TITLE_FORMS`): ``"Senator"`` -> ``{"Senator", "Sen"}``, ``"Mr"`` -> ``{"Mr"}``."""
    return {title} | {abbr for abbr, full in TITLE_FORMS.items() if full == title}


def split_title(value: str) -> tuple[str, str] | None:
    """``"President Bill Clinton"`` (a ``person_titles`` value) -> ``("President", "Bill Clinton")``."""
    title, sep, name = value.partition(" ")
    return (title, name) if sep and name else None


def collection_aliases(
    evidence: Mapping[str, Iterable[str]], names: Iterable[str], titles: Iterable[str] = (),
) -> Merges:
    """The person-name merges of one collection (module docstring).

    ``evidence`` maps an alias to the canonical names articles gave it (``{"James Kopp":
    {"James C. Kopp", "James Charles Kopp"}}``); ``names`` are all person names of the
    collection as the articles give them (``entities.person`` before merges); ``titles`` its
    ``person_titles`` values (``"President Bill Clinton"``, ``"President Clinton"``). Only names
    that appear in ``evidence`` (as alias or canonical) can merge. Raises nothing.

    >>> collection_aliases({"James Kopp": ["James C. Kopp", "James Charles Kopp"]},
    ...                    ["James Kopp", "James C. Kopp", "James Charles Kopp", "Kopp"]).names
    {'James C. Kopp': 'James Charles Kopp', 'James Kopp': 'James Charles Kopp'}
    >>> collection_aliases({"Clinton": ["Bill Clinton"]}, ["Clinton", "Bill Clinton", "Hillary Clinton"],
    ...                    ["President Bill Clinton", "Sen Hillary Clinton", "President Clinton"]).titled
    {('President', 'Clinton'): 'Bill Clinton'}
    """
    groups = _Groups()
    linked: set[str] = set()
    for alias, canonicals in evidence.items():
        for canonical in canonicals:
            groups.union(alias, canonical)
            linked |= {alias, canonical}
    everyone = set(names) | linked
    parts = _NameParts(n for n in everyone if len(_tokens(n)) >= 2)
    by_ends: dict[tuple[str, str], list[str]] = {}
    for n in everyone:
        t = _tokens(n)
        if len(t) >= 2:
            by_ends.setdefault((t[0].lower(), t[-1].lower()), []).append(n)
    written_with: dict[str, set[str]] = {}
    for value in titles:
        pair = split_title(value)
        if pair:
            written_with.setdefault(pair[1], set()).add(_title(pair[0]))

    def longer(name: str) -> set[str]:
        t = _tokens(name)
        tail = tuple(w.lower() for w in t)
        grown = {n for n in parts.longer(name) if tuple(w.lower() for w in _tokens(n)[-len(t):]) == tail and not _same_ends(n, t)}
        if len(t) >= 2:
            grown |= {n for n in by_ends.get((t[0].lower(), t[-1].lower()), ()) if _same_middles(t, _tokens(n))}
        return {n for n in grown if _well_formed(n)}

    def merge_target(name: str, candidates: set[str]) -> str | None:
        if len(candidates) != 1:
            return None
        top = next(iter(candidates))
        return top if groups.find(top) == groups.find(name) else None

    out = Merges({}, {})
    for name in sorted(linked):
        tops = {n for n in longer(name) if not longer(n)}
        if " " in name:
            target = merge_target(name, tops)
            if target:
                out.names[name] = target
            continue
        tops = {n for n in tops if _tokens(n)[-1].lower() == name.lower()}  # a family name: the name's end
        for title in sorted(written_with.get(name, ())):
            wanted = HEAD_TITLES if title == ADMINISTRATION else {title}
            allowed = tops if title in COURTESY_TITLES else {n for n in tops if written_with.get(n, set()) & wanted}
            target = merge_target(name, allowed)
            if target:
                out.titled[(title, name)] = target
    return out


YEAR_WINDOW = 2
"""How many years before and after an article's own the articles it is merged with may be
published (module docstring, 5)."""


def year_tables(
    evidence: Mapping[tuple[str, str], Iterable[int]],
    names: Mapping[str, Iterable[int]],
    titles: Mapping[str, Iterable[int]],
    years: Iterable[int],
    window: int | None = None,
) -> dict[int, Merges]:
    """``{year: Merges}``: for the articles of each year, the merges of the collection's articles
    published within ``window`` years of it (module docstring, 5).

    ``evidence`` maps ``(alias, canonical)`` to the years of the articles that folded them,
    ``names`` and ``titles`` a person name or a ``person_titles`` value to the years of the
    articles that hold it.
    """
    window = YEAR_WINDOW if window is None else window
    out: dict[int, Merges] = {}
    for year in sorted(set(years)):
        near = set(range(year - window, year + window + 1))
        ev: dict[str, set[str]] = {}
        for (alias, canonical), when in evidence.items():
            if near & set(when):
                ev.setdefault(alias, set()).add(canonical)
        out[year] = collection_aliases(
            ev, [n for n, when in names.items() if near & set(when)], [t for t, when in titles.items() if near & set(when)],
        )
    return out


def apply_aliases(persons: Sequence[str], merges: Merges, titles: Iterable[str] = ()) -> list[str]:
    """An article's ``entities.person`` with one table of merges applied, distinct, in order.

    A one-word name is replaced only as the article titles it (``titles``: the document's
    ``person_titles``), and only when its titles lead to one name (module docstring, 4).
    :func:`etl.index.apply_person_aliases` applies it to the index.

    >>> m = Merges({"James Kopp": "James Charles Kopp"}, {("President", "Clinton"): "Bill Clinton"})
    >>> apply_aliases(["Clinton", "James Kopp", "McAlpine"], m, ["President Clinton"])
    ['Bill Clinton', 'James Charles Kopp', 'McAlpine']
    """
    return list(dict.fromkeys(merged_names(persons, merges, titles)))


def merged_names(persons: Sequence[str], merges: Merges, titles: Iterable[str] = ()) -> list[str]:
    """What each of ``persons`` becomes with ``merges`` (same length and order; :func:`apply_aliases`)."""
    by_name: dict[str, set[str]] = {}
    for value in titles:
        pair = split_title(value)
        if pair and (_title(pair[0]), pair[1]) in merges.titled:
            by_name.setdefault(pair[1], set()).add(merges.titled[(_title(pair[0]), pair[1])])
    out = []
    for n in persons:
        if " " in n:
            out.append(merges.names.get(n, n))
        else:
            found = by_name.get(n, set())
            out.append(next(iter(found)) if len(found) == 1 else n)
    return out


def _well_formed(name: str) -> bool:
    """Every word of ``name`` is a capitalised word, an initial or a name particle (``bin``, ``van``),
    and none is a title: ``Tony Blair - Sun`` and ``Archbishop Juan Luis Cipriani`` are the model's
    spans, not names to merge into."""
    for word in _tokens(name):
        if word.lower() in NAME_PARTICLES:
            continue
        if not word[0].isupper() or word.rstrip(".") in TITLE_WORDS or not any(c.isalpha() for c in word):
            return False
    return True


def _same_ends(name: str, tokens: list[str]) -> bool:
    t = _tokens(name)
    return len(tokens) >= 2 and t[0].lower() == tokens[0].lower() and t[-1].lower() == tokens[-1].lower()
