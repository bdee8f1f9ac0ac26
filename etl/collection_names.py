"""Person names across articles: which short or partial names of the collection are safely one person.

One article's coreference (:func:`etl.entity_rules.resolve_mentions`) folds ``Clinton`` into
``Bill Clinton`` and ``James Kopp`` into ``James Charles Kopp`` when the article writes both. An
article that writes only ``President Clinton`` or ``James Kopp`` keeps the short name, and the
facet splits one person in two values. This module merges such names across the collection,
only where the collection itself proves it (issue 13, item 4: a false merge is worse than a split):

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
   it, and only in an article that uses it as one person's family name (``President Clinton``,
   ``Mr. Kopp``, ``the Clinton administration``; not ``King Hussein``:
   :data:`etl.entity_rules.GIVEN_NAME_TITLES`), the document's ``titled_family_names``.

:func:`collection_aliases` computes the table; :func:`etl.index.apply_person_aliases` applies it
to the index's ``entities.person`` at the end of every run that changed documents.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence

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


def collection_aliases(evidence: Mapping[str, Iterable[str]], names: Iterable[str]) -> dict[str, str]:
    """The collection's person-name merges (module docstring): ``{name: canonical name}``.

    ``evidence`` maps an alias to the canonical names articles gave it (``{"James Kopp":
    {"James C. Kopp", "James Charles Kopp"}}``); ``names`` are all person names of the
    collection as the articles give them (``entities.person`` before merges). Only names that
    appear in ``evidence`` (as alias or canonical) can merge. Raises nothing.

    >>> collection_aliases({"James Kopp": ["James C. Kopp", "James Charles Kopp"]},
    ...                    ["James Kopp", "James C. Kopp", "James Charles Kopp", "Kopp"])
    {'James C. Kopp': 'James Charles Kopp', 'James Kopp': 'James Charles Kopp'}
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

    def longer(name: str) -> set[str]:
        t = _tokens(name)
        tail = tuple(w.lower() for w in t)
        grown = {n for n in parts.longer(name) if tuple(w.lower() for w in _tokens(n)[-len(t):]) == tail and not _same_ends(n, t)}
        if len(t) >= 2:
            grown |= {n for n in by_ends.get((t[0].lower(), t[-1].lower()), ()) if _same_middles(t, _tokens(n))}
        return {n for n in grown if _well_formed(n)}

    out: dict[str, str] = {}
    for name in sorted(linked):
        tops = {n for n in longer(name) if not longer(n)}
        if len(tops) == 1:
            top = tops.pop()
            one_word = " " not in name
            if groups.find(top) == groups.find(name) and (not one_word or _tokens(top)[-1].lower() == name.lower()):
                out[name] = top
    return out


def apply_aliases(persons: Sequence[str], aliases: Mapping[str, str], titled: Container[str] = ()) -> list[str]:
    """An article's ``entities.person`` with the collection's ``aliases`` applied, distinct, in order.

    A one-word name is replaced only when the article wrote it after a family-name title
    (``titled``: the document's ``titled_family_names``; module docstring, 4).
    :func:`etl.index.apply_person_aliases` applies it to the index.

    >>> apply_aliases(["Clinton", "James Kopp", "McAlpine"], {"Clinton": "Bill Clinton",
    ...     "James Kopp": "James Charles Kopp", "McAlpine": "James McAlpine"}, ["Clinton"])
    ['Bill Clinton', 'James Charles Kopp', 'McAlpine']
    """
    return list(dict.fromkeys(aliases[n] if n in aliases and (" " in n or n in titled) else n for n in persons))


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
