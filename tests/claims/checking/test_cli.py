import json
from pathlib import Path

from claims.checking.cli import finding_rows, main
from tests.claims.checking.fixtures import FERRY_1, FERRY_2


def docs() -> list[dict]:
    return [
        {
            "id": a.id,
            "text": a.text,
            "published": a.published.isoformat(),  # type: ignore[union-attr]
            "outlet": a.outlet,
            "title": a.title,
        }
        for a in (FERRY_1, FERRY_2)
    ]


def test_rows_have_the_gold_relations_shape() -> None:
    rows = list(finding_rows(docs(), {a.id: list(a.figures) for a in (FERRY_1, FERRY_2)}))
    assert rows
    for row in rows:
        if row["type"] == "inconsistent":
            assert len(row["figures"]) >= 2 and row["why"]
        else:
            assert row["type"] in ("agree", "conflict")
            assert {"doc", "start", "end"} <= row["a"].keys() <= {"doc", "start", "end"}


def test_main_reads_gold_figures_and_prints_json_lines(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    docs_path = tmp_path / "docs.json"
    docs_path.write_text(json.dumps(docs()))
    figs_path = tmp_path / "figures.jsonl"
    with figs_path.open("w") as fh:
        for art in (FERRY_1, FERRY_2):
            for f in art.figures:
                fh.write(
                    json.dumps(
                        {
                            "doc": art.id,
                            "start": f.start,
                            "end": f.end,
                            "text": f.surface,
                            "value": f.value,
                            "unit": f.unit,
                            "kind": f.kind,
                            "approx": f.approx,
                            "hedge": f.qualifier,
                            "attributed_to": f.attributed_to,
                        }
                    )
                    + "\n"
                )
    assert main([str(docs_path), "--gold-figures", str(figs_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["type"] for line in lines)
