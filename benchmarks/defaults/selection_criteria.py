"""What each rule for choosing between the network and the linear model would have scored (docs/defaults.md, round 7).

usage: selection_criteria.py IRIS_SCREENS SMALL_SCREENS LOG [LOG ...]

IRIS_SCREENS and SMALL_SCREENS hold screen runs (screen_table.py's layout) named base (the network) and lin4_lr01_e1000
(the linear candidate forced); each LOG is a benchmark log with the bench's "selection DATASET split K: ..." lines (both
candidates' held-out accuracy / loss). The final fit of a choice is the forced run of that candidate (same seed, same
rows), so every rule's test accuracy follows from the two runs without training again.
"""
import json,re,statistics as st,sys
def load(path,ds):
    r=json.load(open(path))[ds]['systems']['NNTrainer catalog']; return {x['split']:x['metric'] for x in r}
def sdca(path,ds):
    s=json.load(open(path))[ds]['systems']; 
    for k in ('SDCA','L-BFGS'):
        if k in s: return k,{x['split']:x['metric'] for x in s[k]}
sel={}
for f in sys.argv[3:]:
    for line in open(f):
        m=re.match(r'selection (\w+) split (\d+): \w+ Configured=([\d.]+)/([\d.]+) Linear=([\d.]+)/([\d.]+)',line)
        if m: sel[(m[1],int(m[2]))]=tuple(map(float,m.groups()[2:]))
crits={
 'acc,tie->loss': lambda ca,cl,la,ll: la>ca or (la==ca and ll<cl),
 'acc strict': lambda ca,cl,la,ll: la>ca,
 'loss': lambda ca,cl,la,ll: ll<cl,
 'loss<0.5x': lambda ca,cl,la,ll: ll<0.5*cl,
 'acc>=+1/120 & loss': lambda ca,cl,la,ll: la>=ca+0.0083-1e-9 and ll<cl,
 'acc>=+2% ': lambda ca,cl,la,ll: la>=ca+0.02-1e-9,
}
for ds,root in [('iris',sys.argv[1]),('wine',sys.argv[2]),('breast_cancer',sys.argv[2])]:
    b=load(f'{root}/base/results.json',ds); l=load(f'{root}/lin4_lr01_e1000/results.json',ds)
    name,p=sdca(f'{root}/base/results.json',ds)
    print(f'{ds}: base {st.mean(b.values()):.4f} linear {st.mean(l.values()):.4f} {name} {st.mean(p.values()):.4f} oracle {st.mean(max(b[k],l[k]) for k in b):.4f}')
    for c,f in crits.items():
        ch=[l[k] if f(*sel[(ds,k)]) else b[k] for k in sorted(b)]
        n=sum(1 for k in b if f(*sel[(ds,k)]))
        print(f'   {c:22s} {st.mean(ch):.4f}  linear on {n}/{len(b)}')
