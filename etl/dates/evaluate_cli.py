"""``newsetl evaluate-dates DIR [--errors] [--json]``: score the temporal tagger on TimeML.

The command is registered in :mod:`etl.cli`; this module does the work so the CLI stays a
thin wrapper. Measures are TempEval-3 Task A (see :mod:`etl.dates.timeml`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from etl.dates.timeml import EvaluationResult, evaluate_directory

__all__ = ["evaluate_dates_command", "render"]

_KIND_LABEL = {"miss": "MISS", "false_alarm": "FALSE ALARM", "wrong_value": "WRONG"}


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


def render(result: EvaluationResult, console: Console, errors: bool = False) -> None:
    """Print the measures as a rich table (and, with ``errors``, every error with its context)."""
    s = result.scores
    if errors:
        for e in result.errors:
            label = _KIND_LABEL[e.kind]
            if e.kind == "miss":
                what = f"gold {e.gold_type} {e.gold_value} {e.gold_text!r}"
            elif e.kind == "false_alarm":
                what = f"system {e.system_type} {e.system_value} {e.system_text!r}"
            else:
                what = (
                    f"gold {e.gold_type} {e.gold_value} {e.gold_text!r} | "
                    f"system {e.system_type} {e.system_value} {e.system_text!r}"
                )
            console.print(f"[bold]{label}[/] {escape(e.doc_id)}: {escape(what)}", soft_wrap=True)
            console.print(f"    {escape(e.context)}", soft_wrap=True)
        console.print()
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


def evaluate_dates_command(directory: Path, errors: bool = False, as_json: bool = False) -> int:
    """Evaluate the tagger on the ``.tml`` files under ``directory`` and print the result.

    Prints a table of the TempEval-3 Task A measures (``errors``: every miss, false alarm and
    wrong value first, with context), or with ``as_json`` one JSON object on stdout with the
    same numbers plus the error list. Returns the exit code: 0.

    Raises:
        NewsEtlError: the folder is missing, holds no ``.tml`` file, none is readable, or the
            spaCy model is not installed.
    """
    result = evaluate_directory(Path(directory))
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(with_errors=True), ensure_ascii=False, indent=2) + "\n")
        return 0
    render(result, _console(), errors=errors)
    return 0
