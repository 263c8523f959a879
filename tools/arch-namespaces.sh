#!/usr/bin/env bash
# Namespaces follow folders in the NNTrainer engine (issue 16, part 3). Run at the root of any checkout:
#
#     bash /work/wt/arch-namespaces.sh            # rewrite in place
#     bash /work/wt/arch-namespaces.sh --check    # exit 1 (and list the files) if anything would change
#
# Idempotent: a second run changes nothing. It derives everything from the files present, so files that other
# branches add later are handled on the next run. What it does:
#   1. every src/NNTrainer/<Folder>[/<Sub>]/X.cs gets `namespace NNTrainer.<Folder>[.<Sub>];` (Architectures/ and files at
#      the engine's root stay in `NNTrainer`: the book's ready-made networks are the top of the engine, and the class
#      `Architectures` could not live in a namespace of the same name);
#   2. every engine file gets one `using NNTrainer.<X>;` per other engine namespace whose types it names (old engine
#      usings are recomputed, so moved files stay right);
#   3. every other C# project with a ProjectReference gets the engine namespaces as global usings
#      (<Using Include=.../> in one marked ItemGroup of its .csproj, rewritten each run);
#   4. every qualified name `NNTrainer.<EngineType>` in .cs/.fs/.fsx files (src, tests, benchmarks, samples) becomes
#      `NNTrainer.<Namespace>.<EngineType>`; F# files with `open NNTrainer` get the engine namespaces opened right after
#      it (same place, so the same names shadow as before).
# Which namespace may depend on which is not decided here: tests/NNTrainer.Tests/Architecture enforces it.
set -euo pipefail
exec /usr/bin/env python3 - "$@" <<'PY'
import os, re, sys

CHECK = "--check" in sys.argv[1:]
ENGINE = "src/NNTrainer"
ROOT_NS = "NNTrainer"
ROOT_FOLDERS = {"Architectures"}          # folders whose files stay in the root namespace
CODE_DIRS = ["src", "tests", "benchmarks", "samples"]
MARK = "<!-- Engine namespaces: written by arch-namespaces.sh, do not edit by hand. -->"
if not os.path.isfile(os.path.join(ENGINE, "NNTrainer.csproj")):
    sys.exit("arch-namespaces.sh: run it at the root of an NNTrainer checkout (src/NNTrainer/NNTrainer.csproj not found).")

changed = []

def walk(top, exts):
    for d, dirs, files in os.walk(top):
        dirs[:] = [x for x in dirs if x not in ("bin", "obj", ".git", "node_modules")]
        for f in sorted(files):
            if f.endswith(exts):
                yield os.path.join(d, f)

def write(path, old, new):
    if old != new:
        changed.append(path)
        if not CHECK:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(new)

def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()

def namespace_of(path):
    rel = os.path.relpath(os.path.dirname(path), ENGINE)
    parts = [] if rel == "." else rel.split(os.sep)
    if not parts or parts[0] in ROOT_FOLDERS:
        return ROOT_NS
    return ".".join([ROOT_NS] + parts)

# 1. Engine files: namespace from folder; collect their types.
DECL = re.compile(r"^(?:public|internal)\s+(?:(?:static|sealed|abstract|readonly|partial|ref|unsafe|file)\s+)*"
                  r"(?:class|struct|interface|enum|record\s+struct|record\s+class|record|delegate\s+[\w<>\[\],.? ]+?)\s+(\w+)", re.M)
NS_LINE = re.compile(r"^namespace\s+[\w.]+\s*;", re.M)
engine = {}
types = {}
for path in walk(ENGINE, (".cs",)):
    text = read(path)
    ns = namespace_of(path)
    if not NS_LINE.search(text):
        sys.exit(f"arch-namespaces.sh: {path} has no file-scoped namespace line; give it one (namespace X;) and rerun.")
    engine[path] = (text, ns)
    for m in DECL.finditer(text):
        types.setdefault(m.group(1), ns)
engine_namespaces = sorted({ns for _, ns in engine.values()} - {ROOT_NS})
non_root_types = {t: ns for t, ns in types.items() if ns != ROOT_NS}
if not non_root_types:
    sys.exit("arch-namespaces.sh: found no engine types; is this an NNTrainer checkout?")
