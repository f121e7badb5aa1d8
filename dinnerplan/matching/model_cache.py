"""A trained classifier kept on disk, so a new process loads it instead of training again.

Training takes 10-25 s (docs/matching.md); every `dinnerplan` command, worker and served app
process paid it. The cache is a folder of plain .npy arrays (no pickles), named by a hash of
everything the model is trained from: the training rows, the training settings and the
scikit-learn and NumPy versions. A changed catalogue, corpus or library makes a new name, so a
stale model is never read; older folders are removed when a new one is written. The weights
are opened memory-mapped: processes of one deployment share them through the page cache.
Anything wrong with a folder (missing, partial, unreadable) means: train as before.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import sklearn

PREFIX = "topic-reader-"
SEP = "\x00"  # joins vocabulary terms (folded text never holds it)


def key(rows: Sequence[tuple[str, str, str]], settings: Sequence) -> str:
    """Return the name of the model these rows and settings train."""
    h = hashlib.sha256()
    h.update(repr((tuple(settings), sklearn.__version__, np.__version__)).encode())
    for row in rows:
        h.update(SEP.join(row).encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return PREFIX + h.hexdigest()[:24]


def _terms(vocabulary: dict[str, int]) -> np.ndarray:
    ordered = sorted(vocabulary, key=vocabulary.__getitem__)
    return np.frombuffer(SEP.join(ordered).encode("utf-8"), dtype=np.uint8)


def _vocabulary(raw: np.ndarray) -> dict[str, int]:
    return {t: i for i, t in enumerate(bytes(raw).decode("utf-8").split(SEP))}


def save(classifier, folder: Path, name: str) -> None:
    """Write the classifier's arrays under folder/name (atomically); drop older models."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".writing-", dir=folder))
    try:
        for part in ("word", "char"):
            vec = getattr(classifier, part)
            np.save(tmp / f"{part}_terms.npy", _terms(vec.vocabulary_))
            np.save(tmp / f"{part}_idf.npy", vec.idf_.astype(np.float32))
        for side, (coef, intercept, classes) in classifier.models.items():
            np.save(tmp / f"{side}_coef.npy", coef)
            np.save(tmp / f"{side}_intercept.npy", intercept)
            np.save(tmp / f"{side}_classes.npy", np.array(classes, dtype=str))
        (tmp / "complete").touch()
        # save() runs only when load() found no whole model: a folder of this name is broken.
        shutil.rmtree(folder / name, ignore_errors=True)
        try:
            os.rename(tmp, folder / name)
        except OSError:  # another process wrote it first: theirs is the same model
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for old in folder.glob(PREFIX + "*"):
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)


def load(folder: Path, name: str, sides: Sequence[str], make_vectorizer) -> dict | None:
    """Return the saved parts {word, char, models}, or None when there is no whole model."""
    path = folder / name
    if not (path / "complete").is_file():
        return None
    try:
        parts: dict = {"models": {}}
        for part in ("word", "char"):
            vec = make_vectorizer(part, _vocabulary(np.load(path / f"{part}_terms.npy")))
            vec.idf_ = np.load(path / f"{part}_idf.npy")
            parts[part] = vec
        for side in sides:
            coef = np.load(path / f"{side}_coef.npy", mmap_mode="r")
            intercept = np.load(path / f"{side}_intercept.npy")
            classes = [str(c) for c in np.load(path / f"{side}_classes.npy")]
            if coef.shape != (len(parts["word"].vocabulary) + len(parts["char"].vocabulary),
                              len(classes)):  # fmt: skip
                return None
            parts["models"][side] = (coef, intercept, classes)
        return parts
    except (OSError, ValueError, UnicodeDecodeError):
        return None
