"""Stages CSV landing files with the exported notebooks' landing reader (src/export/python/landing.py),
without Spark: argv[1] is [{"path": str, "columns": [str]}]; prints
[{"staged": [[line, value|null, ...]], "malformed": [[line, raw, detail]]}] as JSON."""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "src", "export", "python", "landing.py")

scope = {"__name__": "landing"}
with open(SOURCE, encoding="utf-8") as f:
    exec(compile(f.read(), SOURCE, "exec"), scope)  # noqa: S102 - the module under test

answers = []
for request in json.loads(sys.argv[1]):
    with open(request["path"], "rb") as f:
        staged, malformed = scope["stage_csv_rows"](f.read(), request["columns"])
    answers.append({"staged": staged, "malformed": [list(m) for m in malformed]})
print(json.dumps(answers, ensure_ascii=False))
