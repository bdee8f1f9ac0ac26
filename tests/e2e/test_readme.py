"""The README's shell blocks, run as a user would, against the test node.

Conventions (the README follows them; `test_the_conventions_hold` checks it does):

- Every fenced block has a language. ```` ```bash ```` / ```` ```sh ```` blocks are scripts: the
  whole block runs in one ``bash -e -o pipefail`` and must exit 0. ```` ```console ```` blocks
  show commands after ``$ `` (a command goes on over the next lines while a quote is open or a
  line ends in ``\\``) and the output they print below them: each output line must appear, in
  order, among the lines the command printed (stdout, then stderr), compared with runs of white
  space collapsed; ``...`` inside a line matches anything, and a line that is only ``...``
  stands for lines left out. Every command must exit 0 unless the block is marked ``exit N``,
  which is the last command's exit code. ```` ```text ```` blocks are not run.
- An HTML comment right above a block's fence marks it:
  ``<!-- readme-test: skip (why) -->`` the block cannot run in a test (port 9200, Docker,
  Kibana, a server that runs until Ctrl-C): it is only checked with ``bash -n``, and every
  ``make TARGET ...`` line in it with ``make -n TARGET ...``;
  ``<!-- readme-test: instead `COMMAND` (why) -->`` the same checks, and ``COMMAND`` runs in its
  place (``make run`` -> the ``newsetl run seeds`` it ends with, against the test node);
  ``<!-- readme-test: exit N -->`` see above;
  ``<!-- readme-test: requires CMD -->`` runs only where CMD is installed (``make test`` installs
  ``docker-compose``), else it is checked like a skipped block.
- The README talks to ``localhost:9200`` and the alias ``news``; the test runs the same text
  against the session's node and an alias of its own (``isolated_env``), so it rewrites
  ``localhost:9200`` / ``127.0.0.1:9200``, ``/news/``, ``news-v2-`` and ``news-rejections``, and
  ``/tmp/newsetl-`` to a temporary folder, in commands and expected output alike.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO, session_prefect_api

pytestmark = pytest.mark.e2e

README = REPO / "README.md"
SHELL_LANGS = {"bash", "sh", "console"}
KNOWN_LANGS = SHELL_LANGS | {"text"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.MULTILINE | re.DOTALL)
MARK = re.compile(r"<!-- readme-test: (?P<mark>.*?) -->\s*$")
MARK_FORMS = (re.compile(r"skip \(.+\)"), re.compile(r"instead `[^`]+` \(.+\)"), re.compile(r"exit \d+"), re.compile(r"requires \S+"))


@dataclass
class Block:
    """One fenced block of the README: its language, text (de-indented), line number and mark."""

    lang: str
    body: str
    line: int
    mark: str = ""
    commands: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def runs(self) -> bool:
        if self.mark.startswith("requires") and shutil.which(self.mark.split()[1]) is None:
            return False
        return self.lang in SHELL_LANGS and not self.mark.startswith("skip")

    def script(self) -> str:
        """The block as a shell script: console blocks give their commands only."""
        if self.lang == "console":
            return "\n".join(command for command, _ in self.commands)
        return self.body


def blocks(text: str | None = None) -> list[Block]:
    """Every fenced block of the README, in order, with the mark on the line above its fence."""
    text = README.read_text(encoding="utf-8") if text is None else text
    found = []
    for match in FENCE.finditer(text):
        indent = match["indent"]
        body = "\n".join(line[len(indent):] if line.startswith(indent) else line for line in match["body"].splitlines())
        before = text[: match.start()].rstrip("\n").splitlines()
        mark = MARK.search(before[-1].strip()) if before else None
        block = Block(match["lang"].strip(), body, text.count("\n", 0, match.start()) + 1, mark["mark"] if mark else "")
        if block.lang == "console":
            block.commands = console_commands(body)
        found.append(block)
    return found


def console_commands(body: str) -> list[tuple[str, list[str]]]:
    """``[(command, expected output lines)]`` of a console block."""
    out: list[tuple[str, list[str]]] = []
    lines = body.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            assert not out, f"console line before any '$ ' command: {lines[i]!r}"
            i += 1
            continue
        command = lines[i][2:]
        i += 1
        while i < len(lines) and (command.endswith("\\") or not _complete(command)):
            command += "\n" + lines[i]
            i += 1
        expected = []
        while i < len(lines) and not lines[i].startswith("$ "):
            expected.append(lines[i])
            i += 1
        out.append((command, expected))
    return out


def _complete(command: str) -> bool:
    try:
        shlex.split(command, comments=True)
    except ValueError:  # "No closing quotation"
        return False
    return True


def _squeeze(line: str) -> str:
    return " ".join(line.split())


def assert_printed(expected: list[str], printed: str, where: str) -> None:
    """Each expected line (``...`` a wildcard, a bare ``...`` a gap) matches a printed line, in order."""
    actual = [_squeeze(line) for line in printed.splitlines()]
    position = 0
    for line in expected:
        want = _squeeze(line)
        if want in ("", "..."):
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in want.split("...")))
        for j in range(position, len(actual)):
            if pattern.fullmatch(actual[j]):
                position = j + 1
                break
        else:
            raise AssertionError(f"{where}: the README shows {line.strip()!r}, not printed (in order) in:\n{printed}")


def make_lines(script: str) -> list[str]:
    """The ``make ...`` command lines of a script (comments and all, as bash reads them)."""
    return [line.strip() for line in script.splitlines() if re.match(r"\s*make\s", line)]


def test_the_conventions_hold():
    """Every fence has a known language, every mark a known form, and the README has blocks to run."""
    text = README.read_text(encoding="utf-8")
    found = blocks(text)
    assert [b.line for b in found if b.lang not in KNOWN_LANGS] == [], "a fence without a known language (bash, sh, console, text)"
    for b in found:
        if b.mark:
            assert any(form.fullmatch(b.mark) for form in MARK_FORMS), f"line {b.line}: unknown mark {b.mark!r}"
    marks = len(re.findall(r"<!-- readme-test:", text))
    assert marks == sum(1 for b in found if b.mark), "a readme-test mark that is not right above a fence"
    runnable = [b for b in found if b.runs]
    assert len(runnable) >= 5 and any(b.lang == "console" for b in runnable)
    # the parser itself, on a block written here
    (command, expected), = console_commands("$ curl -s x -d '{\n  \"a\": 1\n}'\n{\n...\n")
    assert command == "curl -s x -d '{\n  \"a\": 1\n}'" and expected == ["{", "..."]


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation but ``-`` dropped, spaces to ``-``."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", ["README.md", *sorted(p.relative_to(REPO).as_posix() for p in (REPO / "docs").glob("*.md"))])
def test_links_lead_somewhere(page):
    """Every relative link of the README and of docs/ names a file of the repository, and every ``#anchor`` a heading."""
    text = (REPO / page).read_text(encoding="utf-8")
    prose = FENCE.sub("", text)
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", prose, flags=re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", prose):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        if path:
            assert ((REPO / page).parent / path).exists(), f"{page} links to {target}, which is not in the repository"
        else:
            assert anchor in anchors, f"{page} links to #{anchor}, which no heading makes"


