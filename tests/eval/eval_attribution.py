"""Score the attribution engine on the labelled corpus (tests/eval/corpus/<lang>.jsonl).

Each corpus line is one sentence in article context: article id, style, paragraph number,
block kind (title/heading/paragraph), text, and the gold kind, source, cue, via, quote,
hedges, non_response, denial. Consecutive lines of one article id form the article.

Run:  .venv/bin/python tests/eval/eval_attribution.py [--lang en] [--errors] [--json] [--corpus DIR]

Prints, per language: per-kind precision/recall/F1 and macro-F1, sentence-level
attribution detection P/R/F1, source exact and overlap F1, cue F1, via F1, hedge and
non-response P/R, anonymous+vague recall, and the confusion matrix.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sourcelight.pipeline.attribution import attribute_article
from sourcelight.pipeline.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Claim, Sentence, SourceKind

CORPUS = Path(__file__).parent / "corpus"
KINDS = [k.value for k in SourceKind]
UNNAMED = {"anonymous", "vague"}
_TOKEN = re.compile(r"\w+")
# Words that do not make two source phrases the same source.
_FUNCTION_WORDS = {"the", "a", "an", "of", "for", "to", "in", "at", "and", "its", "his", "her", "their"}


def load_articles(language: str, corpus: Path = CORPUS) -> list[list[dict]]:
    articles: list[list[dict]] = []
    for line in (corpus / f"{language}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if not articles or articles[-1][0]["article"] != record["article"]:
            articles.append([])
        articles[-1].append(record)
    return articles


def build(records: list[dict]) -> tuple[Article, tuple[Sentence, ...]]:
    """One block per paragraph number, one sentence per record."""
    by_paragraph: dict[int, list[dict]] = defaultdict(list)
    for record in records:
        by_paragraph[record["paragraph"]].append(record)
    blocks, sentences, parts, offset = [], [], [], 0
    for index, paragraph in enumerate(sorted(by_paragraph)):
        members = by_paragraph[paragraph]
        text = " ".join(r["text"] for r in members)
        blocks.append(Block(index, BlockKind(members[0]["block"]), text, offset, offset + len(text)))
        position = offset
        for record in members:
            sentences.append(Sentence(len(sentences), index, position, position + len(record["text"]), record["text"]))
            position += len(record["text"]) + 1
        parts.append(text)
        offset += len(text) + len(BLOCK_SEPARATOR)
    article = Article(None, None, records[0]["text"], None, None, None, None, tuple(blocks),
                      BLOCK_SEPARATOR.join(parts))
    return article, tuple(sentences)


def run(language: str, corpus: Path = CORPUS) -> list[tuple[dict, Claim]]:
    pairs = []
    for records in load_articles(language, corpus):
        article, sentences = build(records)
        claims = attribute_article(article, sentences, language)
        pairs.extend(zip(records, claims))
    return pairs


def _tokens(text: str | None) -> set[str]:
    return {t for t in _TOKEN.findall((text or "").casefold()) if t not in _FUNCTION_WORDS}


def _normal(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def same_source_overlap(gold: str | None, predicted: str | None) -> bool:
    """Overlap match: the two phrases share at least half of the smaller one's words."""
    g, p = _tokens(gold), _tokens(predicted)
    return bool(g and p) and len(g & p) * 2 >= min(len(g), len(p))


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 1.0
    recall = tp / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _field_prf(pairs, gold_of, predicted_of, match) -> dict[str, float]:
    tp = predicted = gold = 0
    for record, claim in pairs:
        g, p = gold_of(record), predicted_of(claim)
        gold += g is not None
        predicted += p is not None
        tp += g is not None and p is not None and match(g, p)
    return prf(tp, predicted, gold)


