"""Score the installed sourcelight on PolNeAR (real, hand-annotated US political news) with
the team's shared scorer. Not collected by pytest: the data is third-party and stays outside
the repository.

    .venv/bin/python tests/eval/eval_polnear.py --polnear DIR [--split dev|train] [--limit N]

DIR is the PolNeAR git directory as `fetch github:networkdynamics/PolNeAR` brings it. The
split is converted once into $TMPDIR with the shared converter, then
shared/eval/polnear_run.py runs `sourcelight annotate` from this venv and scores it. The test
split is reserved for independent measurement: this script refuses it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def shared_eval(explicit: str | None) -> Path:
    candidates = [Path(explicit)] if explicit else [ROOT.parent / "shared" / "eval", ROOT / ".." / "shared" / "eval"]
    for candidate in candidates:
        if (candidate / "polnear_run.py").is_file():
            return candidate.resolve()
    sys.exit("cannot find shared/eval (polnear_convert.py, polnear_run.py); pass --shared")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", required=True, help="PolNeAR git directory (from fetch)")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--shared", default=None, help="the shared/eval folder (default: beside the repository)")
    parser.add_argument("--json", default=None, help="keep the full scores here (and the predictions beside it)")
    args = parser.parse_args()
    tools = shared_eval(args.shared)
    cache = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / f"polnear-{args.split}.jsonl"
    if not cache.is_file():
        subprocess.run([sys.executable, str(tools / "polnear_convert.py"), "--root", args.polnear,
                        "--split", args.split, "--out", str(cache)], check=True)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    if args.json:
        env["POLNEAR_JSON"] = args.json
    command = [sys.executable, str(tools / "polnear_run.py"), str(cache)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    return subprocess.run(command, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
