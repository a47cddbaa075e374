"""Runs compiled sendql SQL on DuckDB, PostgreSQL or Spark and compares every cell with the
in-memory engine's JSON result (numbers to 1e-9). Used by scripts/sql-engines/run."""
import argparse, csv, datetime, json, math, os, sys, time

def contract_tables(ddl):
    # CREATE TABLE statements in contract order (people first, so references load in order).
    names = []
    for line in ddl.splitlines():
        if line.startswith("CREATE TABLE "):
            names.append(line.split()[2].split(".")[-1].strip('"`'))
    return names

def load_duckdb(args, ddl, tables):
    import duckdb
    db = duckdb.connect()
    db.execute(ddl)
    for t in tables:
        path = os.path.join(args.data, t + ".csv")
        cols = next(csv.reader(open(path, newline="")))
        names = ", ".join('"%s"' % c for c in cols)
        db.execute(f"INSERT INTO \"{t}\" ({names}) SELECT * FROM read_csv(?, header=true, all_varchar=true, quote='\"', escape='\"')", [path])
    def run(sql):
        cur = db.execute(sql)
        return [d[0] for d in cur.description], cur.fetchall()
    return run

def load_postgres(args, ddl, tables):
    import psycopg
    conn = psycopg.connect(host=args.pghost, dbname="postgres", user=args.pguser, autocommit=True)
    conn.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    conn.execute(ddl)
    for t in tables:
        path = os.path.join(args.data, t + ".csv")
        cols = next(csv.reader(open(path, newline="")))
        names = ", ".join('"%s"' % c for c in cols)
        with conn.cursor() as cur, cur.copy(f'COPY "{t}" ({names}) FROM STDIN WITH (FORMAT csv, HEADER true)') as copy:
            with open(path, "rb") as f:
                copy.write(f.read())
    def run(sql):
        cur = conn.execute(sql)
        return [d.name for d in cur.description], cur.fetchall()
    return run

def load_spark(args, ddl, tables):
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").appName("sendql-sql-engines")
             .config("spark.sql.warehouse.dir", args.warehouse)
             .config("spark.sql.shuffle.partitions", "4")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    for statement in ddl.split(";"):
        body = "\n".join(l for l in statement.splitlines() if not l.startswith("--")).strip()
        if body.startswith("CREATE TABLE"):
            name = body.split()[2].strip("`")
            spark.sql(f"DROP TABLE IF EXISTS `{name}`")
            spark.sql(body + " USING parquet")
    for t in tables:
        schema = spark.table(t).schema
        frame = spark.read.csv(os.path.join(args.data, t + ".csv"), header=True, schema=schema,
                               escape='"', multiLine=True, enforceSchema=False)
        frame.write.insertInto(t, overwrite=True)
    def run(sql):
        frame = spark.sql(sql.strip().rstrip(";"))
        return frame.columns, [tuple(r) for r in frame.collect()]
    return run

def canonical(value):
    if value is None: return None
    if isinstance(value, bool): return value
    if isinstance(value, (datetime.date, datetime.datetime)): return value.isoformat()[:10]
    if isinstance(value, int): return value
    if isinstance(value, float): return value
    try:
        import decimal
        if isinstance(value, decimal.Decimal): return float(value)
    except ImportError: pass
    return str(value)

def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool): return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a is not None and b is not None:
        return a == b or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b

def key(row):
    return tuple((0, "") if v is None else (1, "%.6g" % v) if isinstance(v, float) and not isinstance(v, bool) else (2, str(v)) for v in row)

def compare(case, columns, rows):
    expected = json.load(open(case["expected"]))
    want_columns = list(expected[0].keys()) if expected else None
    if want_columns is not None and want_columns != list(columns):
        return f"columns differ: sendql {want_columns}, engine {list(columns)}"
    want = sorted((tuple(canonical(r[c]) for c in want_columns) for r in expected), key=key) if expected else []
    got = sorted((tuple(canonical(v) for v in r) for r in rows), key=key)
    if len(want) != len(got):
        return f"{len(want)} rows in memory, {len(got)} in the engine"
    for w, g in zip(want, got):
        if len(w) != len(g) or not all(same(x, y) for x, y in zip(w, g)):
            return f"rows differ: in memory {w}, engine {g}"
    return None

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--engine", required=True, choices=["duckdb", "postgres", "spark"])
    p.add_argument("--data", required=True)
    p.add_argument("--ddl", required=True)
    p.add_argument("--cases", required=True)
    p.add_argument("--pghost"); p.add_argument("--pguser")
    p.add_argument("--warehouse", default="/tmp/sendql-spark-warehouse")
    args = p.parse_args()
    ddl = open(args.ddl).read()
    started = time.perf_counter()
    run = {"duckdb": load_duckdb, "postgres": load_postgres, "spark": load_spark}[args.engine](args, ddl, contract_tables(ddl))
    print(f"{args.engine}: tables loaded in {time.perf_counter() - started:.2f} s", flush=True)
    failures = 0
    cases = json.load(open(args.cases))
    for case in cases:
        started = time.perf_counter()
        try:
            columns, rows = run(open(case["sql"]).read())
            seconds = time.perf_counter() - started
            problem = compare(case, columns, rows)
        except Exception as error:  # the engine refused the SQL: a failure, with its message
            problem = "engine error: " + str(error).splitlines()[0][:400]
        took = f"  {seconds:.2f} s" if problem is None else ""
        print(("ok    " if problem is None else "FAIL  ") + args.engine + "  " + case["name"] + took
              + ("" if problem is None else "\n      " + problem), flush=True)
        failures += problem is not None
    print(f"{args.engine}: {len(cases) - failures} of {len(cases)} cases agree with the in-memory engine")
    sys.exit(1 if failures else 0)

main()