def score(pairs: list[tuple[dict, Claim]]) -> dict:
    """Every figure the module docstring lists, as a dict."""
    gold_kinds = [r["kind"] for r, _ in pairs]
    predicted_kinds = [c.sourcing.kind.value for _, c in pairs]
    confusion = Counter(zip(gold_kinds, predicted_kinds))
    per_kind = {}
    for kind in KINDS:
        tp = confusion[(kind, kind)]
        per_kind[kind] = {**prf(tp, predicted_kinds.count(kind), gold_kinds.count(kind)),
                          "support": gold_kinds.count(kind)}
    present = [k for k in KINDS if per_kind[k]["support"] or predicted_kinds.count(k)]
    detection_tp = sum(g != "unattributed" and p != "unattributed" for g, p in zip(gold_kinds, predicted_kinds))
    attributed = [(r, c) for r, c in pairs if r["kind"] != "unattributed"]
    # Who a claim rests on: the entity a pronoun resolves to, else the sentence's words.
    sourced = lambda c: c.sourcing.who if c.sourcing.kind is not SourceKind.UNATTRIBUTED else None  # noqa: E731
    return {
        "sentences": len(pairs),
        "per_kind": per_kind,
        "kind_macro_f1": round(sum(per_kind[k]["f1"] for k in present) / len(present), 3),
        "kind_accuracy": round(sum(g == p for g, p in zip(gold_kinds, predicted_kinds)) / len(pairs), 3),
        "detection": prf(detection_tp, sum(p != "unattributed" for p in predicted_kinds),
                         sum(g != "unattributed" for g in gold_kinds)),
        "source_exact": _field_prf(attributed, lambda r: r["source"], sourced,
                                   lambda g, p: _normal(g) == _normal(p)),
        "source_overlap": _field_prf(attributed, lambda r: r["source"], sourced, same_source_overlap),
        "cue": _field_prf(pairs, lambda r: r["cue"], lambda c: c.sourcing.cue_span and c.sourcing.cue,
                          lambda g, p: _normal(g) == _normal(p)),
        "via": _field_prf(pairs, lambda r: r["via"], lambda c: c.sourcing.via, same_source_overlap),
        "hedges": _hedge_prf(pairs),
        "non_response": prf(sum(r["non_response"] and c.non_response for r, c in pairs),
                            sum(c.non_response for _, c in pairs), sum(r["non_response"] for r, _ in pairs)),
        "unnamed_recall": _unnamed_recall(gold_kinds, predicted_kinds),
        "confusion": {g: {p: confusion[(g, p)] for p in KINDS if confusion[(g, p)]} for g in KINDS
                      if gold_kinds.count(g)},
    }


def _hedge_prf(pairs) -> dict[str, float]:
    tp = predicted = gold = 0
    for record, claim in pairs:
        g, p = {_normal(h) for h in record["hedges"]}, {_normal(h) for h in claim.hedges}
        tp, predicted, gold = tp + len(g & p), predicted + len(p), gold + len(g)
    return prf(tp, predicted, gold)


def _unnamed_recall(gold_kinds, predicted_kinds) -> float:
    unnamed = [(g, p) for g, p in zip(gold_kinds, predicted_kinds) if g in UNNAMED]
    return round(sum(p in UNNAMED for _, p in unnamed) / len(unnamed), 3) if unnamed else 1.0


def evaluate(language: str) -> dict:
    return score(run(language))


def languages(corpus: Path = CORPUS) -> list[str]:
    return sorted(p.stem for p in corpus.glob("*.jsonl"))


def _print_report(language: str, result: dict) -> None:
    print(f"\n=== {language}: {result['sentences']} sentences ===")
    print(f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for kind, figures in result["per_kind"].items():
        print(f"{kind:<14}{figures['precision']:>7.3f}{figures['recall']:>7.3f}{figures['f1']:>7.3f}{figures['support']:>6}")
    print(f"kind macro-F1 {result['kind_macro_f1']:.3f}   kind accuracy {result['kind_accuracy']:.3f}   "
          f"anonymous+vague recall {result['unnamed_recall']:.3f}")
    for name in ("detection", "source_exact", "source_overlap", "cue", "via", "hedges", "non_response"):
        f = result[name]
        print(f"{name:<15} P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}")
    print("confusion (gold -> predicted):")
    for gold, row in result["confusion"].items():
        print(f"  {gold:<13} " + ", ".join(f"{p}={n}" for p, n in row.items()))


def _print_errors(pairs) -> None:
    for record, claim in pairs:
        s = claim.sourcing
        if record["kind"] != s.kind.value or not same_source_overlap(record["source"], s.source) and record["source"]:
            print(f"[{record['article']}] gold {record['kind']}/{record['source']!r} "
                  f"got {s.kind.value}/{s.source!r} cue={s.cue!r}\n    {record['text']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", help="language code (repeatable); default: all")
    parser.add_argument("--errors", action="store_true", help="list the sentences the engine gets wrong")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of <lang>.jsonl files (default: the development corpus; "
                             "tests/eval/holdout holds sentences never used for tuning)")
    args = parser.parse_args(argv)
    results = {}
    for language in args.lang or languages(args.corpus):
        pairs = run(language, args.corpus)
        results[language] = score(pairs)
        if args.errors:
            _print_errors(pairs)
        if not args.json:
            _print_report(language, results[language])
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
