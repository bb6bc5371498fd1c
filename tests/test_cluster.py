"""The Dask path, on Dask's local processes scheduler: the same rows as `extract`, for the kratom pages only."""

from __future__ import annotations

import json

from kratom_claims.cluster import dask_extract, partition_part
from kratom_claims.layout import project_layout

# Pages of a crawl: most name kratom, some are about something else and are dropped by the first pass.
OFF_TOPIC = "Turmeric may ease back pain and joint pain, and some users report nausea."


def _crawl(folder):
    """Article files (a fifth of them off topic) and a JSON Lines file, from the book's articles."""
    originals = [p.read_text(encoding="utf-8") for p in sorted(project_layout().articles_dir.glob("*.txt"))]
    inputs, kratom_inputs = [], []
    for number in range(20):
        path = folder / f"p{number:02d}_page.txt"
        text = OFF_TOPIC if number % 5 == 3 else originals[number % len(originals)]
        path.write_text(text, encoding="utf-8")
        inputs.append(path)
        if text != OFF_TOPIC:
            kratom_inputs.append(path)
    records = folder / "records.jsonl"
    records.write_text(
        "".join(json.dumps({"id": f"r{n:02d}_rec", "text": originals[n]}) + "\n" for n in range(len(originals))),
        encoding="utf-8",
    )
    return [*inputs, records], [*kratom_inputs, records]


def test_dask_rows_equal_the_single_process_command_on_the_kratom_pages(tmp_path, cli):
    corpus = tmp_path / "crawl"
    corpus.mkdir()
    inputs, kratom_inputs = _crawl(corpus)
    codebook = project_layout().codebook_yml
    single = tmp_path / "single.csv"
    assert cli("extract", *kratom_inputs, "--jobs", 1, "--out", single, "--codebook", codebook)[0] == 0

    out = tmp_path / "dask.csv"
    claims = dask_extract(inputs, codebook, out, scheduler="processes", num_workers=2, inputs_per_partition=3)

    assert out.read_bytes() == single.read_bytes()
    assert claims == len(out.read_text(encoding="utf-8").splitlines()) - 1 > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crawl", "dask.csv", "single.csv"]  # parts removed


def test_the_first_pass_drops_pages_that_never_name_kratom(tmp_path):
    page = tmp_path / "t01_page.txt"
    page.write_text(OFF_TOPIC, encoding="utf-8")
    assert partition_part([str(page)], str(project_layout().codebook_yml)) == []
    page.write_text(OFF_TOPIC.replace("Turmeric", "Kratom"), encoding="utf-8")
    first = partition_part([str(page)], str(project_layout().codebook_yml))[0]
    assert first.startswith('["t01_page", "t01_page,condition,back_pain,asserted,true,')
