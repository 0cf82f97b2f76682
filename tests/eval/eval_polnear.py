"""Score the installed sourcelight on PolNeAR (real, hand-annotated US political news) with
the team's shared scorer. Not collected by pytest: the data is third-party and stays outside
the repository.

    .venv/bin/python tests/eval/eval_polnear.py --polnear DIR [--split dev|train] [--limit N] [--by-cue]

DIR is the PolNeAR git directory as `fetch github:networkdynamics/PolNeAR` brings it. The
split is converted once into $TMPDIR with the shared converter, then
shared/eval/polnear_run.py runs `sourcelight annotate` from this venv and scores it. The test
split is reserved for independent measurement: this script refuses it.

--by-cue adds detection recall by the kind of cue PolNeAR marked: PolNeAR also annotates
stances and intentions ("X wants", "X supports", "is expected to") and plain actions, which our
taxonomy does not count as sourcing (shared/eval/README.md). The split uses the English
lexicon's cue lists; STANCES below are the listed verbs that express a stance, not a statement.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
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
    parser.add_argument("--by-cue", action="store_true", help="also print detection recall by the kind of gold cue")
    args = parser.parse_args()
    if args.by_cue and not args.json:
        args.json = str(Path(tempfile.mkdtemp()) / "scores.json")
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
    returncode = subprocess.run(command, env=env).returncode
    if args.by_cue and returncode == 0:
        print_recall_by_cue(cache, Path(args.json + ".pred.jsonl"))
    return returncode


# Verbs our lexicon lists that PolNeAR marks as stances or intentions more than statements.
STANCES = frozenset({
    "agree", "assume", "back", "believe", "consider", "decide", "doubt", "endorse", "expect", "favor",
    "favour", "fear", "feel", "guess", "hear", "hope", "know", "learn", "like", "oppose", "plan", "prefer",
    "realize", "recognize", "reckon", "remember", "see", "support", "suppose", "think", "understand",
    "want", "wonder", "worry",
})


def print_recall_by_cue(gold_path: Path, pred_path: Path) -> None:
    from sourcelight.pipeline.attribution.lemmas import lemma
    from sourcelight.pipeline.attribution.lexicon import load_lexicon

    lexicon = load_lexicon("en")
    syntax = lexicon.syntax
    listed = {p.split()[0] for p in syntax.speech | syntax.findings | syntax.nouns | syntax.non_responses}
    listed |= {p[0] for p in syntax.prepositions} | {":"}
    predicted = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        predicted[record["id"]] = bool(record["attributions"])
    units, found = Counter(), Counter()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["id"] not in predicted or not gold["attributions"]:
            continue
        words = {lemma(w.strip(".,;“”\"’'").lower(), "en", lexicon.lemmatizer)
                 for a in gold["attributions"] for w in (a["cue"] or "").split() if w.strip(".,;“”\"’'")}
        words |= {":" for a in gold["attributions"] if (a["cue"] or "").strip().endswith(":")}
        statement = words & (listed - STANCES)
        group = ("a statement cue our lexicon lists" if statement else
                 "a stance or intention" if words & STANCES else "a cue our taxonomy does not count")
        units[group] += 1
        found[group] += predicted[gold["id"]]
    print("detection recall by the gold cue (units with a gold attribution):")
    for group, count in units.most_common():
        print(f"  {group:<36} {found[group] / count:.3f}  ({found[group]} of {count})")


if __name__ == "__main__":
    sys.exit(main())
