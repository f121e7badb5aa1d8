"""The optional sentence-embedding plug-in (MATCHING_EMBEDDINGS), on a tiny model made here.

The model is a real model2vec StaticModel saved to disk and loaded by the app the way a
deployment's would be: a word-level tokenizer and a few hand-set vectors, so that the made-up
word "zorblax" sits exactly where "accountant" does.
"""

from __future__ import annotations

import numpy as np
import pytest

from dinnerplan.app import create_app
from dinnerplan.commands import main
from dinnerplan.config import ConfigError
from dinnerplan.matching import Profile, score_pairs, topics

model2vec = pytest.importorskip("model2vec")

NEED = "we badly need a zorblax"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.normalizers import Lowercase
    from tokenizers.pre_tokenizers import Whitespace

    words = ["[UNK]", "accountant", "zorblax", "investor", "glimmet"]
    tokenizer = Tokenizer(WordLevel({w: k for k, w in enumerate(words)}, unk_token="[UNK]"))
    tokenizer.normalizer = Lowercase()
    tokenizer.pre_tokenizer = Whitespace()
    vectors = np.zeros((len(words), 3), dtype=np.float32)
    vectors[1] = vectors[2] = [1, 0, 0]  # zorblax means accountant
    vectors[3] = vectors[4] = [0, 1, 0]  # glimmet means investor
    path = tmp_path_factory.mktemp("tiny-model")
    model2vec.StaticModel(vectors=vectors, tokenizer=tokenizer, normalize=True).save_pretrained(
        str(path)
    )
    return path


@pytest.fixture
def app_config(app_config, model_dir):
    return {**app_config, "MATCHING_EMBEDDINGS": f"model2vec:{model_dir}"}


def _topics(text: str, side: str = "need") -> list[str]:
    return [g.topic for g in topics.read(text, side)]


def test_the_configured_model_reads_words_the_lexicon_does_not_know(app, make, runner):
    assert "accounting_tax" in _topics(NEED)
    event = make.event(make.organizer())
    make.guest(event, name="Ana Alvarez", email="ana@example.com", needs=[NEED])
    result = runner.invoke(main, ["topics", str(event.id)])
    assert result.exit_code == 0, result.output
    assert "→ Accounting, bookkeeping and tax [accounting_tax] (guess 0.7" in result.output


def test_without_the_setting_nothing_is_loaded_and_the_word_is_unknown(app_config):
    create_app({**app_config, "MATCHING_EMBEDDINGS": None})
    assert _topics(NEED) == []


def test_the_lexicon_still_decides_where_it_knows_the_text(app):
    # "investor" embeds like "glimmet", but the lexicon reads this clause by itself.
    assert _topics("our books are a mess")[0] == "accounting_tax"


def test_an_embedding_guess_nudges_seating_but_never_makes_a_reason(app):
    ana = Profile(id=1, name="Ana", needs=(NEED,))
    ben = Profile(id=2, name="Ben", offers=("chartered accountant for small firms",))
    cy = Profile(id=3, name="Cy", offers=("I restore old motorbikes",))
    scores = score_pairs([ana, ben, cy])
    assert scores.helps(2, 1) == []  # never shown as "Ben can help Ana"
    assert scores.score(1, 2) > scores.score(1, 3)  # but Ana is seated nearer Ben


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("word2vec:some-model", "must be 'model2vec:MODEL'"),
        ("model2vec:", "must be 'model2vec:MODEL'"),
        ("model2vec:/nonexistent/folder/for/sure", "could not load the embedding model"),
    ],
)
def test_a_bad_setting_stops_the_app_with_the_reason(app_config, spec, message):
    with pytest.raises(ConfigError, match=message):
        create_app({**app_config, "MATCHING_EMBEDDINGS": spec})


def test_a_served_app_trains_the_topic_reader_in_the_background(app_config, monkeypatch):
    import threading

    from dinnerplan.matching import classifier

    monkeypatch.setattr(classifier, "_TRAINED", {})  # as in a fresh process
    served = {**app_config, "TESTING": False, "SECRET_KEY": "a-real-secret-" * 3}
    create_app({**served, "MATCHING_EMBEDDINGS": None})
    [warming] = [t for t in threading.enumerate() if t.name == "warm-topic-reader"]
    warming.join(timeout=120)
    assert "built-in" in classifier._TRAINED
