"""``nbkit export DIR``: every frame of the interview as CSV (or Parquet), with a data dictionary.

The dictionary (``data_dictionary.csv``: frame, column, type, meaning, levels) comes from the frame
schema ``nbkit/data/frames.yaml``, the same source as the frames' dtypes and docstrings.

CSV conventions (RFC 4180, for pandas, R and spreadsheets): UTF-8 without BOM, comma separated,
CRLF line ends, fields quoted only when needed (``"`` doubled inside quotes), a header row;
missing values (NA) are empty fields; booleans are ``TRUE``/``FALSE``; dates are ISO 8601
(``2023-09-13``); text columns never hold NA, so an empty text field is the empty string.
:func:`read_export` reads a file back with the types of the dictionary.
"""

from __future__ import annotations

from pathlib import Path

from .. import frames as schema
from . import OK, UsageError, say

HELP = "write every frame (CSV or Parquet) and a data dictionary to a folder"

#: Frames written, in the schema's order: file stem (= property of ``nbkit.load_interview()``).
FRAMES = schema.frame_names("text") + schema.frame_names("annotations")
DICTIONARY = "data_dictionary"
DICTIONARY_COLUMNS = schema.columns(DICTIONARY)
LEVEL_SEP = "; "


def add_arguments(p) -> None:
    p.add_argument("dir", metavar="DIR", help="folder to write into (created if missing)")
    p.add_argument(
        "--format",
        choices=["csv", "parquet"],
        default="csv",
        help="csv (default; RFC 4180, UTF-8, NA empty, booleans TRUE/FALSE) or parquet (needs pyarrow)",
    )
    p.add_argument(
        "--interview",
        metavar="FILE",
        help="another interview of the series (a .txt file); frames curated for the bundled "
        "interview only (claims, argument_links, treaty_articles, timeline, outside_views) are skipped",
    )


# -- the dictionary ----------------------------------------------------------------------------


@schema.returns(DICTIONARY)
def data_dictionary(iv=None, frames: dict | None = None):
    """One row per column of every exported frame (``frames``: name -> frame; default: those of ``iv``)."""
    names = frames if frames is not None else collect_frames(iv)
    return schema.from_rows(DICTIONARY, [{"frame": name, **row} for name in names for row in schema.column_table(name)])


def collect_frames(iv=None) -> dict:
    """Frame name -> frame; frames the interview cannot have (curated for the bundled one) are left out."""
    from ..course import load_interview
    from ..errors import DataValidationError

    iv = iv if iv is not None else load_interview()
    out = {}
    for name in FRAMES:
        try:
            out[name] = getattr(iv, name)
        except DataValidationError:
            continue
    return out


# -- writing and reading -----------------------------------------------------------------------


def _csv_ready(df):
    """A copy with booleans as TRUE/FALSE and dates as ISO 8601 text; NA stays NA (written empty)."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        s = out[col]
        kind = str(s.dtype)
        if kind in ("bool", "boolean"):
            out[col] = s.map({True: "TRUE", False: "FALSE"}).astype("object").where(s.notna(), None)
        elif kind.startswith("datetime64"):
            dates = s.dt.normalize().eq(s).all()
            out[col] = s.dt.strftime("%Y-%m-%d" if dates else "%Y-%m-%dT%H:%M:%S.%f").where(s.notna(), None)
        elif isinstance(s.dtype, pd.CategoricalDtype):
            out[col] = s.astype("object")
    return out


def write_csv(df, path: Path) -> Path:
    """Write one frame with the module's CSV conventions."""
    _csv_ready(df).to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n", na_rep="")
    return path


def export(dest: str | Path, fmt: str = "csv", iv=None) -> list[Path]:
    """Write every frame and ``data_dictionary`` to ``dest``; returns the files written."""
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise UsageError(f"{dest} is a file; give a folder to write the frames into")
    if fmt == "parquet":
        from importlib.util import find_spec

        if find_spec("pyarrow") is None:
            raise UsageError("Parquet needs the pyarrow package: pip install 'nbkit[parquet]' (or use --format csv)")
    dest.mkdir(parents=True, exist_ok=True)
    frames = collect_frames(iv)
    frames_out = {**frames, DICTIONARY: data_dictionary(frames=frames)}
    written = []
    for name, df in frames_out.items():
        path = dest / f"{name}.{fmt}"
        if fmt == "csv":
            write_csv(df, path)
        else:
            df.to_parquet(path, index=False)
        written.append(path)
    return written


def read_export(folder: str | Path, frame: str):
    """Read one exported CSV back into pandas with the types its data dictionary states."""
    import pandas as pd

    folder = Path(folder)
    if frame == DICTIONARY:
        return pd.read_csv(folder / f"{DICTIONARY}.csv", dtype="str", keep_default_na=False)
    spec = read_export(folder, DICTIONARY)
    spec = spec[spec["frame"] == frame]
    if spec.empty:
        raise ValueError(f"{frame!r} is not in {folder / (DICTIONARY + '.csv')}")
    from ..frames import schema

    columns = schema()["frames"].get(frame, {}).get("columns", {})
    raw = pd.read_csv(folder / f"{frame}.csv", dtype="str", keep_default_na=False, encoding="utf-8")
    out = {}
    for row in spec.itertuples(index=False):
        s = raw[row.column]
        kind = row.type
        if kind == "str":  # NA is written as an empty field: a nullable column reads it back as NA
            nullable = columns.get(row.column, {}).get("nullable", False)
            out[row.column] = (s.where(s != "", None) if nullable else s).astype("str")
        elif kind in ("bool", "boolean"):
            vals = s.map({"TRUE": True, "FALSE": False, "": None})
            out[row.column] = vals.astype(kind)
        elif kind.endswith("category"):
            levels = row.levels.split(LEVEL_SEP) if row.levels else []
            out[row.column] = pd.Series(
                pd.Categorical(s.where(s != "", None), categories=levels, ordered=kind == "ordered category")
            )
        elif kind.startswith("datetime64"):
            out[row.column] = pd.to_datetime(s.where(s != "", None), format="ISO8601").astype(kind)
        else:  # int64, Int64, float64
            out[row.column] = pd.to_numeric(s.where(s != "", None)).astype(kind)
    return pd.DataFrame(out, columns=list(spec["column"]))


def run(args) -> int:
    """Write every frame of the interview, and a data dictionary, to the folder DIR.

    Frames: meta, paragraphs, questions, sentences, tokens, claims, argument_links, actors, aliases,
    mentions, treaty_articles, timeline, outside_views, glossary, marker_lexicon, markers; plus data_dictionary
    (frame, column, type, meaning, levels). CSV: RFC 4180, UTF-8, CRLF, NA as an empty field,
    booleans TRUE/FALSE, dates ISO 8601. In R: read.csv(f, na.strings = "", encoding = "UTF-8").
    """
    iv = None
    if args.interview:
        path = Path(args.interview)
        if not path.is_file():
            raise UsageError(f"{path} not found; give the interview's .txt file")
        from ..course import load_interview

        iv = load_interview(path)
    written = export(args.dir, args.format, iv)
    for p in written:
        print(p)
    say(f"{len(written) - 1} frames and the data dictionary written to {args.dir} ({args.format})")
    return OK
