"""etl/elasticsearch_local.py: choosing a JDK for the pinned Elasticsearch version."""

import pytest

from etl.elasticsearch_local import find_java, java_major, required_java
from etl.errors import LocalNodeError


def _jdk(root, name, version):
    home = root / name
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "java").write_text("#!/bin/sh\n")
    (home / "release").write_text(f'IMPLEMENTOR="test"\nJAVA_VERSION="{version}"\n')
    return home


@pytest.mark.parametrize(("es", "java"), [("9.5.4", 21), ("9.0.0", 21), ("8.19.21", 17)])
def test_required_java_follows_elastic_support_matrix(es, java):
    assert required_java(es) == java


def test_java_major_reads_release_file(tmp_path):
    assert java_major(_jdk(tmp_path, "temurin-25", "25.0.3")) == 25
    assert java_major(_jdk(tmp_path, "openjdk-17", "17.0.15")) == 17
    assert java_major(tmp_path / "nothing") is None


def test_find_java_prefers_setting_then_newest(tmp_path, monkeypatch):
    import etl.elasticsearch_local as local

    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(local, "JVM_ROOT", tmp_path)
    j17 = _jdk(tmp_path, "openjdk-17", "17.0.15")
    j21 = _jdk(tmp_path, "openjdk-21", "21.0.5")
    j25 = _jdk(tmp_path, "temurin-25", "25.0.3")
    assert find_java(21) == j25  # newest under /usr/lib/jvm
    assert find_java(21, preferred=j21) == j21  # NEWSETL_ES_JAVA_HOME wins when new enough
    assert find_java(21, preferred=j17) == j25  # too old: ignored
    with pytest.raises(LocalNodeError, match="no Java 26\\+ found .*NEWSETL_ES_JAVA_HOME"):
        find_java(26)
