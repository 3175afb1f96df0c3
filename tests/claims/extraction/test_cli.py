import io
import json
import sys

import pytest

from claims.extraction.cli import InputError, figure_rows, main


def test_it_yields_json_able_rows_per_figure() -> None:
    rows = list(
        figure_rows(
            [
                {
                    "id": "d1",
                    "text": "between 8,000 and 10,000 troops on March 11",
                    "published": "2024-03-12",
                }
            ]
        )
    )
    assert rows[0]["value"] == [8000, 10000]
    assert rows[1]["value"] == "2024-03-11"
    assert set(rows[0]) == {
        "doc",
        "start",
        "end",
        "text",
        "value",
        "unit",
        "kind",
        "approx",
        "qualifier",
        "subject",
        "attributed_to",
        "frame",
    }
    assert rows[0]["frame"]["measure"] == "troops"
    assert rows[0]["frame"]["time_iso"] == "2024-03-11"
    json.dumps(rows)


def test_it_rejects_bad_input_with_a_message() -> None:
    with pytest.raises(InputError, match="list"):
        list(figure_rows({"text": "x"}))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="text"):
        list(figure_rows([{"id": 1}]))
    with pytest.raises(InputError, match="ISO date"):
        list(figure_rows([{"id": 1, "text": "5 cats", "published": "yesterday"}]))


def test_main_prints_json_lines_and_clean_errors(
    tmp_path: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.StringIO(json.dumps([{"id": "a", "text": "It cost $5m."}]))
    )
    assert main(["-"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert json.loads(out[0])["value"] == 5_000_000
    monkeypatch.setattr(sys, "stdin", io.StringIO("{not json"))
    assert main(["-"]) == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["/nonexistent/file.json"]) == 1
    assert "cannot read" in capsys.readouterr().err
