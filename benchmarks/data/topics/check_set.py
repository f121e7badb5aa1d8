"""Check hand-written help-topic evaluation sets (JSONL, one guest per line).

Usage: python check_set.py FILE [FILE ...] [--topics PATH]

For each file: every line parses, required fields and types are right, ids and emails are
unique, intents and list sizes are in range, every truth topic id exists in topics.toml.
Then prints: guests, helpable share (a guest is helpable when another guest in the SAME
file has a truth offer in the met_by of one of their truth needs), topics used, languages.
Exit code 1 if any file has errors.
"""

import argparse
import collections
import json
import pathlib
import sys
import tomllib

INTENTS = {"peers", "clients", "investors", "hire", "job", "partners", "give_back"}
FIELDS = {
    "id": str,
    "name": str,
    "email": str,
    "company": str,
    "title": str,
    "one_liner": str,
    "offers": list,
    "needs": list,
    "intent": str,
    "lang": str,
    "truth_needs": list,
    "truth_offers": list,
}


def default_topics_path():
    """The repository's topics.toml, found from this file's folder upwards."""
    here = pathlib.Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "dinnerplan" / "matching" / "data" / "topics.toml"
        if candidate.exists():
            return candidate
    sys.exit("topics.toml not found; pass --topics")


def load_topics(path):
    """Read {topic id: the topic ids that meet it} from topics.toml."""
    data = tomllib.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    return {t["id"]: list(t.get("met_by", [t["id"]])) for t in data["topic"]}


def check_file(path, met_by):
    """Parse one JSONL file; return its guests and every problem found."""
    errors = []
    guests = []
    for n, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: does not parse: {exc}")
            continue
        for field, kind in FIELDS.items():
            if not isinstance(g.get(field), kind):
                errors.append(f"line {n}: field {field!r} missing or not {kind.__name__}")
        if "note" in g and not isinstance(g["note"], str):
            errors.append(f"line {n}: note is not a string")
        if g.get("intent") not in INTENTS:
            errors.append(f"line {n}: bad intent {g.get('intent')!r}")
        for box in ("offers", "needs"):
            items = g.get(box) or []
            if len(items) > 4 or not all(isinstance(x, str) and x.strip() for x in items):
                errors.append(f"line {n}: {box} must be 0-4 non-empty strings")
        for side in ("truth_needs", "truth_offers"):
            ids = g.get(side) or []
            if len(ids) > 3 or len(set(ids)) != len(ids):
                errors.append(f"line {n}: {side} must be 0-3 distinct ids")
            for t in ids:
                if t not in met_by:
                    errors.append(f"line {n}: unknown topic {t!r} in {side}")
        guests.append(g)
    for field in ("id", "email"):
        counts = collections.Counter(g.get(field) for g in guests)
        for value, c in counts.items():
            if c > 1:
                errors.append(f"duplicate {field}: {value!r} x{c}")
    return guests, errors


def helpers_of(guest, guests, met_by):
    """The (need, guest id) pairs of other guests whose truth offers meet this guest's needs."""
    found = []
    for need in guest.get("truth_needs", []):
        wanted = set(met_by.get(need, [need]))
        for other in guests:
            if other is not guest and wanted & set(other.get("truth_offers", [])):
                found.append((need, other["id"]))
    return found


def report(path, guests, errors, met_by):
    """Print a file's figures: guests, helpable share, topics used, languages."""
    print(f"== {path}")
    n = len(guests)
    with_needs = [g for g in guests if g.get("truth_needs")]
    helpable = [g for g in guests if helpers_of(g, guests, met_by)]
    unhelped = [g["id"] for g in with_needs if g not in helpable]
    used = collections.Counter(
        t for g in guests for side in ("truth_needs", "truth_offers") for t in g.get(side, [])
    )
    langs = collections.Counter(g.get("lang") for g in guests)
    intents = collections.Counter(g.get("intent") for g in guests)
    print(f"guests: {n}")
    if n:
        print(
            f"helpable: {len(helpable)}/{n} = {len(helpable) / n:.0%} of all guests; "
            f"{len(helpable)}/{len(with_needs)} = "
            f"{len(helpable) / max(1, len(with_needs)):.0%} of guests with a truth need"
        )
    print(
        f"guests with no truth need: {n - len(with_needs)}; "
        f"with needs but nobody to help: {len(unhelped)} {unhelped}"
    )
    print(f"topics used: {len(used)} of {len(met_by)}")
    by_use = sorted(used.items(), key=lambda x: (-x[1], x[0]))
    print("  " + ", ".join(f"{t} {c}" for t, c in by_use))
    print(f"languages: {dict(sorted(langs.items()))}")
    print(f"intents: {dict(sorted(intents.items()))}")
    needs_per = collections.Counter(len(g.get("truth_needs", [])) for g in guests)
    offers_per = collections.Counter(len(g.get("truth_offers", [])) for g in guests)
    print(
        f"truth needs per guest: {dict(sorted(needs_per.items()))}; "
        f"truth offers per guest: {dict(sorted(offers_per.items()))}"
    )
    print(f"errors: {len(errors)}")
    for e in errors:
        print("  " + e)


def main():
    """Check every file given; exit 1 when any has errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--topics", default=None, help="path to topics.toml")
    args = parser.parse_args()
    met_by = load_topics(args.topics or default_topics_path())
    bad = False
    for path in args.files:
        guests, errors = check_file(path, met_by)
        report(path, guests, errors, met_by)
        bad = bad or bool(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
