# Landing files, read exactly as carelake reads them (src/pipeline/landing/*): a dataset's files
# are <prefix>.csv|parquet or <prefix>_<suffix>.csv|parquet (case-insensitive), in name order;
# each is identified by its name and the first 16 hex digits of its SHA-256, so a file already
# ingested is skipped and a changed re-delivery is ingested again. A CSV is parsed by carelake's
# own lenient RFC 4180 reader (quoted fields hold commas, newlines and doubled quotes; a quote
# inside an unquoted field is a literal character); a row whose field count differs from the
# header's, or a file whose header lacks a column, is malformed and goes to quarantine whole,
# with PHI-like fields withheld. A Parquet file is read as it is; its columns are matched by
# name, case-insensitively, and staged as text (the Spark versions of the models' helpers take
# text): a typed timestamp as DuckDB prints it, with its offset, so the bronze model reads the
# same instant. Nothing is dropped here: typing and refusals are
# the bronze model's.
import hashlib
import posixpath
import re
from urllib.parse import unquote

from pyspark.sql import functions as F
from pyspark.sql import types as T

# JavaScript's String.prototype.trim() set, which carelake uses on header names.
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
PHI_LIKE = re.compile(r"\b\d{3}-?\d{2}-?\d{4}\b|\bMRN[-_ ]?\d+", re.IGNORECASE | re.ASCII)
# Spark type → the DuckDB type name carelake's model metadata (typedColumns) lists.
DUCKDB_TYPE = {
    "int": "INTEGER",
    "bigint": "BIGINT",
    "smallint": "SMALLINT",
    "boolean": "BOOLEAN",
    "double": "DOUBLE",
    "date": "DATE",
    "timestamp": "TIMESTAMP WITH TIME ZONE",
    "timestamp_ntz": "TIMESTAMP",
}


def landing_pattern(prefix):
    return re.compile("^" + re.escape(prefix) + r"(?:[_-][^/]*)?\.(csv|parquet)$", re.IGNORECASE)


