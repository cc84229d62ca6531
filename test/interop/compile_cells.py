"""Compiles every code cell of the given .ipynb files (argv[1]: JSON list of paths) as Python;
prints [{"path", "cell", "error"}] for each cell that does not compile (an empty list: all do)."""

import json
import sys

errors = []
for path in json.loads(sys.argv[1]):
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    for i, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        try:
            compile("".join(cell["source"]), f"{path}[{i}]", "exec")
        except SyntaxError as error:
            errors.append({"path": path, "cell": i, "error": str(error)})
print(json.dumps(errors))
