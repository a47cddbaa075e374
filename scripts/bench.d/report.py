"""Checks that the engines agree on every number, then prints scripts/bench's table.

usage: report.py RUN_DIR
RUN_DIR holds, per engine (sendql, duckdb, polars), `<engine>.tsv` (the timing lines of
`sendql bench` / run_engine.py: stage, name, repetition, wall seconds, peak RSS bytes, CPU seconds) and `<engine>/<query>.csv` (each query's result); `notes.txt` lines
are printed under the table; `startup.tsv` holds extra sendql-only lines (name, seconds).
Exits 1 (printing no time) when any two engines disagree.
"""
import csv
import math
import os
import statistics
import sys

ENGINES = ("sendql", "duckdb", "polars")
LABELS = {
    "load": "load all tables",
    "a_filter_count": "(a) filter + count",
    "b_group_pct_median": "(b) group by quarter: pct, median",
    "c_join_group": "(c) join reviews-plans + group",
    "d_deadlines": "(d) deadlines table",
    "e_kpi_pack": "(e) KPI pack by year",
}


def read_timings(path):
    """{line: (median wall seconds, peak bytes, median CPU seconds)}."""
    if not os.path.exists(path):
        return {}
    seconds, peaks, cpus = {}, {}, {}
    with open(path) as f:
        for raw in f:
            parts = raw.rstrip("\n").split("\t")
            if len(parts) != 6 or parts[0] not in ("load", "query"):
                continue
            stage, name, _, secs, peak, cpu = parts
            key = "load" if stage == "load" else name
            seconds.setdefault(key, []).append(float(secs))
            cpus.setdefault(key, []).append(float(cpu))
            peaks[key] = max(peaks.get(key, 0), int(peak))
    return {k: (statistics.median(v), peaks[k], statistics.median(cpus[k])) for k, v in seconds.items()}


def duration(seconds):
    """`12.34 s`, `45.6 ms` or `0.042 ms`."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.01 else f"{seconds * 1000:.3f} ms"


def cell_equal(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def check(run, queries, engines):
    """The disagreements between sendql and each other engine, as text lines."""
    problems = []
    for query in queries:
        with open(os.path.join(run, "sendql", query + ".csv")) as f:
            expected = list(csv.reader(f))
        for engine in engines:
            path = os.path.join(run, engine, query + ".csv")
            if not os.path.exists(path):
                continue
            with open(path) as f:
                found = list(csv.reader(f))
            if len(found) != len(expected):
                problems.append(f"{query}: sendql has {len(expected) - 1} rows, {engine} {len(found) - 1}")
                continue
            for number, (x, y) in enumerate(zip(expected, found)):
                if len(x) != len(y) or not all(cell_equal(a, b) for a, b in zip(x, y)):
                    problems.append(f"{query} row {number}: sendql {x} != {engine} {y}")
                    break
    return problems


def main():
    run = sys.argv[1]
    timings = {engine: read_timings(os.path.join(run, engine + ".tsv")) for engine in ENGINES}
    queries = [k for k in timings["sendql"] if k != "load"]
    compared = [e for e in ENGINES[1:] if timings[e]]
    problems = check(run, queries, compared)
    # The compiled pack on DuckDB must give sendql's rows too.
    compiled = os.path.join(run, "duckdb", "e_kpi_pack_compiled.csv")
    if os.path.exists(compiled):
        os.makedirs(os.path.join(run, "duckdb-compiled"), exist_ok=True)
        os.replace(compiled, os.path.join(run, "duckdb-compiled", "e_kpi_pack.csv"))
    problems += check(run, ["e_kpi_pack"], ["duckdb-compiled"])
    if problems:
        print("DISAGREEMENT: the engines do not give the same numbers:")
        for line in problems:
            print("  " + line)
        sys.exit(1)
    checked = [q for q in queries if any(os.path.exists(os.path.join(run, e, q + ".csv")) for e in compared)]
    print(f"agreement: every number of {len(checked)} queries is the same in sendql and "
          f"{' and '.join(compared) if compared else '(no other engine)'}")
    print()

    def secs(engine, key):
        t = timings[engine].get(key)
        return duration(t[0]) if t else "-"

    def mem(engine, key):
        t = timings[engine].get(key)
        return f"{t[1] / 1e6:.0f}" if t else "-"

    def cpu(engine, key):
        t = timings[engine].get(key)
        return duration(t[2]) if t else "-"

    def ratio(key, other):
        a, b = timings["sendql"].get(key), timings[other].get(key)
        return f"{a[0] / b[0]:.2f}" if a and b and b[0] > 0 else "-"

    header = ["line", "sendql", "DuckDB", "Polars", "sendql/DuckDB", "sendql/Polars",
              "sendql MB", "DuckDB MB", "Polars MB", "sendql CPU", "DuckDB CPU", "Polars CPU"]
    rows = []
    for key in ["load"] + queries:
        rows.append([LABELS.get(key, key), secs("sendql", key), secs("duckdb", key), secs("polars", key),
                     ratio(key, "duckdb"), ratio(key, "polars"), mem("sendql", key), mem("duckdb", key),
                     mem("polars", key), cpu("sendql", key), cpu("duckdb", key), cpu("polars", key)])
    hand, made = timings["duckdb"].get("e_kpi_pack"), timings["duckdb"].get("e_kpi_pack_compiled")
    if made:
        rows.append(["(e) KPI pack compiled by sendql, on DuckDB", "-", duration(made[0]), "-",
                     f"compiled/hand-written {made[0] / hand[0]:.2f}" if hand else "-", "-", "-",
                     f"{made[1] / 1e6:.0f}", "-", "-", duration(made[2]), "-"])
    startup = os.path.join(run, "startup.tsv")
    if os.path.exists(startup):
        with open(startup) as f:
            for raw in f:
                name, value = raw.rstrip("\n").split("\t")
                rows.append([name, value] + ["-"] * (len(header) - 2))
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    notes = os.path.join(run, "notes.txt")
    if os.path.exists(notes):
        print()
        with open(notes) as f:
            print(f.read(), end="")


if __name__ == "__main__":
    main()
