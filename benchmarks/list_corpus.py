"""Turn seen hand-labelled guest lists into classifier training lines (data/corpus/lists.jsonl).

    python benchmarks/list_corpus.py founders/dev.jsonl regional/dev.jsonl ... [--weight 3]

The evaluation lists are text written blind by people who never saw the code, labelled by
reading, in the very shape guests type: the best training text there is, once a list has been
measured and is no longer held out. Each need or offer becomes one corpus line per topic of
its side's truth (a side with no truth topic: a "none" line, a negative for every topic; an
empty offers box: the one-liner stands in). Where a side has several texts, each truth topic
goes to the text the classifier (trained on everything but these lines) finds likeliest for
it. Lines carry their list's name ("list") and a weight (how many times they count in
training). --append keeps the lines already written (an earlier round's lists, unchanged) and
adds the given lists' lines, so that new lists do not reshuffle old ones (the fifteenth round
added test14-test20 so). Never run on a list not yet measured: it would no longer be held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.topics_eval import load  # noqa: E402
from dinnerplan.matching import classifier  # noqa: E402
from dinnerplan.matching.catalogue import DATA, fold, load_catalogue  # noqa: E402

SETS = Path(__file__).resolve().parent / "data" / "topics"
OUT = DATA / "corpus" / "lists.jsonl"


def lines_of(name: str, guests: list[dict], model, ids: list[str], weight: int) -> list[dict]:
    """Return one list's corpus lines."""
    col = {t: k for k, t in enumerate(ids)}
    out = []
    for g in guests:
        for side, texts, truth in (
            ("need", g["needs"], g["truth_needs"]),
            ("offer", g["offers"], g["truth_offers"]),
        ):
            texts = [t for t in texts if t.strip()]
            if side == "offer" and not texts and g["one_liner"].strip():
                texts = [g["one_liner"]]
            known = [t for t in truth if t in col]
            if not texts or (truth and not known):  # a topic since dropped: not a negative
                continue
            truth = known
            if not truth:
                pairs = [("none", t) for t in texts]
            elif len(texts) == 1:
                pairs = [(t, texts[0]) for t in truth]
            else:
                probs = model.proba([fold(t) for t in texts], side, ids)
                pairs = [(t, texts[int(np.nanargmax(probs[:, col[t]]))]) for t in truth]
            lang = g.get("lang", "en")
            out += [
                {"topic": t, "side": side, "lang": lang, "text": x, "list": name, "weight": weight}
                for t, x in pairs
            ]
    return out


def main() -> None:
    """Write data/corpus/lists.jsonl from the given lists."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", help="lists under benchmarks/data/topics/")
    parser.add_argument("--weight", type=int, default=3)
    parser.add_argument(
        "--append",
        action="store_true",
        help="keep the lines already there (other lists' lines unchanged) and add these lists'",
    )
    args = parser.parse_args()
    topics = load_catalogue().topics
    ids = list(topics)
    others = [r for r in classifier.corpus_lines() if "list" not in r]
    model = classifier.Classifier(classifier.training_rows(topics.values(), others))
    names = {n.removesuffix(".jsonl") for n in args.sets}
    kept = OUT.read_text("utf-8").splitlines(keepends=True) if args.append else []
    kept = [line for line in kept if json.loads(line).get("list") not in names]
    out = []
    for name in args.sets:
        guests = load(str(SETS / name))
        out += lines_of(name.removesuffix(".jsonl"), guests, model, ids, args.weight)
    new = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    OUT.write_text("".join(kept) + new, "utf-8")
    print(f"{len(out)} lines from {len(args.sets)} lists (+{len(kept)} kept) -> {OUT}")


if __name__ == "__main__":
    main()
