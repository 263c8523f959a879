# Per split: the measuring fit's regime, the saved model's (refit) regime, train's user CPU and the refit's seconds, before and after.
import json, subprocess, sys, os, resource, time
TABLES = [('/tmp/factors17/r3/quoted', ['bfi', 'chfls', 'segmentation']), ('/tmp/factors17/r2/quoted', ['attrition', 'credit', 'chile']),
          ('/tmp/q4/data', ['scotssec', 'exam', 'beps', 'contraception'])]
os.makedirs('work', exist_ok=True)
def regime_of(notes, marker):
    for n in notes:
        if marker in n:
            return 'stronger' if 'ten times' in n else 'long' if 'long training' in n else 'usual'
    return '-'
out = {}
for root, names in TABLES:
    for name in names:
        meta = json.load(open(f'{root}/{name}/meta.json'))
        for split in range(5):
            for tag in ['before', 'after']:
                args = ['dotnet', f'cli-{tag}/NNTrainer.Cli.dll', 'train', f'{root}/{name}/split{split}.train.csv', '--label', meta['label'], '--out', 'work/m.zip', '--no-plots', '--json', '--threads', '1']
                if meta['task'] == 'regression': args += ['--task', 'regression']
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                p = subprocess.run(args, capture_output=True, text=True, cwd='work' if False else None)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                j = json.loads(p.stdout)
                notes = j['notes']; s = j['savedModel']
                rec = dict(measuring=regime_of(notes, 'scored here is the'), saved='stronger' if s['strongerPenalty'] else ('long' if s['longTraining'] else 'usual' if s['longTraining'] is False else '-'),
                           inherited=s.get('regimeInherited'), cpu=r1.ru_utime - r0.ru_utime, refit=s['trainSeconds'])
                out[f'{name}/{split}/{tag}'] = rec
                print(name, split, tag, rec, flush=True)
json.dump(out, open('regimes.json', 'w'), indent=1)
