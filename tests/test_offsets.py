"""Round trip and offsets: every frame's spans slice the source exactly."""

import nbkit


def assert_offsets(iv):
    src = iv.source
    for name in ["paragraphs", "sentences"]:
        frame = getattr(iv, name)
        for row in frame.itertuples():
            assert src[row.start : row.end] == row.text, (name, row)
    tokens = iv.tokens
    for row in tokens.itertuples():
        assert src[row.start : row.end] == row.token
    # sentences lie inside their paragraph; tokens inside their sentence
    par = iv.paragraphs.set_index("paragraph_id")
    for row in iv.sentences.itertuples():
        assert par.loc[row.paragraph_id, "start"] <= row.start < row.end <= par.loc[row.paragraph_id, "end"]
    sen = iv.sentences.set_index("sentence_id")
    assert (tokens["start"].to_numpy() >= sen.loc[tokens["sentence_id"], "start"].to_numpy()).all()
    assert (tokens["end"].to_numpy() <= sen.loc[tokens["sentence_id"], "end"].to_numpy()).all()


def test_seed_round_trip_and_offsets(interview, seed_bytes):
    assert interview.to_text().encode("utf-8") == seed_bytes
    assert not seed_bytes.endswith(b"\n")
    assert_offsets(interview)


def test_tolerated_variants_round_trip(tmp_path, seed_text):
    variants = {
        "crlf": seed_text.replace("\n", "\r\n"),
        "bom": "\ufeff" + seed_text,
        "blank-lines": seed_text.replace("\n", "\n\n"),
        "trailing-spaces": seed_text.replace("\n", "  \n") + "\n",
        "all": "\ufeff" + seed_text.replace("\n", "  \r\n\r\n") + "\r\n",
    }
    for name, text in variants.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.encode("utf-8"))
        iv = nbkit.load_interview(path)
        assert iv.to_text().encode("utf-8") == path.read_bytes(), name
        assert_offsets(iv)
        assert len(iv.paragraphs) == 21, name
        assert iv.paragraphs["text"].tolist() == nbkit.load_interview().paragraphs["text"].tolist(), name
        assert len(iv.tokens) == 1170


def test_blank_lines_keep_source_line_numbers(tmp_path, seed_text):
    path = tmp_path / "blank.txt"
    path.write_text(seed_text.replace("\n", "\n\n"), encoding="utf-8")
    iv = nbkit.load_interview(path)
    assert iv.questions["paragraph_id"].tolist() == [3, 11, 21, 27, 33]