def test_every_newsetl_variable_is_in_the_readme():
    """Every ``NEWSETL_`` name the code, the compose file, prefect.yaml, the Makefile or the image reads
    is in the README (the settings, and the variables read elsewhere); misspellings named as such
    in docstrings (``NEWSETL_INDEX_ALAIS``, the warning's example) are not settings."""
    readme = README.read_text(encoding="utf-8")
    places = [*REPO.glob("etl/**/*.py"), *REPO.glob("flows/**/*.py"), *REPO.glob("docker/*"),
              REPO / "docker-compose.yml", REPO / "prefect.yaml", REPO / "Makefile", REPO / ".env.example"]
    names = set()
    for place in places:
        if place.is_file():
            names |= set(re.findall(r"NEWSETL_[A-Z][A-Z_]*[A-Z]", place.read_text(encoding="utf-8", errors="replace")))
    assert len(names) >= 25
    assert sorted(n for n in names - {"NEWSETL_INDEX_ALAIS"} if f"`{n}`" not in readme) == []


def test_every_shell_block_parses_and_its_make_targets_exist():
    """``bash -n`` on every shell block (run or not), ``make -n`` on every make line in them."""
    for b in blocks():
        if b.lang not in SHELL_LANGS:
            continue
        checked = subprocess.run(["bash", "-n"], input=b.script(), capture_output=True, text=True)
        assert checked.returncode == 0, f"README line {b.line}: {checked.stderr}"
        for line in make_lines(b.script()):
            dry = subprocess.run(["bash", "-c", "make -n " + line.split(None, 1)[1]], cwd=REPO, capture_output=True, text=True, timeout=60)
            assert dry.returncode == 0, f"README line {b.line}: `{line}` under make -n: {dry.stderr}"


def _localize(text: str, node: str, alias: str, tmp: str) -> str:
    for local in ("localhost:9200", "127.0.0.1:9200"):
        text = text.replace(local, node)
    text = text.replace("/news/", f"/{alias}/").replace("news-v2-", f"{alias}-v2-").replace("news-rejections", f"{alias}-rejections")
    return text.replace("/tmp/newsetl-", f"{tmp}/newsetl-")


def _bash(script: str, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def test_the_readme_runs_against_the_test_node(isolated_env, tmp_path):
    """Every block not marked skip, in README order (later blocks see what earlier ones indexed).

    The runs report to the session's Prefect server (as with ``PREFECT_API_URL`` set, the
    README's tip for repeated runs), which spares each ``newsetl run`` its temporary server's start.
    """
    node = urlsplit(isolated_env["NEWSETL_ES_URL"]).netloc
    alias = isolated_env["NEWSETL_INDEX_ALIAS"]
    env = {**os.environ, **isolated_env, "PREFECT_API_URL": session_prefect_api(), "COLUMNS": "160"}
    _run_every_block(env, node, alias, str(tmp_path))


def _run_every_block(env: dict, node: str, alias: str, tmp: str) -> None:
    localize = lambda text: _localize(text, node, alias, tmp)  # noqa: E731
    ran = 0
    for b in blocks():
        if not b.runs:
            continue
        where = f"README line {b.line}"
        if b.mark.startswith("instead"):
            command = re.match(r"instead `([^`]+)`", b.mark)[1]
            result = _bash(localize(command), env)
            assert result.returncode == 0, f"{where}: {command}: {result.stderr[-2000:]}"
        elif b.lang == "console":
            exit_code = int(b.mark.split()[1]) if b.mark.startswith("exit") else 0
            for n, (command, expected) in enumerate(b.commands, 1):
                result = _bash(localize(command), env)
                want = exit_code if n == len(b.commands) else 0
                assert result.returncode == want, f"{where}: `{command}` exited {result.returncode}, not {want}: {result.stderr[-2000:]}"
                assert_printed([localize(line) for line in expected], result.stdout + result.stderr, f"{where}: `{command}`")
        else:
            result = _bash(localize(b.body), env)
            assert result.returncode == 0, f"{where}: {result.stderr[-2000:]}"
        ran += 1
    assert ran >= 5
