"""The shipped model was trained from the code, data and corpus checked in beside it, and its
version says so: any change to them changes the version."""

import json
import shutil

import pytest

from nlp.pipeline import MODEL_DIR
from nlp.pipeline.corpus import CORPUS_DIR, PIPELINE_DIR, training_digest
from nlp.pipeline.train import VERSION


def test_the_shipped_model_was_trained_from_what_is_checked_in():
    shipped = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["version"]
    expected = f"{VERSION}.{training_digest()}"
    assert shipped == expected, (
        f"nlp/model/ is version {shipped}, but the code, data and corpus checked in make "
        f"{expected}: nlp/pipeline/ or nlp/corpus/ changed since the model was trained. "
        "Run `.venv/bin/python -m nlp train`, check `.venv/bin/python -m nlp evaluate`, and "
        "commit nlp/model/ with the change."
    )


@pytest.fixture
def copies(tmp_path):
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    root = shutil.copytree(PIPELINE_DIR, tmp_path / "pipeline", ignore=ignore)
    corpus = shutil.copytree(CORPUS_DIR, tmp_path / "corpus")
    return root, corpus


def _flip_a_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))


def test_a_copy_has_the_same_digest(copies):
    root, corpus = copies
    assert training_digest(corpus, root) == training_digest()


def test_one_byte_of_any_pipeline_file_changes_the_digest(copies):
    root, corpus = copies
    original = training_digest(corpus, root)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    # Modules of subpackages and data files count as much as nlp/pipeline/*.py.
    assert root / "pii" / "people.py" in files
    assert root / "data" / "pii_lexicon.json" in files
    for path in files:
        before = path.read_bytes()
        _flip_a_byte(path)
        assert training_digest(corpus, root) != original, path.relative_to(root)
        path.write_bytes(before)
    assert training_digest(corpus, root) == original


def test_corpus_files_and_renames_change_the_digest(copies):
    root, corpus = copies
    original = training_digest(corpus, root)
    answers = sorted(corpus.rglob("*.jsonl"))[0]
    _flip_a_byte(answers)
    assert training_digest(corpus, root) != original
    answers.write_bytes((CORPUS_DIR / answers.relative_to(corpus)).read_bytes())
    module = root / "pii" / "people.py"
    module.rename(root / "pii" / "persons.py")
    assert training_digest(corpus, root) != original


def test_a_new_file_counts_but_compiled_python_does_not(copies):
    root, corpus = copies
    original = training_digest(corpus, root)
    cache = root / "pii" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "people.cpython-311.pyc").write_bytes(b"\0compiled")
    (root / "stale.pyc").write_bytes(b"\0compiled")
    assert training_digest(corpus, root) == original
    (root / "data" / "more_names.txt").write_text("zainab\n", encoding="utf-8")
    assert training_digest(corpus, root) != original
