"""kibana/saved_objects.ndjson: the Kibana objects the Docker setup service imports.

Checked offline, against the mapping the pipeline creates: every line is a JSON object, ids are
unique, every reference (dashboard panel -> lens/visualization/search, lens/search -> data view)
resolves to an object in the file, and every field a data view, saved search, Lens layer or the
Vega spec uses exists in ``etl.index.article_mapping`` (or the rejections mapping) with a type
that can do what is asked of it (terms on keywords, date histograms on dates).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.config import ES_VERSION
from etl.index import REJECTIONS_MAPPING, article_mapping

NDJSON = Path(__file__).resolve().parents[2] / "kibana" / "saved_objects.ndjson"


def flatten(properties: dict, prefix: str = "") -> dict[str, str]:
    """``{"entities.person": "keyword", ...}``: dotted leaf field names and their mapping types."""
    out = {}
    for name, spec in properties.items():
        if "properties" in spec:
            out.update(flatten(spec["properties"], f"{prefix}{name}."))
        else:
            out[f"{prefix}{name}"] = spec["type"]
    return out


ARTICLE_FIELDS = flatten(article_mapping("standard")["properties"])
REJECTION_FIELDS = flatten(REJECTIONS_MAPPING["properties"])
FIELDS_BY_TITLE = {"news": ARTICLE_FIELDS, "news-rejections": REJECTION_FIELDS}
AGGREGATABLE = {"keyword", "date", "integer", "long", "boolean", "date_range"}


def version(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


@pytest.fixture(scope="module")
def objects() -> list[dict]:
    lines = NDJSON.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "the file should end with a newline"
    out = []
    for n, line in enumerate(lines[:-1], start=1):
        assert line.strip(), f"line {n} is empty"
        obj = json.loads(line)
        assert isinstance(obj, dict), f"line {n} is not a JSON object"
        out.append(obj)
    return out


@pytest.fixture(scope="module")
def by_key(objects) -> dict[tuple[str, str], dict]:
    return {(o["type"], o["id"]): o for o in objects}


def of_type(objects, type_):
    return [o for o in objects if o["type"] == type_]


def data_view_fields(by_key, obj: dict, ref_name: str) -> dict[str, str]:
    """Mapping fields of the data view ``obj`` references under ``ref_name``."""
    ref = next(r for r in obj["references"] if r["name"] == ref_name)
    view = by_key[("index-pattern", ref["id"])]
    return FIELDS_BY_TITLE[view["attributes"]["title"]]


def test_each_line_is_a_saved_object_with_a_unique_id(objects):
    assert objects
    for o in objects:
        assert {"type", "id", "attributes", "references"} <= set(o), o.get("id")
        assert o["attributes"].get("title"), o["id"]
    ids = [o["id"] for o in objects]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_migration_versions_are_not_newer_than_the_stack(objects):
    # Kibana refuses a document whose version is newer than it knows
    for o in objects:
        for key in ("coreMigrationVersion", "typeMigrationVersion"):
            if key in o:
                assert version(o[key]) <= version(ES_VERSION), (o["id"], key, o[key])


def test_every_reference_resolves_with_the_right_type(objects, by_key):
    for o in objects:
        names = [r["name"] for r in o["references"]]
        assert len(names) == len(set(names)), f"{o['id']}: duplicate reference names"
        for r in o["references"]:
            assert (r["type"], r["id"]) in by_key, f"{o['type']} {o['id']}: reference {r} does not resolve"


def test_news_data_view(objects):
    views = {v["attributes"]["title"]: v for v in of_type(objects, "index-pattern")}
    news = views["news"]
    assert news["attributes"]["timeFieldName"] == "published"
    assert ARTICLE_FIELDS["published"] == "date"
    assert news["id"] == "newsetl-news"  # fixed id: re-imports overwrite instead of duplicating
    for view in views.values():
        fields = FIELDS_BY_TITLE[view["attributes"]["title"]]
        assert fields[view["attributes"]["timeFieldName"]] == "date"
        for name in json.loads(view["attributes"].get("fieldAttrs", "{}")):
            assert name in fields, f"data view {view['attributes']['title']}: {name} is not in the mapping"
        assert json.loads(view["attributes"].get("runtimeFieldMap", "{}")) == {}


def test_saved_searches(objects, by_key):
    searches = {s["attributes"]["title"]: s for s in of_type(objects, "search")}
    assert "Newest articles" in searches
    newest = searches["Newest articles"]["attributes"]
    assert newest["columns"] == ["dateline", "agency", "lead"]
    assert newest["sort"] == [["published", "desc"]]
    for s in searches.values():
        source = json.loads(s["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        ref_name = source["indexRefName"]
        fields = data_view_fields(by_key, s, ref_name)
        for name in s["attributes"]["columns"] + [field for field, _ in s["attributes"]["sort"]]:
            assert name in fields, f"saved search {s['id']}: {name} is not in the mapping"


def lens_columns(lens: dict):
    """``(layer_id, column)`` for every column of every form-based layer."""
    layers = lens["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
    for layer_id, layer in layers.items():
        assert set(layer["columnOrder"]) == set(layer["columns"]), lens["id"]
        for column in layer["columns"].values():
            yield layer_id, column


def test_lens_layers_reference_the_data_view_and_use_mapped_fields(objects, by_key):
    lenses = of_type(objects, "lens")
    assert lenses
    for lens in lenses:
        state = lens["attributes"]["state"]
        assert lens["attributes"]["visualizationType"] == "lnsXY"
        accessors = set()
        for vis_layer in state["visualization"]["layers"]:
            accessors |= {vis_layer["xAccessor"], *vis_layer["accessors"]}
        columns = 0
        for layer_id, column in lens_columns(lens):
            columns += 1
            fields = data_view_fields(by_key, lens, f"indexpattern-datasource-layer-{layer_id}")
            field = column["sourceField"]
            if column["operationType"] == "count":
                assert field == "___records___"
                continue
            assert field in fields, f"lens {lens['id']}: {field} is not in the mapping"
            assert fields[field] in AGGREGATABLE, f"lens {lens['id']}: {field} ({fields[field]}) cannot be bucketed"
            if column["operationType"] == "date_histogram":
                assert fields[field] == "date"
            if column["operationType"] == "terms":
                assert fields[field] == "keyword"
                order = column["params"]["orderBy"]
                if order["type"] == "column":
                    assert order["columnId"] in accessors
        assert columns == len(accessors), f"lens {lens['id']}: a column is not shown"


def vega_spec(vis: dict) -> dict:
    vis_state = json.loads(vis["attributes"]["visState"])
    assert vis_state["type"] == "vega"
    return json.loads(vis_state["params"]["spec"])  # plain JSON (valid HJSON too)


def test_vega_mentioned_dates_is_a_date_histogram_on_the_range_field(objects):
    visualizations = of_type(objects, "visualization")
    vegas = [v for v in visualizations if json.loads(v["attributes"]["visState"])["type"] == "vega"]
    assert len(vegas) == 1
    spec = vega_spec(vegas[0])
    url = spec["data"]["url"]
    assert url["index"] == "news"
    assert ARTICLE_FIELDS[url["%timefield%"]] == "date"
    aggs = url["body"]["aggs"]
    assert len(aggs) == 1
    (name, agg), = aggs.items()
    assert agg["date_histogram"]["field"] == "mentioned_dates"
    assert ARTICLE_FIELDS["mentioned_dates"] == "date_range"
    assert spec["data"]["format"]["property"] == f"aggregations.{name}.buckets"
    for channel in spec["encoding"].values():
        assert channel["field"] in ("key", "doc_count")


def map_data_layers(map_obj: dict) -> list[dict]:
    """The layers of a Maps saved object that read documents (not the base map)."""
    layers = json.loads(map_obj["attributes"]["layerListJSON"])
    return [layer for layer in layers if "indexPatternRefName" in layer["sourceDescriptor"]]


def test_map_shows_the_geo_points_of_the_news_data_view(objects, by_key):
    (places,) = of_type(objects, "map")
    layers = map_data_layers(places)
    assert layers, "the map has no layer of articles"
    for layer in layers:
        source = layer["sourceDescriptor"]
        assert source["type"] == "ES_GEO_GRID" and source["metrics"] == [{"type": "count"}]
        assert data_view_fields(by_key, places, source["indexPatternRefName"])[source["geoField"]] == "geo_point"
    state = json.loads(places["attributes"]["mapStateJSON"])
    assert -90 <= state["center"]["lat"] <= 90 and -180 <= state["center"]["lon"] <= 180


def test_dashboard_panels_resolve_and_cover_the_story(objects, by_key):
    (dashboard,) = of_type(objects, "dashboard")
    attrs = dashboard["attributes"]
    assert attrs["title"] == "News overview"
    refs = {r["name"]: r for r in dashboard["references"]}
    panels = json.loads(attrs["panelsJSON"])
    used_fields: set[str] = set()
    for panel in panels:
        ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref["type"] == panel["type"]
        target = by_key[(ref["type"], ref["id"])]
        assert panel["gridData"]["i"] == panel["panelIndex"]
        assert 0 <= panel["gridData"]["x"] and panel["gridData"]["x"] + panel["gridData"]["w"] <= 48
        if target["type"] == "lens":
            used_fields |= {c["sourceField"] for _, c in lens_columns(target)}
        elif target["type"] == "visualization":
            used_fields |= {a["date_histogram"]["field"] for a in vega_spec(target)["data"]["url"]["body"]["aggs"].values()}
        elif target["type"] == "search":
            used_fields |= set(target["attributes"]["columns"])
        elif target["type"] == "map":
            used_fields |= {layer["sourceDescriptor"]["geoField"] for layer in map_data_layers(target)}
    assert len({p["panelIndex"] for p in panels}) == len(panels)
    assert len(refs) == len(panels)
    required = {"published", "entities.person", "entities.org", "entities.gpe", "dateline", "agency", "mentioned_dates", "lead", "geo"}
    assert required <= used_fields, f"the dashboard lacks {sorted(required - used_fields)}"
    assert attrs["timeRestore"] is True
