"""The trained topic reader kept on disk: loaded back exactly, never stale, never half-read."""

from __future__ import annotations

import numpy as np
import pytest

from dinnerplan.matching import classifier, model_cache
from dinnerplan.matching.catalogue import fold, load_catalogue

TEXTS = [
    fold(t)
    for t in (
        "our books are a mess, need an accountant before year end",
        "Wir suchen eine Steuerberaterin",
        "happy to intro you to seed investors in Berlin",
        "ex-CFO, can help with your model and board pack",
        "🤷",
    )
]


@pytest.fixture(scope="module")
def rows():
    """The catalogue's own phrases and examples: a small, quick model."""
    return classifier.training_rows(load_catalogue().topics.values(), [])


@pytest.fixture
def cache(tmp_path):
    before = classifier._CACHE[0]
    classifier.use_cache(tmp_path)
    yield tmp_path
    classifier.use_cache(before)


def _same(a: classifier.Classifier, b: classifier.Classifier, ids) -> None:
    for side in classifier.SIDES:
        np.testing.assert_array_equal(a.proba(TEXTS, side, ids), b.proba(TEXTS, side, ids))


def test_a_saved_model_loads_back_and_reads_exactly_as_trained(rows, cache):
    ids = list(load_catalogue().topics)
    first = classifier._load_or_train(rows)
    assert not isinstance(first.models["need"][0], np.memmap)  # trained here
    saved = list(cache.glob(model_cache.PREFIX + "*"))
    assert len(saved) == 1
    assert (saved[0] / "complete").is_file()

    second = classifier._load_or_train(rows)  # as a new process would
    assert isinstance(second.models["need"][0], np.memmap)  # loaded, not trained
    _same(first, second, ids)
    assert second.proba(TEXTS[:1], "need", ids)[0, ids.index("accounting_tax")] > 0.5


def test_changed_training_rows_train_a_new_model_and_drop_the_old(rows, cache):
    classifier._load_or_train(rows)
    old = {p.name for p in cache.glob(model_cache.PREFIX + "*")}
    changed = [*rows, ("need", "accounting_tax", "quarterly VAT return is overdue")]
    model = classifier._load_or_train(changed)
    assert not isinstance(model.models["need"][0], np.memmap)  # the old model was not read
    new = {p.name for p in cache.glob(model_cache.PREFIX + "*")}
    assert len(new) == 1
    assert new != old


def test_a_half_written_or_damaged_model_is_trained_again(rows, cache):
    ids = list(load_catalogue().topics)
    trained = classifier._load_or_train(rows)
    (folder,) = cache.glob(model_cache.PREFIX + "*")
    (folder / "complete").unlink()  # a process stopped while writing
    again = classifier._load_or_train(rows)
    assert not isinstance(again.models["need"][0], np.memmap)
    (folder,) = cache.glob(model_cache.PREFIX + "*")
    np.save(folder / "offer_coef.npy", np.zeros((3, 3), dtype=np.float32))  # damaged
    third = classifier._load_or_train(rows)
    assert not isinstance(third.models["offer"][0], np.memmap)
    _same(trained, third, ids)
    repaired = classifier._load_or_train(rows)  # the retrained model replaced the broken one
    assert isinstance(repaired.models["offer"][0], np.memmap)


def test_an_unwritable_cache_still_serves_a_trained_model(rows, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    before = classifier._CACHE[0]
    classifier.use_cache(blocked / "cache")
    try:
        model = classifier._load_or_train(rows)
    finally:
        classifier.use_cache(before)
    assert model.proba(TEXTS[:1], "need", ["accounting_tax"])[0, 0] > 0.5
