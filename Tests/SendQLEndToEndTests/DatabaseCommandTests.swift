import Foundation
import Testing
import SendQLTestSupport

/// The database tests need the cluster `scripts/test` starts: without it they are skipped, and this fails.
struct DatabaseClusterTests {
    @Test func theTestClusterIsRunning() throws {
        #expect(
            TestDatabase.url != nil,
            "SENDQL_TEST_POSTGRES is not set: run scripts/test, which starts a throw-away PostgreSQL cluster")
        if TestDatabase.url != nil { #expect(try TestDatabase.psql("SELECT 1") == "1") }
    }
}

/// `sendql push` and `--database` against the real server `scripts/test` starts: every result the
/// same as in memory, failures located with their own codes and statuses, a password never shown.
@Suite(.serialized, .enabled(if: TestDatabase.url != nil, "needs SENDQL_TEST_POSTGRES: run scripts/test"))
struct DatabaseCommandTests {
    static var url: String { TestDatabase.url ?? "" }
    static let sample = RepositoryPaths.sampleArea.path
    /// A query that would run for hours: only a timeout, a cancel or a lost connection ends it.
    static let endless =
        "from reviews | derive k = 1 | join (from reviews | derive k = 1) as p on k"
        + " | join (from plans | derive k = 1) as q on k | aggregate n = count()"

    /// Pushes the sample area into `schema`, replacing what was there.
    static func push(_ schema: String, data: String = sample, extra: [String] = []) throws -> ProcessResult {
        try ProcessRunner.sendql(["push", "--data", data, "--database", url, "--schema", schema] + extra)
    }

    @Test func pushedSnapshotsPrintTheSameRowsAsMemory() throws {
        try #require(try Self.push("snapshots").status == 0)
        for by in ["year", "rolling12", "month", "financial_year"] {
            for asOf in ["2023-03-31", "2024-12-31"] {
                let common = ["snapshot", "--by", by, "--as-of", asOf]
                let memory = try ProcessRunner.sendql(common + ["--data", Self.sample])
                let database = try ProcessRunner.sendql(common + ["--database", Self.url, "--schema", "snapshots"])
                #expect(memory.status == 0 && database.status == 0, "\(database.stderr)")
                #expect(database.stdout == memory.stdout, "--by \(by) --as-of \(asOf)")
                #expect(database.stdout.split(separator: "\n").count > 100)
            }
        }
    }

    @Test(arguments: GoldenScriptTests.cases.filter { !Self.differFromMemory.keys.contains($0) })
    func goldenScriptsGiveTheSameResultsAndFiles(path: String) throws {
        try #require(try Self.push("golden").status == 0)
        let script = GoldenScriptTests.folder.appendingPathComponent(path)
        let text = try String(contentsOf: script, encoding: .utf8)
        var extra: [String] = []
        if let first = text.split(separator: "\n").first, first.hasPrefix("# args:") {
            extra = ShellWords.split(String(first.dropFirst("# args:".count)))
        }
        var results: [(ProcessResult, [String: Data])] = []
        for place in [["--data", Self.sample], ["--database", Self.url, "--schema", "golden"]] {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-db-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try ProcessRunner.sendql(
                ["run", script.lastPathComponent, "--as-of", "2024-12-31", "--out", out.path] + place + extra,
                directory: script.deletingLastPathComponent())
            results.append((result, try Self.files(under: out)))
        }
        let (memory, database) = (results[0], results[1])
        #expect(database.0.stdout == memory.0.stdout)
        #expect(database.0.status == memory.0.status, "\(database.0.stderr)")
        #expect(database.1 == memory.1, "the files written differ")
    }

    /// Golden scripts whose results differ from memory by design (docs/database.md, "What differs").
    static let differFromMemory = [
        "runtime/join_row_limit.sendql": "--row-limit guards sendql's memory; the database makes the join itself"
    ]

