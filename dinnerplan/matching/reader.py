"""Read what a guest typed into help topics, with a confidence, clause by clause.

A text is split into clauses ("need a CFO type and someone who gets SOC 2" gives two);
each clause's side comes from its cues (cues.side_of: "happy to mentor" in the needs box
is an offer), and its topics from three signals: a lexicon of phrases per topic, side and
language (exact, with plurals and one-typo tolerance), role words plus a hiring or
job-seeking cue, and TF-IDF (words and character n-grams) against the topics' examples.
Which signals earn their place, and the thresholds, are measured in
benchmarks/topics_eval.py (docs/matching.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

import dinnerplan.matching.classifier as classifier
import dinnerplan.matching.cues as cues
import dinnerplan.matching.turns as turns
from dinnerplan.matching.catalogue import Catalogue, fold
from dinnerplan.matching.clauses import pieces as read_pieces
from dinnerplan.matching.embeddings import Encoder, TopicEmbeddings
from dinnerplan.matching.guesses import TopicGuess
from dinnerplan.matching.phrases import deletions, english_words, flat, singular, specificity

# A phrase's confidence falls with how many topics' texts use its words: "gdpr" is sure,
# "customers" is not. Index: number of other topics that use it (0, 1, 2+).
LEXICON_CONF = (0.9, 0.7, 0.5)
FUZZY_CONF = 0.6
ROLE_CONF = 0.9
# "Other" hires and jobs are catch-alls (a chef hire, a first job in ecology): they may
# nudge seating but are not sure enough for a reason, unless the clause says "hiring".
OTHER_ROLE_CONF = 0.7
_HIRING = re.compile(r"(?<!\w)hiring(?!\w)")
TFIDF_FLOOR = 0.65  # below this cosine a TF-IDF neighbour says nothing (dev: 0.5 -> 0.65)
TFIDF_MIN_WORDS = 3  # a shorter clause ("Go", "paid POCs") is too thin for TF-IDF alone
TFIDF_MAX = 0.7  # a TF-IDF neighbour alone is never surer than this
TFIDF_NEAR = 0.8  # this close to an example, TF-IDF adds its topic beside lexicon hits
PRUNE = True  # keep only a clause's leading topics...
PRUNE_MARGIN = 0.15  # ...those within this of the best (confidence + TFIDF_SUPPORT * cosine)
PRUNE_KEEP = 2  # ...and at most this many
TFIDF_SUPPORT = 0.3
SIGNALS = frozenset({"lexicon", "fuzzy", "roles", "tfidf", "cues", "classifier"})
CUE_CONF = 0.9
PRODUCE_CONF = 0.7  # food named by itself (turns.PRODUCE): a guess, not a cue
BESIDE_P = 0.5  # the classifier's own guesses this sure are read beside the rest
BARE_ROLE = 0.6  # a clause qualifying an earlier hire keeps one role family this sure

# A role read as hiring or job seeking is not also a wish for the skill itself:
# "Hiring a UX designer" is hire_product_design, not ux_design.
_SKILLS = {
    "engineering": ("dev_agency", "data_ai", "cloud_infrastructure", "web_design"),
    "sales_marketing": ("b2b_sales", "marketing"),
    "product_design": ("ux_design", "product_management", "brand_design"),
    "other": (),
}


class Reader:
    """A catalogue's lexicon and TF-IDF index, built once and reused for every text."""

    def __init__(
        self, catalogue: Catalogue, signals: Iterable[str] = SIGNALS, encoder: Encoder | None = None
    ) -> None:
        self.catalogue = catalogue
        self.signals = frozenset(signals)
        topics = catalogue.visible
        # The optional plug-in (embeddings.py): a guess where the lexicon is silent.
        self.embedded = TopicEmbeddings(encoder, topics) if encoder is not None else None
        self.ids = [t.id for t in topics]
        self.index = {t: k for k, t in enumerate(self.ids)}
        self.group = {t.id: t.group for t in topics}
        self.lexicon: dict[str, dict[str, set[str]]] = {"need": {}, "offer": {}}
        docs: list[str] = []
        doc_topic: list[int] = []
        doc_side: list[str] = []
        for k, t in enumerate(topics):
            for side, own_terms, own_examples in (
                ("need", t.need_terms, t.need_examples),
                ("offer", t.offer_terms, t.offer_examples),
            ):
                for phrase in flat(t.terms, own_terms):
                    for key in {fold(phrase), singular(fold(phrase))}:
                        self.lexicon[side].setdefault(key, set()).add(t.id)
                for phrase in flat(t.terms, own_terms, own_examples):
                    docs.append(fold(phrase))
                    doc_topic.append(k)
                    doc_side.append(side)
            if t.group == "This event":  # organizers' topics: their name is a term too
                for side in ("need", "offer"):
                    self.lexicon[side].setdefault(fold(t.name), set()).add(t.id)
        self.conf = specificity(topics, self.lexicon, LEXICON_CONF)
        self.fuzzy = {side: deletions(lex) for side, lex in self.lexicon.items()}
        # A word the catalogue itself uses is spelled right: "looking" is not "booking".
        self.known = english_words(topics) | turns.COMMON | ENGLISH_STOP_WORDS
        self.longest = max((len(k.split()) for x in self.lexicon.values() for k in x), default=1)
        # Documents sorted by (topic, side) group, so one reduceat takes each group's best.
        group = [2 * k + (side == "offer") for k, side in zip(doc_topic, doc_side, strict=True)]
        order = sorted(dict.fromkeys(zip(group, docs, strict=True)))  # distinct, in group order
        docs = [d or "empty" for _, d in order] or ["empty"]
        keys = np.array([g for g, _ in order] or [0], dtype=int)
        self.starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        self.groups = keys[self.starts]
        common = {"sublinear_tf": True, "dtype": np.float32}
        self.word = TfidfVectorizer(ngram_range=(1, 2), **common).fit(docs)
        self.char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common).fit(docs)
        self.docs = self._vectors(docs).T.tocsr()

    def _vectors(self, texts: Sequence[str]):
        """Return one L2-normalised row per folded text: half words, half characters."""
        w, c = self.word.transform(texts), self.char.transform(texts)
        return hstack([w * np.sqrt(0.5), c * np.sqrt(0.5)], format="csr")

    def topic_similarity(self, folded: str, side: str) -> np.ndarray:
        """Return each topic's best example cosine for one folded text."""
        sims = self._tfidf([folded])
        return sims[0, :, 0 if side == "need" else 1]

    def read_many(self, items: Sequence[tuple[str, str]]) -> list[list[TopicGuess]]:
        """Return the guesses for each (text, box) pair, best first."""
        pieces: list[tuple[int, str, str, str, bool]] = []  # (item, clause, folded, side, bare)
        for n, (text, box) in enumerate(items):
            pieces.extend((n, *p) for p in read_pieces(text or "", box))
        found: list[dict[tuple[str, str], TopicGuess]] = [{} for _ in items]
        tfidf = self._tfidf([p[2] for p in pieces]) if "tfidf" in self.signals else None
        probs = (
            classifier.per_side([(p[2], p[3]) for p in pieces], self.ids)
            if "classifier" in self.signals
            else [None] * len(pieces)
        )
        embedded = (
            self.embedded.similarity([p[1] for p in pieces], [p[3] for p in pieces])
            if self.embedded is not None
            else None
        )
        for k, (n, clause, folded, side, bare) in enumerate(pieces):
            scores = self._clause(
                folded, side, tfidf[k] if tfidf is not None else None, probs[k], bare
            )
            if bare:  # "hiring a founding AE - base + real equity": no second hire or job
                scores = cues.bare_roles(scores, BARE_ROLE)
            if not scores and embedded is not None:
                scores = self.embedded.guesses(embedded[k])
            for topic, conf in scores.items():
                key = (topic, side)
                if key not in found[n] or found[n][key].confidence < conf:
                    found[n][key] = TopicGuess(topic, round(conf, 3), side, clause)
        self._whole_texts(items, found)
        return [sorted(f.values(), key=lambda g: -g.confidence) for f in found]

    def _whole_texts(self, items, found) -> None:
        """Give a text none of whose clauses was read the classifier's guesses for all of it.

        ("Our agency builds iOS and Android apps" splits into two clauses too thin to read.)
        """
        if "classifier" not in self.signals:
            return
        keep = [(n, fold(t or "")[:2000], box) for n, (t, box) in enumerate(items)]
        keep = [(n, t, box) for n, t, box in keep if not found[n] and t.strip()]
        rows = classifier.per_side([(t, box) for _, t, box in keep], self.ids)
        for (n, _, side), row in zip(keep, rows, strict=True):
            for topic, conf in classifier.guesses(row, self.ids).items() if row is not None else ():
                found[n][(topic, side)] = TopicGuess(topic, conf, side, items[n][0])

    def _tfidf(self, folded: list[str]) -> np.ndarray | None:
        """Return a clauses x topics x sides array of best example cosines."""
        if not folded:
            return None
        sims = (self._vectors(folded) @ self.docs).toarray()
        out = np.zeros((len(folded), 2 * len(self.ids)), dtype=np.float32)
        out[:, self.groups] = np.maximum.reduceat(sims, self.starts, axis=1)
        return out.reshape(len(folded), len(self.ids), 2)

    def _clause(self, folded: str, side: str, tfidf, probs, bare=False) -> dict[str, float]:
        """Return {topic: confidence} for one folded clause read as `side`."""
        scores: dict[str, float] = {}
        cued = False
        if "lexicon" in self.signals:
            for topic, conf in self._lexicon(folded, side).items():
                scores[topic] = max(scores.get(topic, 0.0), conf)
            if side == "need":
                self._group_heads(folded, scores)
        if "roles" in self.signals:
            found, cued = cues.role_topics(folded, side)
            for topic in found:
                said = cued and not bare and _HIRING.search(folded)  # "hiring a support lead"
                conf = OTHER_ROLE_CONF if topic.endswith("_other") and not said else ROLE_CONF
                scores[topic] = max(scores.get(topic, 0.0), conf)
                for skill in _SKILLS.get(topic.split("_", 1)[1], ()) if cued else ():
                    scores[skill] = -1.0  # never read back below
            if cued and any(not t.endswith("_other") for t in found):
                # "first AE role at a Series A" is a job, not fundraising
                scores = {t: (-1.0 if self._qualifier(t, found) else c) for t, c in scores.items()}
                other = found[0].split("_", 1)[0] + "_other"  # "hiring staff backend": a
                if other in scores and other not in found:  # named role, not "staff"
                    scores[other] = -1.0
        if "cues" in self.signals:
            self._topic_cues(folded, side, scores)
        column = None if tfidf is None else tfidf[:, 0 if side == "need" else 1]
        if (
            column is not None
            and not any(c > 0 for c in scores.values())
            and len(folded.split()) >= TFIDF_MIN_WORDS
        ):
            best = float(column.max()) if len(column) else 0.0
            for k in np.flatnonzero(column >= max(TFIDF_FLOOR, 0.95 * best)):
                if scores.get(self.ids[k], 0.0) >= 0:
                    scores[self.ids[k]] = min(float(column[k]), TFIDF_MAX)
        elif column is not None:  # a near-copy of a topic's example counts beside the lexicon
            for k in np.flatnonzero(column >= TFIDF_NEAR):
                if scores.get(self.ids[k], 0.0) >= 0:
                    scores[self.ids[k]] = max(scores.get(self.ids[k], 0.0), float(column[k]))
        vetoed = {t for t, c in scores.items() if c < 0}  # ruled out above: not read back
        scores = {t: min(c, 0.99) for t, c in scores.items() if c > 0}
        if probs is not None:
            scores = classifier.combine(scores, probs, self.index)
            # The classifier's own guesses stand beside the rest, pruned below with them.
            for topic, conf in classifier.guesses(probs, self.ids, BESIDE_P).items():
                if topic not in vetoed:
                    scores.setdefault(topic, conf)
        if "cues" in self.signals and max(scores.values(), default=0.0) < PRODUCE_CONF:
            produce = turns.produce_topic(folded, side)  # "salad, squash, heritage toms"
            if produce in self.index and scores.get(produce, 0.0) >= 0:
                scores[produce] = max(scores.get(produce, 0.0), PRODUCE_CONF)
        who = [t for t, c in scores.items() if turns.is_who(t, cued) and c >= turns.WHO_SURE]
        if turns.QUALIFIERS and who:
            scores = {t: c for t, c in scores.items() if not self._qualifier(t, who)}
        if scores.get("cofounder", 0) > 0 and not cued:  # "CTO cofounder" is not a hire
            scores = {t: c for t, c in scores.items() if not t.startswith(("hire_", "job_"))}
        return self._prune(scores, column)

    def _group_heads(self, folded: str, scores: dict[str, float]) -> None:
        """Make unsure what only the people a need names are ("accountants who refer clients").

        The people sought ("farms and growers who'll take our apprentices") are often
        not the help sought: a topic read only before " who" is a guess, not a reason.
        """
        m = turns.GROUP_WHO.search(folded)
        if m:
            rest = self._lexicon(folded[m.end(1) :], "need")
            for topic in self._lexicon(folded[: m.end(1)], "need"):
                if topic not in rest and topic in scores:
                    scores[topic] = min(scores[topic], turns.GROUP_CONF)

    def _qualifier(self, topic: str, who) -> bool:
        """Return True for a topic that only qualifies whom a clause is about (a sector)."""
        return topic not in who and self.group[topic] not in turns.KEPT_BESIDE_WHO

    def _topic_cues(self, folded: str, side: str, scores: dict[str, float]) -> None:
        """Add topics said by a sector-free turn of phrase (turns.TOPIC_CUES)."""
        for topic, pattern, overrules, unless_service in turns.TOPIC_CUES[side]:
            if topic not in self.index or scores.get(topic, 0.0) < 0:
                continue
            if pattern.search(folded) and not (unless_service and turns.SERVICE.search(folded)):
                scores[topic] = max(scores.get(topic, 0.0), CUE_CONF)
                for other in overrules:
                    scores[other] = -1.0

    def _prune(self, scores: dict[str, float], column) -> dict[str, float]:
        """Keep a clause's leading topics: those near the best, ties broken by TF-IDF."""
        if len(scores) <= 1 or not PRUNE:
            return scores
        index = self.index
        support = {
            t: c + (TFIDF_SUPPORT * float(column[index[t]]) if column is not None else 0.0)
            for t, c in scores.items()
        }
        best = max(support.values())
        kept = sorted(
            (t for t in scores if support[t] >= best - PRUNE_MARGIN), key=lambda t: -support[t]
        )
        return {t: scores[t] for t in kept[:PRUNE_KEEP]}

    def _lexicon(self, folded: str, side: str) -> dict[str, float]:
        """Return topics whose phrases occur in the clause (longest phrase first)."""
        words, lexicon, out = folded.split(), self.lexicon[side], {}
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                gram = " ".join(words[i : i + size])
                hit = lexicon.get(gram) or lexicon.get(singular(gram))
                if hit:
                    conf = self.conf.get(gram) or self.conf.get(singular(gram), LEXICON_CONF[0])
                    for topic in sorted(hit):  # sorted: reads never depend on set order
                        out[topic] = max(out.get(topic, 0.0), conf)
                    i += size
                    break
            else:
                if "fuzzy" in self.signals and len(words[i]) >= 5 and words[i] not in self.known:
                    for topic in sorted(self._fuzzy(words[i], side)):
                        out.setdefault(topic, FUZZY_CONF * self.conf.get(words[i], 0.9) / 0.9)
                i += 1
        return out

    def _fuzzy(self, word: str, side: str) -> set[str]:
        """Return topics of a one-word phrase one typo away from `word`."""
        table = self.fuzzy[side]
        found: set[str] = set()
        for variant in (word, *(word[:k] + word[k + 1 :] for k in range(len(word)))):
            found |= table.get(variant, set())
        return found
