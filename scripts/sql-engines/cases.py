"""Builds the cross-engine corpus of `sendql compile` for scripts/sql-engines/run: each case is a
script run in memory (its last table, as JSON) and compiled for every target.

The cases: the KPI pack by every kind of period at three as-of dates, the clocks at the same dates,
Tests/SQLCorpus, every golden script that is a query and every docs example that is a query. A
query that does not compile must say why with an E08xx code; those are listed, never hidden, and
any other compile failure of a script that runs in memory fails the corpus."""
import argparse, json, os, re, shlex, subprocess, sys

TARGETS = ["duckdb", "postgres", "spark"]
GOLDEN = "Tests/SendQLEndToEndTests/Golden"
DOCS_SKIPPED = {"errors.md", "known-poor-messages.md"}  # every example there fails on purpose
# Queries whose engine result differs from memory by design, each documented in docs/sql.md (Limits).
KNOWN_DIFFERENCES = {
    "docs-reliability-1": "integer overflow: null in memory, an error in the engines",
    # Passes on the sample area, where the sort key has no ties at the rows taken.
    "docs-language-17": "ties in a sort key before take: memory keeps file order, an engine takes any",
}


def last_table(text):
    # `run --format json` prints one JSON array per table; the script's result is the last one.
    decoder, i, last = json.JSONDecoder(), 0, None
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        last, i = decoder.raw_decode(text, i)
    return last


class Corpus:
    def __init__(self, sendql, data, folder):
        self.sendql, self.data, self.folder = sendql, os.path.abspath(data), os.path.abspath(folder)
        self.names, self.not_compiled = [], []
        self.only = None

    def add(self, name, script, as_of, options=(), directory=None, required=True):
        """Runs SCRIPT (a path) in memory and compiles it for every target. A case that is not a
        query (fails in memory, or prints no table) is skipped unless REQUIRED."""
        if self.only and not re.search(self.only, name):
            return
        options = list(options)
        if name in KNOWN_DIFFERENCES:
            self.not_compiled.append(f"{name}: left out, {KNOWN_DIFFERENCES[name]} (docs/sql.md)")
            return
        memory = subprocess.run(
            # Files a script writes (export, chart, report) go to a folder of the corpus, not the checkout.
            [self.sendql, "run", script, "--data", self.data, "--as-of", as_of, "--format", "json",
             "--out", os.path.join(self.folder, "outputs")] + options,
            capture_output=True, text=True, cwd=directory)
        table = last_table(memory.stdout) if memory.returncode == 0 else None
        if table is None:
            if required:
                sys.exit(f"sql-engines: {name} does not run in memory:\n{memory.stderr}")
            return
        sqls = {}
        for target in TARGETS:
            compiled = subprocess.run(
                [self.sendql, "compile", script, "--target", target, "--as-of", as_of] + options,
                capture_output=True, text=True, cwd=directory)
            if compiled.returncode != 0:
                code = re.search(r"error\[(E08\d\d)\]", compiled.stderr)
                if code is None or required:
                    sys.exit(f"sql-engines: {name} runs in memory but does not compile for {target}:\n"
                             + compiled.stderr)
                self.not_compiled.append(f"{name} ({target}): {code.group(1)} "
                                         + compiled.stderr.splitlines()[0].split("]: ", 1)[-1])
                continue
            sqls[target] = compiled.stdout
        json.dump(table, open(os.path.join(self.folder, name + ".json"), "w"))
        for target, sql in sqls.items():
            open(os.path.join(self.folder, f"{name}.{target}.sql"), "w").write(sql)
        self.names.append(name)

    def script_file(self, name, text):
        path = os.path.join(self.folder, name + ".sendql")
        open(path, "w").write(text + "\n")
        return path


def golden_cases(corpus):
    for root, _, files in sorted(os.walk(GOLDEN)):
        if "/lib" in root:
            continue
        for file in sorted(f for f in files if f.endswith(".sendql")):
            path = os.path.join(root, file)
            first = open(path).readline()
            arguments = shlex.split(first[len("# args:"):]) if first.startswith("# args:") else []
            options, i = [], 0
            while i < len(arguments):  # only what changes the result: the format is always JSON here
                if arguments[i] in ("--param", "--as-of", "--closures"):
                    options += arguments[i:i + 2]
                    i += 2
                else:
                    i += 1
            as_of = "2024-12-31"
            if "--as-of" in options:
                at = options.index("--as-of")
                as_of = options[at + 1]
                del options[at:at + 2]
            name = "golden-" + os.path.relpath(path, GOLDEN)[:-len(".sendql")].replace("/", "-")
            corpus.add(name, os.path.abspath(path), as_of, options, directory=root, required=False)


def docs_cases(corpus):
    fence = re.compile(r"^```sendql([^\n]*)\n(.*?)^```", re.S | re.M)
    for file in sorted(os.listdir("docs")):
        if not file.endswith(".md") or file in DOCS_SKIPPED:
            continue
        text = open(os.path.join("docs", file)).read()
        for number, match in enumerate(fence.finditer(text), 1):
            settings = dict(s.split("=", 1) if "=" in s else (s, "") for s in match.group(1).split())
            if "fails" in settings or "dfe" in settings:  # not a query, or reads DfE statistics
                continue
            name = f"docs-{file[:-3]}-{number}"
            script = corpus.script_file(name, match.group(2))
            corpus.add(name, script, settings.get("as-of", "2024-12-31"), required=False)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sendql", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--only", help="a regular expression: only the cases whose names match")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    corpus = Corpus(args.sendql, args.data, args.out)
    corpus.only = args.only
    pack = corpus.script_file("kpi_pack", "from kpi_pack")
    clocks = corpus.script_file("deadlines", "from deadlines")
    for as_of in ["2019-03-31", "2021-08-31", "2024-03-31"]:
        for period in ["year", "academic_year", "financial_year", "quarter", "month", "rolling12"]:
            corpus.add(f"kpi_pack-{period}-{as_of}", pack, as_of, ["--param", f"kpi_period={period}"])
        corpus.add(f"deadlines-{as_of}", clocks, as_of)
    for file in sorted(os.listdir("Tests/SQLCorpus")):
        if file.endswith(".sendql"):
            corpus.add("corpus-" + file[:-len(".sendql")], os.path.abspath("Tests/SQLCorpus/" + file), "2024-03-31")
    golden_cases(corpus)
    docs_cases(corpus)
    for target in TARGETS:
        cases = [{"name": n, "sql": f"{args.out}/{n}.{target}.sql", "expected": f"{args.out}/{n}.json"}
                 for n in corpus.names if os.path.exists(f"{args.out}/{n}.{target}.sql")]
        json.dump(cases, open(os.path.join(args.out, f"cases.{target}.json"), "w"))
    print(f"sql-engines: {len(corpus.names)} queries in the corpus; "
          f"{len(corpus.not_compiled)} left out (a located E08xx error, or a documented difference):")
    for line in corpus.not_compiled:
        print("  not compiled: " + line)


main()
