"""``python -m tests.golden [--update]``: compare (or record) the golden digest of what a build makes."""

import argparse
import sys

from tests import golden


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden", description=golden.__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="record what a build makes now under the current BUILD_REVISION")
    args = parser.parse_args()
    if args.update:
        print(golden.update())
        return 0
    recorded = golden.load()
    now = golden.build(recorded["sample"])
    last = recorded["history"][-1]
    print(f"recorded: revision {last['build_revision']}, digest {last['digest'][:12]}; now: digest {now.digest[:12]}")
    print(golden.differences(recorded["documents"], now.documents))
    return 0 if now.digest == last["digest"] else 1


if __name__ == "__main__":
    sys.exit(main())
