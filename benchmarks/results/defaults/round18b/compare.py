import json, sys
tags = sys.argv[1:3] if len(sys.argv) > 2 else ['before', 'after']
print('| table | rows | task | %s | %s | paired diff (mean ± sd) | up / equal / down | %s s | %s s |' % (tags[0], tags[1], tags[0], tags[1]))
print('|---|---|---|---|---|---|---|---|---|')
for s in ['r3', 'r2', 'r4']:
    a = json.load(open(f'out-{tags[0]}/{s}/results.json')); b = json.load(open(f'out-{tags[1]}/{s}/results.json'))
    for d in a:
        x = [r['metric'] for r in a[d]['systems']['NNTrainer CLI']]; y = [r['metric'] for r in b[d]['systems']['NNTrainer CLI']]
        tx = [r['seconds'] for r in a[d]['systems']['NNTrainer CLI']]; ty = [r['seconds'] for r in b[d]['systems']['NNTrainer CLI']]
        diff = [q - p for p, q in zip(x, y)]
        m = sum(diff) / len(diff); sd = (sum((v - m) ** 2 for v in diff) / (len(diff) - 1)) ** 0.5
        up = sum(v > 0 for v in diff); eq = sum(v == 0 for v in diff); dn = sum(v < 0 for v in diff)
        print(f"| {d} | {a[d]['rows']} | {a[d]['task']} | {sum(x)/len(x):.4f} | {sum(y)/len(y):.4f} | {m:+.4f} ± {sd:.4f} | {up} / {eq} / {dn} | {sum(tx):.1f} | {sum(ty):.1f} |")
