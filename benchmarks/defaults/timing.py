"""Training time of the defaults, side by side in one run: NNTrainer's new defaults (CLI and catalog) against
scikit-learn's MLP and against the old defaults, per dataset, as mean seconds per split and as ratios.

usage: timing.py OUT.md SKLEARN.json NEW/results.json OLD_CLI/results.json OLD_CATALOG/results.json
  NEW holds "NNTrainer CLI" and "NNTrainer catalog" with the defaults; OLD_CLI and OLD_CATALOG hold "NNTrainer catalog"
  run with the old defaults' options (--nn-options, see docs/defaults.md). Times from one run only: the machine is shared.
"""
import json
import statistics
import sys

out, sk_path, new_path, old_cli_path, old_cat_path = sys.argv[1:6]
sk, new, old_cli, old_cat = (json.load(open(p)) for p in (sk_path, new_path, old_cli_path, old_cat_path))


def seconds(result, system):
    runs = (result or {}).get("systems", {}).get(system) if "systems" in (result or {}) else (result or {}).get("runs")
    return statistics.mean(r["seconds"] for r in runs) if runs else None


def f(v, digits=3):
    return "–" if v is None else f"{v:.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


lines = ["| dataset | scikit-learn MLP s | CLI s | catalog s | old CLI s | old catalog s | CLI / sklearn | catalog / sklearn | CLI / old CLI | catalog / old catalog |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for name in new:
    s = seconds(sk.get(name), None)
    cli, cat = seconds(new[name], "NNTrainer CLI"), seconds(new[name], "NNTrainer catalog")
    ocli, ocat = seconds(old_cli.get(name), "NNTrainer catalog"), seconds(old_cat.get(name), "NNTrainer catalog")
    cells = [f(s), f(cli), f(cat), f(ocli), f(ocat), f(ratio(cli, s), 2), f(ratio(cat, s), 2), f(ratio(cli, ocli), 2), f(ratio(cat, ocat), 2)]
    lines.append(f"| {name} | " + " | ".join(cells) + " |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
