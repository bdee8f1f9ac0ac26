"""Per-item bulk error classes (the reasons are copied from real Elasticsearch 9.5 responses)."""

from etl.index import classify_bulk_error


def test_indexing_pressure_rejection_is_too_large():
    error = {
        "type": "es_rejected_execution_exception",
        "reason": "rejected execution of primary operation [coordinating_and_primary_bytes=59184730, replica_bytes=0, "
        "all_bytes=59184730, primary_operation_bytes=236737832, max_primary_bytes=107374182]",
    }
    assert classify_bulk_error(error) == "too large"


def test_queue_full_rejection_is_other():
    error = {
        "type": "es_rejected_execution_exception",
        "reason": "rejected execution of TimedRunnable{...} on EsThreadPoolExecutor[name = node/write, queue capacity = 1]",
    }
    assert classify_bulk_error(error) == "other"


def test_mapping_and_version_conflict():
    assert classify_bulk_error({"type": "document_parsing_exception", "reason": "failed to parse field [word_count]"}) == "mapping"
    assert classify_bulk_error({"type": "version_conflict_engine_exception", "reason": "[x]: version conflict"}) == "version conflict"
