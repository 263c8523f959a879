"""Applies the CLI's quoted-column rule (src/NNTrainer.Cli/Data/QuotedColumns.cs) to any files: whether each quotes
selectively and which columns of numbers would be read as categories. usage: quoted_scan.py FILE...
"""
import sys
MISS={"","na","n/a","nan","null","?","none","-","#n/a"}
def num(v):
    try: f=float(v); return f==f and abs(f)!=float('inf')
    except: return False
def records(text, sep):
    i=0; n=len(text); fields=[]; quoted=[]; cur=[]; q=False
    while i<n:
        c=text[i]
        if c=='"' and not cur:
            j=i+1; buf=[]
            while j<n:
                if text[j]=='"':
                    if j+1<n and text[j+1]=='"': buf.append('"'); j+=2; continue
                    break
                buf.append(text[j]); j+=1
            cur=buf; q=True; i=j+1; continue
        if c==sep: fields.append("".join(cur)); quoted.append(q); cur=[]; q=False; i+=1; continue
        if c=='\n':
            fields.append("".join(cur)); quoted.append(q); yield fields, quoted; fields=[]; quoted=[]; cur=[]; q=False; i+=1; continue
        if c!='\r': cur.append(c)
        i+=1
    if cur or fields: fields.append("".join(cur)); quoted.append(q); yield fields, quoted
for path in sys.argv[1:]:
    text=open(path,encoding='utf-8',errors='replace').read()
    first=text.split('\n',1)[0]
    sep=max([',',';','\t','|'], key=first.count)
    recs=records(text, sep)
    try: header,_=next(recs)
    except StopIteration: continue
    k=len(header); qn=[0]*k; un=[0]*k; opt=[0]*k; vals=[[] for _ in range(k)]
    for r,(f,q) in enumerate(recs):
        if r>=10000: break
        if len(f)!=k: continue
        for c in range(k):
            v=f[c].strip()
            if v.lower() in MISS: continue
            vals[c].append(v)
            if q[c]:
                qn[c]+=1
                if not any(ch in v for ch in ',;\t|"\r\n'): opt[c]+=1
            else: un[c]+=1
    isnum=[len(v)>0 and sum(map(num,v))>=len(v)-len(v)//100 for v in vals]
    bare=any(isnum[c] and un[c]>0 and qn[c]==0 for c in range(k))
    allq=[qn[c]>0 and un[c]==0 for c in range(k)]
    sel=bare and any(allq)
    flips=[header[c] for c in range(k) if sel and allq[c] and opt[c]>0 and isnum[c]]
    anyq=sum(qn)
    print(f"{path.split('/')[-1]}: sep={sep!r} quoted values={anyq} selective={sel} flips={flips}")
