"""`python -m nlp tag`: JSON lines in, tagged JSON lines out, bad lines reported and skipped."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _tag(stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nlp", "tag"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_tags_each_line_in_the_documented_shape():
    lines = [
        {"id": 1, "text": "my mum cant afford the bus to college"},
        {"id": "b", "text": "call me on 07700 900123"},
    ]
    result = _tag("\n".join(json.dumps(line) for line in lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in out] == [1, "b"]
    for row in out:
        assert set(row) == {
            "id",
            "outcomes",
            "scores",
            "safeguarding",
            "redacted",
            "pii",
            "keyphrases",
        }
        assert set(row["scores"]) == {
            "being_healthy",
            "staying_safe",
            "enjoying_and_achieving",
            "positive_contribution",
            "economic_wellbeing",
        }
        assert set(row["safeguarding"]) == {"flag", "kind", "evidence"}
    phone = out[1]["pii"][0]
    assert lines[1]["text"][phone["start"] : phone["end"]] == "07700 900123"
    assert phone["label"] == "PHONE"
    assert out[1]["redacted"] == "call me on [PHONE]"


def test_bad_lines_are_reported_with_their_number_and_the_rest_still_tagged():
    stdin = '{"id": 1, "text": "hi"}\nnot json\n{"id": 3}\n{"id": 4, "text": "bye"}\n'
    result = _tag(stdin)
    assert result.returncode == 1
    assert "line 2" in result.stderr
    assert "line 3" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 4]