    @Test func theMonthlyPackIsTheSameInTheDatabase() throws {
        try #require(try Self.push("monthly").status == 0)
        var results: [(ProcessResult, [String: Data])] = []
        for place in [["--data", Self.sample], ["--database", Self.url, "--schema", "monthly"]] {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-db-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            let result = try ProcessRunner.sendql(
                [
                    "run", RepositoryPaths.root.appendingPathComponent("scripts/wsoa-monthly.sendql").path,
                    "--as-of", "2024-11-30", "--param", "kpi_period=rolling12",
                    "--dfe", RepositoryPaths.dfeData.appendingPathComponent("ehcp-2025").path, "--out", out.path,
                ] + place)
            results.append((result, try Self.files(under: out).filter { !$0.key.hasSuffix(".sqlite") }))
        }
        #expect(results[1].0.status == 1 && results[0].0.status == 1, "\(results[1].0.stderr)")
        #expect(results[1].0.stdout == results[0].0.stdout)
        #expect(results[1].1 == results[0].1)
        #expect(results[1].1.keys.contains("wsoa-progress.md"))
    }

    @Test func aPushThatFailsChangesNothing() throws {
        try #require(try Self.push("keep").status == 0)
        let before = try TestDatabase.rowCounts(schema: "keep")
        #expect(before["requests"] == 4034)
        let bad = try Self.copyOfSample { folder in
            let requests = folder.appendingPathComponent("requests.csv")
            var text = try String(contentsOf: requests, encoding: .utf8)
            text += "REQ-999999,PER-000001,not-a-date,school,,,false,false\n"
            try text.write(to: requests, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: bad) }
        let strict = try Self.push("keep", data: bad.path)
        #expect(strict.status == 66)
        #expect(
            strict.stderr.contains("requests.csv") && strict.stderr.contains("nothing was pushed"), "\(strict.stderr)")
        #expect(try TestDatabase.rowCounts(schema: "keep") == before)
        let lenient = try Self.push("keep", data: bad.path, extra: ["--lenient"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("REQ-999999") || lenient.stderr.contains("not-a-date"), "\(lenient.stderr)")
        #expect(try TestDatabase.rowCounts(schema: "keep") == before)
    }