def read_landing_listing():
    """Every file of the landing folder: {uri: (name, content hash)}, read once per notebook run."""
    try:
        rows = (
            spark.read.format("binaryFile")  # noqa: F821
            .option("recursiveFileLookup", "true")
            .load(landing_path)  # noqa: F821
            .select("path", F.substring(F.sha2("content", 256), 1, 16).alias("h"))
            .collect()
        )
    except Exception as error:  # noqa: BLE001 - a missing landing folder has no files
        if "PATH_NOT_FOUND" in str(error) or "does not exist" in str(error):
            return {}
        raise
    root = "/" + re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*:(//[^/]*)?", "", landing_path).strip("/")  # noqa: F821
    listing = {}
    for row in rows:
        local = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*:(//[^/]*)?", "", unquote(row["path"]))
        parent = posixpath.dirname(local).rstrip("/")
        if parent == root or parent.endswith(root):  # not a file in a sub-folder
            listing[row["path"]] = (posixpath.basename(local), row["h"])
    return listing


def list_landing_files(listing, prefix):
    """[(name, uri, format, content hash)] of one dataset's landing files, in carelake's name order."""
    pattern = landing_pattern(prefix)
    files = []
    for uri, (name, digest) in listing.items():
        match = pattern.match(name)
        if match:
            files.append((name, uri, match.group(1).lower(), digest))
    # JavaScript sorts strings by UTF-16 code units.
    return sorted(files, key=lambda f: f[0].encode("utf-16-be"))


def glob_escape(path):
    return re.sub(r"([\\\[\]{}*?])", r"\\\1", path)


def js_trim(text):
    return text.strip(JS_SPACE)


def withhold_phi_like(fields):
    return ["<withheld>" if PHI_LIKE.search(f) else f for f in fields]


def parse_csv_records(text):
    """carelake's CsvRecordParser: yields (line the record starts on, fields)."""
    field, fields, state = [], [], "start"
    line = record_line = 1
    saw_any = False
    for ch in text:
        if state in ("start", "unquoted"):
            if ch == ",":
                fields.append("".join(field))
                field, state, saw_any = [], "start", True
            elif ch == "\n":
                if saw_any or fields or field:
                    fields.append("".join(field))
                    yield record_line, fields
                field, fields, state, saw_any = [], [], "start", False
                line += 1
                record_line = line
            elif ch == "\r":
                pass
            elif ch == '"' and state == "start":
                state, saw_any = "quoted", True
            else:
                field.append(ch)
                state, saw_any = "unquoted", True
        elif state == "quoted":
            if ch == '"':
                state = "quote-in-quoted"
            else:
                if ch == "\n":
                    line += 1
                field.append(ch)
        else:  # quote-in-quoted
            if ch == '"':
                field.append('"')
                state = "quoted"
            elif ch == ",":
                fields.append("".join(field))
                field, state, saw_any = [], "start", True
            elif ch == "\n":
                if saw_any or fields or field:
                    fields.append("".join(field))
                    yield record_line, fields
                field, fields, state, saw_any = [], [], "start", False
                line += 1
                record_line = line
            elif ch != "\r":
                field.append(ch)
                state = "unquoted"
    if saw_any or fields or field:
        fields.append("".join(field))
        yield record_line, fields


def stage_csv_rows(content, columns):
    """(staged rows [_line, *columns], malformed rows [_line, _raw, _detail]) of one CSV file."""
    import json

    header, positions, missing = None, [], []
    staged, malformed = [], []
    for record_line, fields in parse_csv_records(content.decode("utf-8", errors="replace")):
        if header is None:
            header = [re.sub("^\ufeff", "", js_trim(f)) for f in fields]
            lower = [h.lower() for h in header]
            positions = [lower.index(c.lower()) if c.lower() in lower else None for c in columns]
            missing = [c for c, p in zip(columns, positions) if p is None]
            continue
        if len(fields) != len(header) or missing:
            detail = (
                f"the header has no column {', '.join(missing)}"
                if missing
                else f"line {record_line} has {len(fields)} fields, the header has {len(header)}"
            )
            raw = json.dumps(withhold_phi_like(fields), ensure_ascii=False, separators=(",", ":"))
            malformed.append((record_line, raw, detail))
            continue
        staged.append([record_line] + [fields[p] if fields[p] != "" else None for p in positions])
    return staged, malformed


def stage_file(uri, fmt, columns, typed):
    """Registers the temp view `staged` (_line, then every column) and returns the malformed rows."""
    if fmt == "parquet":
        stage_parquet(uri, columns, typed)
        return spark.createDataFrame([], MALFORMED_SCHEMA)  # noqa: F821
    content = (
        spark.read.format("binaryFile")  # noqa: F821
        .option("recursiveFileLookup", "true")
        .load(landing_path)  # noqa: F821
        .where(F.col("path") == uri)
        .select("content")
        .first()["content"]
    )
    staged, malformed = stage_csv_rows(bytes(content), columns)
    schema = T.StructType([T.StructField("_line", T.LongType())] + [T.StructField(c, T.StringType()) for c in columns])
    spark.createDataFrame(staged, schema).createOrReplaceTempView("staged")  # noqa: F821
    return spark.createDataFrame(malformed, MALFORMED_SCHEMA)  # noqa: F821


MALFORMED_SCHEMA = T.StructType(
    [T.StructField("_line", T.LongType()), T.StructField("_raw", T.StringType()), T.StructField("_detail", T.StringType())]
)


def stage_parquet(uri, columns, typed):
    df = spark.read.parquet(glob_escape(unquote(uri)))  # noqa: F821
    present = {f.name.lower(): f for f in df.schema.fields}
    select = [(F.col("_metadata.row_index") + 1).cast("bigint").alias("_line")]
    for c in columns:
        found = present.get(c.lower())
        if found is None:
            select.append(F.lit(None).cast("string").alias(c))
            continue
        source = F.col(quote(found.name))  # noqa: F821 - from the tables cell
        kind = found.dataType.simpleString()
        duck = DUCKDB_TYPE.get(kind, kind.upper().replace(",", ","))
        keep = duck in typed.get(c, [])
        if keep and kind in ("timestamp", "timestamp_ntz"):
            # As text the bronze model parses back to the same instant (a naive one read in the
            # lake's zone), printed as DuckDB prints it, so _raw shows it alike.
            text = duckdb_timestamp_text(source, offset=kind == "timestamp")  # noqa: F821
        else:
            text = source.cast("string")
        select.append(text.alias(c))
    df.select(*select).createOrReplaceTempView("staged")
