"""prefect.yaml (the work-pool route in the README) points at the real flow."""

import yaml

from tests.conftest import REPO


def test_deployment_entrypoint_is_the_ingest_flow():
    spec = yaml.safe_load((REPO / "prefect.yaml").read_text())
    (deployment,) = spec["deployments"]
    path, _, name = deployment["entrypoint"].partition(":")
    assert (REPO / path).is_file()
    import flows.ingest

    assert getattr(flows.ingest, name).name == "ingest"
    assert deployment["work_pool"]["name"] == "newsetl"
    assert set(deployment["parameters"]) == {"path"}  # every other flow parameter has a default
    assert deployment["schedules"][0]["cron"] == "0 * * * *"
