#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// One query a benchmark times: a name for the report and the script text.
public struct BenchQuery: Sendable {
    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
}

/// Times the stages of one process: loading the data folder once, then each query `repetitions`
/// times on the loaded tables. Used by `sendql bench` (and so `scripts/bench`).
///
/// Each stage is reported as a line `stage<TAB>name<TAB>repetition<TAB>seconds<TAB>max_rss_bytes<TAB>cpu_seconds`,
/// where the memory figure is the process's peak resident set size so far and the last the CPU time
/// (user + system, all threads) the stage took (getrusage). A query's
/// result of its last repetition is written as CSV to `resultsDirectory/<name>.csv` when given.
public enum BenchJob {
    public static func run(
        dataFolder: String, asOf: Int32, queries: [BenchQuery], repetitions: Int, resultsDirectory: String?
    ) -> JobOutput {
        var lines: [String] = []
        let loadStart = monotonicSeconds(), loadCPU = cpuSeconds()
        let data: CaseData
        switch DataFolder.load(dataFolder) {
        case .failure(let list):
            return JobOutput(stderr: ScriptJob.render(list.diagnostics, options: ScriptOptions()), status: .dataError)
        case .success(let loaded):
            data = loaded
        }
        lines.append(line("load", "all", 1, monotonicSeconds() - loadStart, cpuSeconds() - loadCPU))
        for (name, table) in data.tables.sorted(by: { $0.key < $1.key }) {
            lines.append("size\t\(name)\t\(table.rowCount)\t\(estimatedBytes(table))\n")
        }
        let context = SessionContext(
            asOf: asOf, today: RunJob.today(), calendar: HolidayCalendar.englandAndWales,
            parameters: [:], rowLimit: RowLimit.machineDefault)
        for query in queries {
            // A query that reads the prelude's tables (deadlines, kpi_pack) runs with the prelude; the
            // others read the loaded tables themselves, as DuckDB and Polars do in scripts/bench.
            let prelude = readsPreludeTables(query.source, tables: data.tables, context: context) ? Prelude.sources : []
            var last: RunOutcome?
            for repetition in 1...max(1, repetitions) {
                let start = monotonicSeconds(), startCPU = cpuSeconds()
                // A new session each time: the prelude's tables are computed when first read and then
                // kept, so a copy of one session would time the later repetitions on cached tables.
                var session = Session(
                    tables: data.tables, context: context, resources: FileResourceLoader(), prelude: prelude)
                let outcome = session.run(query.source)
                let elapsed = monotonicSeconds() - start, cpu = cpuSeconds() - startCPU
                if !outcome.diagnostics.filter({ $0.severity == .error }).isEmpty {
                    return JobOutput(
                        stdout: lines.joined(), stderr: ScriptJob.render(outcome.diagnostics, options: ScriptOptions()),
                        status: ScriptJob.status(of: outcome))
                }
                lines.append(line("query", query.name, repetition, elapsed, cpu))
                last = outcome
            }
            if let resultsDirectory, let table = last?.results.last?.table {
                let path = resultsDirectory + "/" + query.name + ".csv"
                do {
                    // Plain CSV (no spreadsheet safety), to compare cell for cell with DuckDB's and Polars'.
                    let file = try OutputFolder(root: resultsDirectory).create(query.name + ".csv")
                    do { try TableCSVExporter.write(table, to: file, safety: .off) } catch {
                        file.discard()
                        throw error
                    }
                    _ = try file.commit()
                } catch {
                    return JobOutput(
                        stdout: lines.joined(), stderr: "sendql bench: cannot write \(path): \(error)\n",
                        status: .cannotWrite)
                }
            }
        }
        return JobOutput(stdout: lines.joined())
    }

    /// True when the query names a table that only the prelude defines.
    static func readsPreludeTables(_ source: Source, tables: [String: Table], context: SessionContext) -> Bool {
        var checker = Session(tables: tables, context: context).checker
        return checker.check(source).diagnostics.contains { $0.code == CheckErrorCode.unknownTable.rawValue }
    }

    private static func line(
        _ stage: String, _ name: String, _ repetition: Int, _ seconds: Double, _ cpu: Double
    ) -> String {
        "\(stage)\t\(name)\t\(repetition)\t\(seconds)\t\(peakResidentBytes())\t\(cpu)\n"
    }

    /// CPU seconds (user + system) this process has used so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(RUSAGE_SELF, &usage)
        #else
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Roughly the memory a table's columns hold: their buffers, validity bitmaps and dictionaries
    /// (16 bytes per string, plus its bytes when longer than 15).
    static func estimatedBytes(_ table: Table) -> Int {
        table.columns.reduce(0) { total, column in
            var bytes = (column.validity?.words.count ?? 0) * 8
            switch column.storage {
            case .int(let v), .duration(let v): bytes += v.count * 8
            case .double(let v): bytes += v.count * 8
            case .bool(let v): bytes += v.count
            case .date(let v): bytes += v.count * 4
            case .string(let codes, let dictionary):
                bytes +=
                    codes.count * 4 + dictionary.values.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }
            }
            return total + bytes
        }
    }

    /// Seconds on the monotonic clock.
    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The process's peak resident set size so far, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)
        #else
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) * 1024
        #endif
    }
}
