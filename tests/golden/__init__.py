"""The golden digest of what a build makes: the seeds and a fixed sample of the corpora, built as a run builds them.

A file is re-processed only when its bytes, the spaCy model or ``BUILD_REVISION``
(``etl/pipeline.py``) change (``pipeline_version``). So any change in what parsing,
normalization, NER post-processing, the TIMEX3 tagger or language detection make of a
file must come with a bump of ``BUILD_REVISION``, or documents built before it stay as
they were for ever. ``tests/unit/test_golden_build.py`` enforces that: it builds the
sample with :class:`etl.pipeline.ArticleBuilder` (no Elasticsearch needed), hashes each
document without its provenance fields (:data:`PROVENANCE`) and compares with
``build.json`` beside this file, which records the digest together with the
``BUILD_REVISION`` it was made at (and every earlier pair).

After an intended change: bump ``BUILD_REVISION``, then regenerate with one command::

    make golden                       # or: .venv/bin/python -m tests.golden --update

``--update`` refuses to record a new digest under a revision already recorded. ``python -m
tests.golden`` without ``--update`` prints what changed and exits 1 when it differs.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

GOLDEN_FILE = Path(__file__).with_name("build.json")
CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PROVENANCE = frozenset({"ingested_at", "run_id", "pipeline_version", "file_mtime_ns"})
"""Fields that say when and by which revision a document was made, not what it holds; and the
file's mtime, which each checkout of the repository (and copy of the corpora) sets anew."""

SAMPLE_RULE = {"silver-seeds": 50, "tbaq-seeds": 8}
"""How the sample was first drawn: every Nth ``*.txt`` of each corpus folder in name order
(50 of silver-seeds' 2,452, 32 of tbaq-seeds' 256). The names are then frozen in ``build.json``."""

FIELD_HASH_LENGTH = 16


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def draw_sample() -> dict[str, list[str]]:
    """The sample by :data:`SAMPLE_RULE`, plus every seed: ``{folder: [file names]}``."""
    sample = {"seeds": sorted(p.name for p in SEEDS.glob("*.txt"))}
    for folder, step in SAMPLE_RULE.items():
        sample[folder] = sorted(p.name for p in (CORPORA / folder).glob("*.txt"))[::step]
    return sample


def folder_of(name: str) -> Path:
    return SEEDS if name == "seeds" else CORPORA / name


@dataclass
class Build:
    """What a build made of the sample: per document (``<folder>/<file>``) a hash per field, and one digest of all."""

    documents: dict[str, dict[str, str]]
    digest: str


def build(sample: dict[str, list[str]]) -> Build:
    """Build every file of ``sample`` as a run does (:meth:`ArticleBuilder.run`, one batch per folder).

    A document is its ``_source`` fields (None ones included, so a new field shows) minus
    :data:`PROVENANCE`; a rejected file counts as ``{"rejected": "<stage>: <reason>"}``.
    Raises FileNotFoundError naming a sample file that is missing.
    """
    from etl.config import Settings
    from etl.models import SourceFile
    from etl.pipeline import ArticleBuilder

    builder = ArticleBuilder(Settings.model_fields["spacy_model"].default)
    docs: dict[str, dict] = {}
    for folder, names in sample.items():
        root = folder_of(folder)
        files = []
        for name in names:
            path = root / name
            if not path.is_file():
                raise FileNotFoundError(f"{path} (a file of the golden sample) is missing")
            files.append(SourceFile(path=path, relative_path=name, source=folder, size=path.stat().st_size))
        result = builder.run(files, root, run_id="golden")
        for article in result.articles:
            doc = article.model_dump(mode="json")
            docs[f"{folder}/{article.source_path}"] = {k: v for k, v in doc.items() if k not in PROVENANCE}
        for rejection in result.rejections:
            docs[f"{folder}/{rejection.source_path}"] = {"rejected": f"{rejection.stage}: {rejection.reason}"}
    hashed = {
        key: {field: _sha256(_canonical(value))[:FIELD_HASH_LENGTH] for field, value in sorted(doc.items())}
        for key, doc in sorted(docs.items())
    }
    return Build(documents=hashed, digest=_sha256(_canonical(dict(sorted(docs.items())))))


def load() -> dict:
    """``build.json``: ``sample``, ``history`` (``[{build_revision, digest}]``, oldest first), ``documents``."""
    return json.loads(GOLDEN_FILE.read_text(encoding="utf-8"))


def differences(recorded: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> str:
    """What changed between two builds' field hashes, as text: counts per field and up to 5 examples."""
    fields: Counter[str] = Counter()
    examples = []
    changed = 0
    for key in sorted(set(recorded) | set(now)):
        before, after = recorded.get(key), now.get(key)
        if before == after:
            continue
        changed += 1
        if before is None or after is None:
            what = ["(document added)" if before is None else "(document gone)"]
        else:
            what = sorted(f for f in set(before) | set(after) if before.get(f) != after.get(f))
        fields.update(what)
        if len(examples) < 5:
            examples.append(f"{key}: {', '.join(what)}")
    if not changed:
        return "no document differs"
    per_field = ", ".join(f"{f} {n}" for f, n in fields.most_common())
    return f"{changed} of {len(now)} documents differ (fields: {per_field}); e.g. " + "; ".join(examples)


def update(golden: dict | None = None) -> str:
    """Record what a build makes now under the current ``BUILD_REVISION``; returns what it did.

    Raises SystemExit with the reason when the output changed but ``BUILD_REVISION`` is
    one already recorded (bump it first), or when ``BUILD_REVISION`` went down.
    """
    from etl.pipeline import BUILD_REVISION

    golden = golden if golden is not None else (load() if GOLDEN_FILE.exists() else {"sample": draw_sample(), "history": [], "documents": {}})
    now = build(golden["sample"])
    last = golden["history"][-1] if golden["history"] else None
    if last is not None:
        if BUILD_REVISION < last["build_revision"]:
            raise SystemExit(f"BUILD_REVISION {BUILD_REVISION} is below the recorded {last['build_revision']}")
        if now.digest == last["digest"] and BUILD_REVISION == last["build_revision"]:
            return f"unchanged: revision {BUILD_REVISION}, digest {now.digest[:12]}"
        if now.digest != last["digest"] and BUILD_REVISION == last["build_revision"]:
            raise SystemExit(
                f"what a build makes changed ({differences(golden['documents'], now.documents)}) but BUILD_REVISION is "
                f"still {BUILD_REVISION}: bump it in etl/pipeline.py first, so the next run re-processes every file"
            )
    golden["history"].append({"build_revision": BUILD_REVISION, "digest": now.digest})
    golden["documents"] = now.documents
    GOLDEN_FILE.write_text(json.dumps(golden, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    return f"recorded revision {BUILD_REVISION}, digest {now.digest[:12]} ({len(now.documents)} documents) in {GOLDEN_FILE}"
