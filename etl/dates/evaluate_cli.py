"""``newsetl evaluate-dates DIR [--errors] [--part tuning|held-out|all] [--json]``: score the
temporal tagger on TimeML.

The command is registered in :mod:`etl.cli`; this module does the work so the CLI stays a
thin wrapper. Measures are TempEval-3 Task A (see :mod:`etl.dates.timeml`), over all
documents and over each part of the fixed split (:func:`etl.dates.timeml.corpus_part`).
Errors are listed grouped by the rule that made the system mention (misses by whether spaCy
proposed a span), the rule with the most errors first, so the next person knows which rule
to open; by default only the tuning part's errors are listed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from etl.dates.timeml import PARTS, EvalError, EvaluationResult, error_group, errors_by_rule, evaluate_directory

__all__ = ["evaluate_dates_command", "render"]

_KIND_LABEL = {"miss": "MISS", "false_alarm": "FALSE ALARM", "wrong_value": "WRONG"}


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


def _describe(e: EvalError) -> str:
    if e.kind == "miss":
        return f"gold {e.gold_type} {e.gold_value} {e.gold_text!r}"
    if e.kind == "false_alarm":
        return f"system {e.system_type} {e.system_value} {e.system_text!r}"
    return (
        f"gold {e.gold_type} {e.gold_value} {e.gold_text!r} | "
        f"system {e.system_type} {e.system_value} {e.system_text!r}"
    )


def render_errors(result: EvaluationResult, console: Console, part: str = "tuning") -> None:
    """Print the errors of ``part`` grouped by rule: a count table, then each group's errors
    (kind, document, gold and system values, context), the group with the most errors first."""
    errors = result.errors_of(part)
    counts = errors_by_rule(errors)
    groups: dict[str, list[EvalError]] = {}
    for e in errors:
        groups.setdefault(error_group(e), []).append(e)
    for group in counts:
        row = counts[group]
        console.print(
            f"[bold]{escape(group)}[/]: {row['total']} errors "
            f"(wrong {row['wrong_value']}, false alarm {row['false_alarm']}, miss {row['miss']})",
            soft_wrap=True,
        )
        for e in sorted(groups[group], key=lambda e: (e.kind, e.doc_id, e.start)):
            console.print(f"  [bold]{_KIND_LABEL[e.kind]}[/] {escape(e.doc_id)}: {escape(_describe(e))}", soft_wrap=True)
            console.print(f"      {escape(e.context)}", soft_wrap=True)
        console.print()
    table = Table(title=f"errors by rule ({part} part)" if part != "all" else "errors by rule (all documents)")
    for column in ("rule", "wrong value", "false alarm", "miss", "total"):
        table.add_column(column, justify="left" if column == "rule" else "right")
    for group, row in counts.items():
        table.add_row(escape(group), str(row["wrong_value"]), str(row["false_alarm"]), str(row["miss"]), str(row["total"]))
    console.print(table)
    hidden = len(result.errors) - len(errors)
    if hidden:
        console.print(
            f"{hidden} errors of the other part not listed (--part all lists every error; "
            "rules are developed on the tuning part, the held-out part is only measured)",
            soft_wrap=True,
        )
    console.print()


def render(result: EvaluationResult, console: Console, errors: bool = False, part: str = "tuning") -> None:
    """Print the measures as rich tables: all documents, then each part of the split (and,
    with ``errors``, the errors of ``part`` grouped by rule first)."""
    s = result.scores
    if errors:
        render_errors(result, console, part)
    for path, reason in result.skipped:
        console.print(f"[yellow]skipped[/] {escape(path)}: {escape(reason)}", soft_wrap=True)

    table = Table(title=f"TempEval-3 Task A on {escape(str(result.directory))}")
    table.add_column("measure")
    table.add_column("precision", justify="right")
    table.add_column("recall", justify="right")
    table.add_column("F1", justify="right")
    table.add_row("strict span", f"{s.strict.precision:.4f}", f"{s.strict.recall:.4f}", f"{s.strict.f1:.4f}")
    table.add_row("relaxed span", f"{s.relaxed.precision:.4f}", f"{s.relaxed.recall:.4f}", f"{s.relaxed.f1:.4f}")
    table.add_row("type (relaxed F1 x type accuracy)", "", "", f"{s.type_f1:.4f}")
    table.add_row("value (relaxed F1 x value accuracy)", "", "", f"[bold]{s.value_f1:.4f}[/]")
    console.print(table)
    console.print(
        f"documents {result.documents} (skipped {len(result.skipped)}) | gold {s.gold} | system {s.system} | "
        f"matched strict {s.strict_matched}, relaxed {s.relaxed_matched} | "
        f"type accuracy {s.type_accuracy:.4f} | value accuracy {s.value_accuracy:.4f} | {result.seconds:.1f} s",
        soft_wrap=True,
    )
    parts = Table(title="by part (fixed split by document id: one in three held out)")
    for column in ("part", "documents", "gold", "system", "strict F1", "relaxed F1", "type F1", "value F1"):
        parts.add_column(column, justify="left" if column == "part" else "right")
    for name in PARTS:
        p = result.parts[name]
        parts.add_row(
            name, str(result.part_documents[name]), str(p.gold), str(p.system), f"{p.strict.f1:.4f}",
            f"{p.relaxed.f1:.4f}", f"{p.type_f1:.4f}", f"[bold]{p.value_f1:.4f}[/]",
        )  # fmt: skip
    console.print(parts)


def evaluate_dates_command(directory: Path, errors: bool = False, as_json: bool = False, part: str = "tuning") -> int:
    """Evaluate the tagger on the ``.tml`` files under ``directory`` and print the result.

    Prints tables of the TempEval-3 Task A measures, over all documents and over each part
    of the fixed split (``errors``: first the errors of ``part``, ``tuning`` by default,
    grouped by rule, with context), or with ``as_json`` one JSON object on stdout with the
    same numbers plus the errors of ``part`` and their counts by rule. Returns the exit code: 0.

    Raises:
        NewsEtlError: the folder is missing, holds no ``.tml`` file, none is readable, or the
            spaCy model is not installed.
        ValueError: ``part`` is not ``tuning``, ``held-out`` or ``all``.
    """
    if part not in (*PARTS, "all"):
        raise ValueError(f"part must be all, {' or '.join(PARTS)}; got {part!r}")
    result = evaluate_directory(Path(directory))
    if as_json:
        data = result.as_dict(with_errors=True, errors_part=part)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    render(result, _console(), errors=errors, part=part)
    return 0