    @Test func aKilledPushLeavesThePreviousTables() throws {
        try #require(try Self.push("killed").status == 0)
        let before = try TestDatabase.rowCounts(schema: "killed")
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-big-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: big) }
        try #require(try ProcessRunner.sendql(["generate", "--requests", "40000", "--out", big.path]).status == 0)
        let application = "sendql-killed-push"
        let process = try Self.start(
            ["push", "--data", big.path, "--schema", "killed"], application: application, errors: nil)
        // Killed while it copies rows, inside its transaction.
        let deadline = Date().addingTimeInterval(60)
        var copying = false
        while Date() < deadline, process.isRunning, !copying {
            copying =
                try TestDatabase.psql(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(application)' AND query LIKE 'COPY%'"
                )
                != "0"
            if !copying { usleep(20_000) }
        }
        #expect(copying, "the push never reached COPY")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The server rolls the transaction back when the connection goes; wait for that.
        while try TestDatabase.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(application)'")
            != "0"
        {
            usleep(20_000)
        }
        #expect(try TestDatabase.rowCounts(schema: "killed") == before)
        #expect(try Self.push("killed").status == 0)
    }

    @Test func eachFailureHasItsCodeAndStatus() throws {
        try #require(try Self.push("failures").status == 0)
        func run(_ url: String, schema: String = "failures", _ extra: [String] = []) throws -> ProcessResult {
            try ProcessRunner.sendql(
                ["-c", "from requests | aggregate n = count()", "--database", url] + ["--schema", schema] + extra)
        }
        let socket = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "no-server-\(UUID().uuidString)")
        let unreachable = try run("postgresql:///postgres?host=\(socket.path)")
        #expect(unreachable.status == 69 && unreachable.stderr.contains("error[E0902]"), "\(unreachable.stderr)")
        let refused = try run(Self.url.replacingOccurrences(of: "user=", with: "user=nobody_"))
        #expect(refused.status == 77 && refused.stderr.contains("error[E0903]"), "\(refused.stderr)")
        try #require(try Self.push("partial").status == 0)
        try TestDatabase.psql("DROP TABLE partial.appeals")
        let missing = try run(Self.url, schema: "partial")
        #expect(missing.status == 66 && missing.stderr.contains("error[E0904]"), "\(missing.stderr)")
        #expect(missing.stderr.contains("has no table `appeals`"), "\(missing.stderr)")
        let noSchema = try run(Self.url, schema: "no_such_schema")
        #expect(noSchema.status == 66 && noSchema.stderr.contains("error[E0904]"), "\(noSchema.stderr)")
        try TestDatabase.drop(schema: "retyped")
        try #require(try Self.push("retyped").status == 0)
        try TestDatabase.psql("ALTER TABLE retyped.requests ALTER COLUMN received_date TYPE text")
        let retyped = try run(Self.url, schema: "retyped")
        #expect(retyped.status == 66 && retyped.stderr.contains("error[E0905]"), "\(retyped.stderr)")
        #expect(retyped.stderr.contains("requests.received_date"), "\(retyped.stderr)")
        let bad = try run("mysql://localhost/area")
        #expect(bad.status == 64 && bad.stderr.contains("error[E0901]"), "\(bad.stderr)")
    }

    @Test func aStatementPastItsTimeLimitStopsAtTheQuery() throws {
        try #require(try Self.push("timeout").status == 0)
        let started = Date()
        let result = try ProcessRunner.sendql([
            "-c", Self.endless, "--database", Self.url, "--schema", "timeout", "--statement-timeout", "1",
        ])
        #expect(result.status == 75, "\(result.stderr)")
        #expect(
            result.stderr.contains("error[E0907]") && result.stderr.contains("<command line>:1:1"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func aConnectionDroppedMidQueryIsAnErrorNotAHang() throws {
        try #require(try Self.push("dropped").status == 0)
        let application = "sendql-dropped"
        let errors = Pipe()
        let process = try Self.start(
            ["-c", Self.endless, "--schema", "dropped"], application: application, errors: errors)
        let deadline = Date().addingTimeInterval(60)
        var terminated = "0"
        while Date() < deadline, terminated == "0" {
            terminated = try TestDatabase.psql(
                """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE application_name = '\(application)' AND state = 'active' AND query LIKE 'WITH%'
                """)
            if terminated == "0" { usleep(50_000) }
        }
        #expect(terminated != "0", "the query never started")
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 69, "\(stderr)")
        #expect(stderr.contains("error[E0908]") && stderr.contains("<command line>:1:1"), "\(stderr)")
    }

    @Test func aKilledRunStopsItsQueryOnTheServer() throws {
        try #require(try Self.push("abandoned").status == 0)
        let application = "sendql-abandoned"
        let process = try Self.start(
            ["-c", Self.endless, "--schema", "abandoned"], application: application, errors: nil)
        let active =
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(application)' AND state = 'active'"
        var deadline = Date().addingTimeInterval(60)
        while Date() < deadline, try TestDatabase.psql(active) == "0" { usleep(50_000) }
        #expect(try TestDatabase.psql(active) == "1", "the query never started")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The server checks the client every second while it works, so the query ends with it.
        deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try TestDatabase.psql(active) != "0" { usleep(100_000) }
        #expect(try TestDatabase.psql(active) == "0", "the server kept running the abandoned query")
    }

    @Test func aPasswordIsNeverShownOrStored() throws {
        try #require(try Self.push("secret").status == 0)
        // The cluster trusts local connections, so the password is accepted and ignored.
        let withPassword = Self.url.replacingOccurrences(
            of: "postgresql://", with: "postgresql://postgres:hunter2-do-not-show@")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-secret-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stored = try ProcessRunner.sendql([
            "snapshot", "--database", withPassword, "--schema", "secret", "--as-of", "2024-12-31", "--out", folder.path,
            "--store", "history.sqlite",
        ])
        #expect(stored.status == 0, "\(stored.stderr)")
        let failed = try ProcessRunner.sendql([
            "-c", "from requests", "--database", withPassword, "--schema", "nowhere",
        ])
        #expect(failed.status == 66)
        #expect(failed.stderr.contains("postgres:***@"), "\(failed.stderr)")
        let pushed = try ProcessRunner.sendql(["push", "--database", withPassword, "--schema", "secret"])
        #expect(pushed.status == 0 && pushed.stdout.contains("postgres:***@"), "\(pushed.stdout)")
        for text in [stored.stdout, stored.stderr, failed.stdout, failed.stderr, pushed.stdout, pushed.stderr] {
            #expect(!text.contains("hunter2"))
        }
        let store = try Data(contentsOf: folder.appendingPathComponent("history.sqlite"))
        #expect(store.range(of: Data("hunter2".utf8)) == nil, "the snapshot store holds the password")
    }

    @Test func theREPLReadsTheDatabaseAndCtrlCCancelsOnTheServer() throws {
        try #require(try Self.push("repl").status == 0)
        let application = "sendql-repl-test"
        let withPassword = Self.url.replacingOccurrences(
            of: "postgresql://", with: "postgresql://postgres:hunter2-do-not-show@")
        let terminal = try TerminalSession(arguments: [
            "--database", withPassword + "&application_name=\(application)", "--schema", "repl", "--as-of",
            "2024-12-31",
        ])
        defer { terminal.close() }
        let banner = try terminal.waitFor("sendql>")
        #expect(banner.contains("tables in postgresql://postgres:***@"), "\(banner)")
        #expect(!banner.contains("hunter2"))
        let tables = try terminal.enter(".tables")
        #expect(tables.contains("kpi_pack") && tables.contains("requests"), "\(tables)")
        let schema = try terminal.enter(".schema plans")
        #expect(schema.contains("start_date") && schema.contains("date"), "\(schema)")
        try terminal.type("from peo")
        try terminal.press("Tab")
        _ = try terminal.waitFor("from people")
        try terminal.press("C-u")
        let counted = try terminal.enter("from plans | aggregate n = count()")
        #expect(counted.contains("3183"), "\(counted)")
        try terminal.type(Self.endless)
        try terminal.press("Enter")
        let deadline = Date().addingTimeInterval(60)
        var active = "0"
        while Date() < deadline, active == "0" {
            active = try TestDatabase.psql(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(application)' AND state = 'active'")
            if active == "0" { usleep(50_000) }
        }
        #expect(active == "1", "the query never reached the server")
        try terminal.press("C-c")
        let stopped = try terminal.waitFor("interrupted", timeout: 10)
        #expect(stopped.contains("interrupted"))
        #expect(
            try TestDatabase.psql(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '\(application)' AND state = 'active'")
                == "0")
        try terminal.type(".quit")
        try terminal.press("Enter")
        #expect(try terminal.waitForExit() == 0)
        let history = try String(contentsOf: terminal.historyFile, encoding: .utf8)
        #expect(history.contains("from plans | aggregate n = count()"))
        #expect(!history.contains("hunter2"))
    }

    /// Starts `sendql ARGUMENTS --database` in the background, its connection named `application`
    /// so the test can find it in `pg_stat_activity`.
    static func start(_ arguments: [String], application: String, errors: Pipe?) throws -> Process {
        let process = Process()
        process.executableURL = RepositoryPaths.binary
        process.arguments = arguments + ["--database", url + "&application_name=\(application)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    static func files(under folder: URL) throws -> [String: Data] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        var files: [String: Data] = [:]
        for case let path as String in enumerator {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static func copyOfSample(_ change: (URL) throws -> Void) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-area-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: RepositoryPaths.sampleArea, to: folder)
        try change(folder)
        return folder
    }
}
