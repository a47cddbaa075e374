"""Times DuckDB or Polars doing scripts/bench's work: load the ten CSV files into memory with the
data contract's column types, then run each query `repeat` times. Prints the same tab-separated
lines as `sendql bench` (stage, name, repetition, seconds, peak resident bytes so far) and writes
each query's result as CSV into the results folder.

usage: run_engine.py duckdb|polars DATA_DIR REPEAT RESULTS_DIR QUERY_NAME...
"""
import os
import resource
import sys
import time

# The contract's column types (Sources/SendQLIO/Contract/CaseContract.swift): s string, d date,
# b bool, i int. Code-list columns are strings.
CONTRACT = {
    "people": "person_id:s birth_date:d sex:s ethnicity:s",
    "requests": "request_id:s person_id:s received_date:d source:s outcome:s outcome_date:d mediation:b tribunal:b",
    "assessments": "request_id:s outcome:s outcome_date:d draft_date:d week20_exception:b mediation:b tribunal:b",
    "plans": "plan_id:s person_id:s request_id:s start_date:d cease_date:d cease_reason:i primary_need:s setting:s",
    "advice": "advice_id:s request_id:s advice_type:s provider:s requested_date:d received_date:d exception:b",
    "reviews": "review_id:s plan_id:s meeting_date:d report_date:d outcome:s decision_date:d amended_plan_date:d "
               "phase_transfer:b phase_transfer_due_date:d phase_transfer_final_date:d",
    "audits": "audit_id:s plan_id:s audit_date:d rating:s health_rating:s social_care_rating:s",
    "feedback": "response_id:s received_date:d survey:s score:i person_id:s",
    "complaints": "complaint_id:s received_date:d stage:i responded_date:d upheld:b topic:s",
    "appeals": "appeal_id:s person_id:s registered_date:d decision_type:s outcome:s outcome_date:d",
}
HERE = os.path.dirname(os.path.abspath(__file__))
# England and Wales bank holidays 2000-2040 on weekdays (the dates sendql's calendar holds, checked
# against GOV.UK's lists): the working-day clock (complaint_20wd) needs them. Loaded after the timed
# load, as table `bank_holidays` with one date column `holiday`.
HOLIDAYS = os.path.join(HERE, "bank_holidays.csv")


def columns(table):
    return [item.split(":") for item in CONTRACT[table].split()]


def peak_rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def report(stage, name, repetition, seconds, cpu_seconds):
    print(f"{stage}\t{name}\t{repetition}\t{seconds}\t{peak_rss()}\t{cpu_seconds}", flush=True)


def duckdb_engine(data):
    import duckdb
    con = duckdb.connect()
    sql_types = {"s": "VARCHAR", "d": "DATE", "b": "BOOLEAN", "i": "BIGINT"}
    start, start_cpu = time.perf_counter(), cpu()
    for table in CONTRACT:
        types = ", ".join(f"'{name}': '{sql_types[kind]}'" for name, kind in columns(table))
        con.execute(f"create table {table} as select * from read_csv('{data}/{table}.csv', header = true, "
                    f"columns = {{{types}}}, dateformat = '%Y-%m-%d')")
    report("load", "all", 1, time.perf_counter() - start, cpu() - start_cpu)
    con.execute(f"create table bank_holidays as select * from read_csv('{HOLIDAYS}', header = true, "
                "columns = {'holiday': 'DATE'})")
    # The prelude's as-of views and clocks, which (d) and (e) read: views, so computed by each query.
    with open(os.path.join(HERE, "duckdb", "prelude.sql")) as f:
        con.execute(f.read())

    def run(name):
        # `<query>_compiled`: the SQL `sendql compile --target duckdb` wrote for the query, beside the
        # hand-written one; it reads the contract's tables only, not prelude.sql's views.
        if name.endswith("_compiled"):
            path = os.path.join(os.environ["SENDQL_COMPILED_SQL"], name[:-len("_compiled")] + ".sql")
        else:
            path = os.path.join(HERE, "duckdb", name + ".sql")
        with open(path) as f:
            sql = f.read()

        def query():
            cursor = con.execute(sql)
            rows = cursor.fetchall()
            return [d[0] for d in cursor.description], rows
        return query

    def write(result, path):
        import csv
        names, rows = result
        with open(path, "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(names)
            out.writerows([["" if v is None else v for v in row] for row in rows])
    return run, write


def polars_engine(data):
    import polars as pl
    sys.path.insert(0, HERE)
    import polars_queries
    pl_types = {"s": pl.String, "d": pl.Date, "b": pl.Boolean, "i": pl.Int64}
    start, start_cpu = time.perf_counter(), cpu()
    tables = {table: pl.read_csv(f"{data}/{table}.csv", schema={name: pl_types[kind] for name, kind in columns(table)})
              for table in CONTRACT}
    report("load", "all", 1, time.perf_counter() - start, cpu() - start_cpu)
    tables["bank_holidays"] = pl.read_csv(HOLIDAYS, schema={"holiday": pl.Date})

    def run(name):
        query = polars_queries.QUERIES[name]
        return lambda: query(tables)
    return run, lambda result, path: result.write_csv(path)


def main():
    engine, data, repeat, results = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    run, write = {"duckdb": duckdb_engine, "polars": polars_engine}[engine](data)
    for name in sys.argv[5:]:
        query = run(name)
        result = None
        for repetition in range(1, repeat + 1):
            start, start_cpu = time.perf_counter(), cpu()
            result = query()
            report("query", name, repetition, time.perf_counter() - start, cpu() - start_cpu)
        write(result, os.path.join(results, name + ".csv"))


if __name__ == "__main__":
    main()