TYPE_TOKEN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, non_root_types), key=len, reverse=True)) + r")\b")
SEGMENTS = sorted((re.escape(n[len(ROOT_NS) + 1:]) for n in engine_namespaces), key=len, reverse=True)
QUALIFIED = re.compile(r"(?<![\w.])NNTrainer\.(?:(?:" + "|".join(SEGMENTS) + r")\.)?(" +
                       "|".join(sorted(map(re.escape, types), key=len, reverse=True)) + r")\b")
ENGINE_USING = re.compile(r"^using\s+(NNTrainer(?:\.[\w.]+)?)\s*;\r?\n", re.M)

COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
CREF = re.compile(r'cref="([^"]*)"')
MEMBER = re.compile(r"(?:\?)?\.\s*\w+")

def names_used(code):
    # The names a file's code and its doc comments' crefs use: a word in a comment's prose, or a member after a dot
    # (`epoch.Loss`, `metrics.Accuracy`), is not a use of the type of that name and needs no using.
    code = COMMENT.sub(lambda m: " ".join(CREF.findall(m.group(0))), code)
    return MEMBER.sub("", code)

def qualify(text):
    # NNTrainer.Type and NNTrainer.<Old>.Type become NNTrainer.<Namespace>.Type (root types lose a stale segment).
    def fix(m):
        ns = types[m.group(1)]
        return f"{ns}.{m.group(1)}"
    return QUALIFIED.sub(fix, text)

# 2. Engine files: namespace line, then exactly the engine usings they need.
for path, (text, ns) in engine.items():
    new = NS_LINE.sub(f"namespace {ns};", text, count=1)
    new = qualify(new)
    at = NS_LINE.search(new).start()
    header, rest = new[:at], new[at:]
    # Engine usings are recomputed from scratch; any other header lines (System usings, comments) stay as they are.
    other = ENGINE_USING.sub(lambda m: "" if m.group(1) in engine_namespaces or m.group(1) == ROOT_NS else m.group(0), header)
    needed = sorted({non_root_types[t] for t in TYPE_TOKEN.findall(names_used(rest))} - {ns}
                    - {n for n in engine_namespaces if ns.startswith(n + ".")})
    nl = "\r\n" if "\r\n" in new else "\n"
    if needed:
        core = other.rstrip("\r\n")
        header = (core + nl if core else "") + "".join(f"using {n};{nl}" for n in needed) + nl
    elif other != header:
        header = other if other.strip() else ""
    new = header + rest
    write(path, text, new)

# 3. Downstream C# projects: global usings of the engine namespaces.
group = "  <ItemGroup>\n    " + MARK + "\n" + "".join(f'    <Using Include="{n}" />\n' for n in engine_namespaces) + "  </ItemGroup>\n"
OLD_GROUP = re.compile(r"  <ItemGroup>\r?\n    " + re.escape(MARK) + r".*?</ItemGroup>\r?\n", re.S)
for top in CODE_DIRS:
    if not os.path.isdir(top):
        continue
    for path in walk(top, (".csproj",)):
        if os.path.normpath(path) == os.path.normpath(os.path.join(ENGINE, "NNTrainer.csproj")):
            continue
        text = read(path)
        if "<ProjectReference" not in text:
            continue
        new = OLD_GROUP.sub("", text)
        new = new.replace("</Project>", group + "</Project>", 1) if "</Project>" in new else new
        write(path, text, new)

# 4. Qualified names everywhere else; F# `open NNTrainer` gets the namespaces beside it.
OPEN = re.compile(r"^([ \t]*)open NNTrainer[ \t]*\r?\n((?:[ \t]*open NNTrainer\.(?:" + "|".join(SEGMENTS) + r")[ \t]*\r?\n)*)", re.M)
for top in CODE_DIRS:
    if not os.path.isdir(top):
        continue
    for path in walk(top, (".cs", ".fs", ".fsx")):
        if path in engine:
            continue
        text = read(path)
        new = qualify(text)
        if path.endswith((".fs", ".fsx")):
            new = OPEN.sub(lambda m: m.group(1) + "open NNTrainer\n" + "".join(f"{m.group(1)}open {n}\n" for n in engine_namespaces), new)
        write(path, text, new)

verb = "would change" if CHECK else "changed"
print(f"arch-namespaces.sh: {len(changed)} file(s) {verb}; engine namespaces: {', '.join(engine_namespaces)} (+ {ROOT_NS}).")
for p in changed:
    print("  " + p)
sys.exit(1 if CHECK and changed else 0)
PY
