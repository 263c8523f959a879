"""Round 13: a run of the .NET systems (results.json) against the stored runs of every benchmark, table by table.
usage: round13_table.py RESULTS.json "NNTrainer catalog"|"NNTrainer CLI" [MORE_STORED.json ...]
(paired by split; stored runs are seeded; a table's systems are merged over the stored files, the first file's run of a system kept)."""
import json, os, sys, statistics as st
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
base = {}
stored = ['benchmarks/results/mlbench/results.json','benchmarks/results/public/results.json','benchmarks/results/uci/results.json','benchmarks/results/defaults/round12/results.json']
for f in [os.path.join(ROOT, f) for f in stored] + sys.argv[3:]:
    for k,v in json.load(open(f)).items():
        table = base.setdefault(k, {'task': v['task'], 'systems': {}})
        for name, rows in v['systems'].items():
            table['systems'].setdefault(name, rows)
def m(rows): return st.mean(r['metric'] for r in rows) if rows else float('nan')
def t(rows): return st.mean(r['seconds'] for r in rows) if rows else float('nan')
new = json.load(open(sys.argv[1])); system = sys.argv[2]
print(f"| table | scikit-learn | best linear | {system} before | after | paired (better/equal/worse) |")
print("|---|---:|---:|---:|---:|---|")
for k,v in new.items():
    b = base[k]['systems']; a = v['systems'][system]
    before = b.get(system, [])
    sk = b.get('scikit-learn MLP', [])
    lin = max([m(b[s]) for s in ('SDCA','L-BFGS') if s in b] or [float('nan')])
    pb = {r['split']: r['metric'] for r in before}
    d = [r['metric'] - pb[r['split']] for r in a if r['split'] in pb]
    bw = (sum(x>1e-12 for x in d), sum(abs(x)<=1e-12 for x in d), sum(x< -1e-12 for x in d))
    print(f"| {k} | {m(sk):.4f} | {lin:.4f} | {m(before):.4f} | {m(a):.4f} | {m(a)-m(before):+.4f} ({bw[0]}/{bw[1]}/{bw[2]}) |")
