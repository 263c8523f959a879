"""Lists, for the quoted R splits (quote_splits.py; ROOT/r1, r2, r3, mlb/quoted), the columns the CLI reads differently
in session 17: numbers whose every value R quoted in a selectively quoted file (now categories) and category columns
of more than 100 values (now kept up to the scaled cap). Approximates the CLI rule on split0.train.csv.

usage: session17_changes.py ROOT
"""
import csv, json, os, sys
os.chdir(sys.argv[1])
def num(v):
    try:
        f=float(v); return f==f and abs(f)!=float('inf')
    except: return False
MISS={"","na","n/a","nan","null","?","none","-","#n/a"}
for s in ["r1","r2","r3","mlb"]:
    for name in sorted(os.listdir(f"{s}/quoted")):
        meta=json.load(open(f"{s}/quoted/{name}/meta.json"))
        raw=open(f"{s}/quoted/{name}/split0.train.csv").read().splitlines()
        header=[h.strip('"') for h in raw[0].split(",")]
        rows=list(csv.reader(raw[1:]))
        qflags=[None]*len(header)
        # quoted per column via raw text: naive since values have no commas
        for line in raw[1:10001]:
            for c,f in enumerate(line.split(",")):
                if f.strip('"').strip().lower() in MISS: continue
                q=f.startswith('"')
                qflags[c]= q if qflags[c] is None else (qflags[c] and q) if q else (False if qflags[c] else qflags[c])
        allq=[c for c in range(len(header)) if qflags[c] is True]
        # column all quoted if every present value quoted
        def allquoted(c):
            return all(line.split(",")[c].startswith('"') for line in raw[1:10001] if line.split(",")[c].strip('"').strip().lower() not in MISS)
        def allbare(c):
            return all(not line.split(",")[c].startswith('"') for line in raw[1:10001] if line.split(",")[c].strip('"').strip().lower() not in MISS)
        cols=list(zip(*rows[:10000]))
        isnum=[ (lambda pres: len(pres)>0 and sum(num(v) for v in pres) >= len(pres)-len(pres)//100)([v for v in cols[c] if v.strip().lower() not in MISS]) for c in range(len(header))]
        aq=[allquoted(c) for c in range(len(header))]; ab=[allbare(c) for c in range(len(header))]
        selective=any(ab[c] and isnum[c] for c in range(len(header))) and any(aq)
        flips=[header[c] for c in range(len(header)) if selective and aq[c] and isnum[c]]
        n=len(rows)
        wide=[(header[c], len(set(v for v in cols[c] if v!=""))) for c in range(len(header)) if header[c]!="y" and (not isnum[c] or header[c] in flips)]
        wide=[(h,d) for h,d in wide if d>100]
        if flips or wide: print(s,name,meta['task'],"rows",n,"flips",flips,"wide",wide)
