"""Check hand-written help-topic evaluation sets (JSONL, one guest per line).

Usage: python check_set.py FILE [FILE...]

For each file: every line parses, required fields and types, unique ids and emails,
intent and list sizes in range, every truth topic id exists in topics.toml.
Then prints: guests, helpable share (guests with a truth need that some OTHER guest in the
same file can meet by the catalogue's met_by rule), topics used, languages.
Exits non-zero if any file has errors. Only reads the catalogue data file.
"""
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[3] / "dinnerplan" / "matching" / "data" / "topics.toml"
INTENTS = {"peers", "clients", "investors", "hire", "job", "partners", "give_back"}
FIELDS = {"id": str, "name": str, "email": str, "company": str, "title": str,
          "one_liner": str, "offers": list, "needs": list, "intent": str, "lang": str,
          "truth_needs": list, "truth_offers": list}


def load_catalogue():
    with open(CATALOGUE, "rb") as fh:
        topics = tomllib.load(fh)["topic"]
    return {t["id"]: set(t.get("met_by", [t["id"]])) for t in topics}


def check(path, met_by):
    errors, guests = [], []
    ids, emails = set(), set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            g = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: does not parse: {exc}")
            continue
        where = f"line {n} ({g.get('id', '?')})"
        for field, kind in FIELDS.items():
            if not isinstance(g.get(field), kind):
                errors.append(f"{where}: field {field!r} missing or not {kind.__name__}")
        if "note" in g and not isinstance(g["note"], str):
            errors.append(f"{where}: note is not a string")
        if g.get("id") in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(g.get("id"))
        email = str(g.get("email", "")).lower()
        if email in emails:
            errors.append(f"{where}: duplicate email {email}")
        emails.add(email)
        if not email.endswith(".example") or "@" not in email:
            errors.append(f"{where}: email not at an example domain")
        if g.get("intent") not in INTENTS:
            errors.append(f"{where}: bad intent {g.get('intent')!r}")
        for box in ("offers", "needs"):
            items = g.get(box) or []
            if len(items) > 4 or not all(isinstance(s, str) and s.strip() for s in items):
                errors.append(f"{where}: {box} must be 0-4 non-empty strings")
        for side in ("truth_needs", "truth_offers"):
            tids = g.get(side) or []
            if len(tids) > 3 or len(set(tids)) != len(tids):
                errors.append(f"{where}: {side} must be 0-3 distinct topics")
            for t in tids:
                if t not in met_by:
                    errors.append(f"{where}: unknown topic {t!r} in {side}")
        guests.append(g)
    return errors, guests


def helpers(g, guests, met_by):
    wanted = set().union(*(met_by.get(t, set()) for t in g.get("truth_needs", [])))
    return [o["id"] for o in guests if o is not g and wanted & set(o.get("truth_offers", []))]


def report(path, guests, met_by):
    with_needs = [g for g in guests if g.get("truth_needs")]
    helpable = [g for g in with_needs if helpers(g, guests, met_by)]
    stranded = [g["id"] for g in with_needs if g not in helpable]
    used = Counter(t for g in guests for t in g.get("truth_needs", []) + g.get("truth_offers", []))
    langs = Counter(g.get("lang") for g in guests)
    intents = Counter(g.get("intent") for g in guests)
    share = len(helpable) / len(with_needs) if with_needs else 0.0
    print(f"== {path}")
    print(f"guests: {len(guests)}  (with a truth need: {len(with_needs)}, "
          f"no topic need: {len(guests) - len(with_needs)})")
    print(f"helpable share: {len(helpable)}/{len(with_needs)} = {share:.0%} of guests with needs "
          f"({len(helpable) / len(guests):.0%} of all guests)")
    print(f"nobody can help: {', '.join(stranded) or '-'}")
    print(f"topics used: {len(used)} of {len(met_by)}")
    print("  " + ", ".join(f"{t} {c}" for t, c in sorted(used.items(), key=lambda kv: (-kv[1], kv[0]))))
    print("languages: " + ", ".join(f"{k} {v}" for k, v in langs.most_common()))
    print("intents: " + ", ".join(f"{k} {v}" for k, v in intents.most_common()))
    per = Counter(len(g.get("truth_needs", [])) for g in guests)
    pero = Counter(len(g.get("truth_offers", [])) for g in guests)
    print("truth needs per guest: " + ", ".join(f"{k}:{per[k]}" for k in sorted(per))
          + "   truth offers per guest: " + ", ".join(f"{k}:{pero[k]}" for k in sorted(pero)))


def main(paths):
    if not paths:
        print(__doc__)
        return 2
    met_by = load_catalogue()
    bad = 0
    for path in paths:
        errors, guests = check(path, met_by)
        report(path, guests, met_by)
        for e in errors:
            print("  ERROR " + e)
        print("errors: " + str(len(errors)))
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
