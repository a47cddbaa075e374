import Foundation
import Testing
import SendQLCore
@testable import SendQLIO
#if canImport(Glibc)
    import Glibc
#endif

/// A small KPI pack: two rates and an overdue count (null denominator and value).
func samplePack(period: String = "2024") -> Table {
    Table([
        ("kpi", Column(type: .string, values: [.string("ehcp_20wk"), .string("ehcp_20wk"), .string("overdue_now")])),
        (
            "breakdown",
            Column(type: .string, values: [.string(""), .string("primary_need=ASD"), .string("final_20wk")])
        ),
        ("period", Column(type: .string, values: [.string(period), .string(period), .string("2024-12-31")])),
        ("numerator", Column(type: .int, values: [.int(228), .int(40), .int(12)])),
        ("denominator", Column(type: .int, values: [.int(242), .int(44), .null])),
        ("value", Column(type: .double, values: [.double(94.21487603305785), .double(90.9090909090909), .null])),
    ])
}

let asOf2024 = CivilDate(year: 2024, month: 12, day: 31).dayNumber

@Suite(.serialized)
struct SnapshotStoreTests {
    @Test func appendsAndReadsTheHistoryBack() throws {
        let temp = try TemporaryFolder()
        let store = try SnapshotStore(path: temp.file("history.sqlite"))
        #expect(try store.history().rowCount == 0)
        #expect(try store.history().schema == SnapshotStore.historySchema)
        let first = try store.append(
            name: "monthly", asOf: asOf2024, scriptHash: ContentHash.script("from kpi_pack"),
            dataHash: "d1", rows: samplePack(), runAt: "2025-01-02T06:00:00Z")
        let second = try store.append(
            name: "monthly", asOf: asOf2024 + 31, scriptHash: "s2", dataHash: "d2",
            rows: samplePack(period: "2025"), runAt: "2025-02-02T06:00:00Z")
        #expect((first, second) == (1, 2))
        let history = try store.history()
        #expect(
            history.schema.names == [
                "snapshot", "run_at", "as_of", "script_hash", "data_hash", "kpi", "breakdown",
                "period", "numerator", "denominator", "value",
            ])
        #expect(history.rowCount == 6)
        #expect(
            history.rows[0] == [
                .string("monthly"), .string("2025-01-02T06:00:00Z"), .date(asOf2024),
                .string(ContentHash.script("from kpi_pack")), .string("d1"), .string("ehcp_20wk"),
                .string(""), .string("2024"), .int(228), .int(242), .double(94.21487603305785),
            ])
        #expect(history.rows[2][8...] == [.int(12), .null, .null])
        #expect(history.rows[3][2] == .date(asOf2024 + 31))
        #expect(history.rows[5][7] == .string("2024-12-31"))
        let runs = try store.runs()
        #expect(runs.rows.map { [$0[0], $0[5]] } == [[.string("monthly"), .int(3)], [.string("monthly"), .int(3)]])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func theStoreIsInWALModeAndVersioned() throws {
        let temp = try TemporaryFolder()
        _ = try SnapshotStore(path: temp.file("s.sqlite"))
        let connection = try SQLiteConnection(path: temp.file("s.sqlite"), busyTimeout: 1000)
        #expect(try connection.texts("PRAGMA journal_mode") == ["wal"])
        #expect(try connection.integer("PRAGMA user_version") == 1)
        #expect(try connection.integer("PRAGMA application_id") == SnapshotStore.applicationID)
        // Opening again leaves it as it was.
        _ = try SnapshotStore(path: temp.file("s.sqlite"))
        #expect(try connection.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table'") == 2)
    }

    @Test func refusesFilesThatAreNotStores() throws {
        let temp = try TemporaryFolder()
        try temp.write(["kpis.csv": "kpi,value\nehcp_20wk,94.2\n"])
        #expect(
            errorMessage { _ = try SnapshotStore(path: temp.file("kpis.csv")) }
                == "\(temp.file("kpis.csv")) is not a sendql snapshot store: it is not an SQLite database")
        #expect(contents(temp.file("kpis.csv")) == "kpi,value\nehcp_20wk,94.2\n")

        let other = try SQLiteConnection(path: temp.file("other.db"), busyTimeout: 1000)
        try other.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        #expect(errorCode { _ = try SnapshotStore(path: temp.file("other.db")) } == "E0737")
        #expect(try other.texts("PRAGMA journal_mode") == ["delete"])

        _ = try SnapshotStore(path: temp.file("newer.sqlite"))
        let newer = try SQLiteConnection(path: temp.file("newer.sqlite"), busyTimeout: 1000)
        try newer.execute("PRAGMA user_version = 7")
        #expect(
            errorMessage { _ = try SnapshotStore(path: temp.file("newer.sqlite")) }
                == "\(temp.file("newer.sqlite")) was written by a newer sendql (store version 7; this one reads up to 1)"
        )

        #expect(mkfifo(temp.file("pipe"), 0o644) == 0)
        #expect(errorCode { _ = try SnapshotStore(path: temp.file("pipe")) } == "E0737")
        #expect(errorCode { _ = try SnapshotStore(path: temp.path) } == "E0737")
    }

    @Test func refusesRowsThatAreNotTheKPIPack() throws {
        let temp = try TemporaryFolder()
        let store = try SnapshotStore(path: temp.file("s.sqlite"))
        var extra = samplePack()
        extra.setColumn("person_id", Column(type: .string, values: [.string("P1"), .string("P2"), .string("P3")]))
        #expect(
            errorMessage {
                try store.append(name: "x", asOf: asOf2024, scriptHash: "", dataHash: "", rows: extra, runAt: "")
            } == "a snapshot holds the KPI pack columns; this table has extra columns person_id")
        let missing = Table([("kpi", Column(type: .string, values: [.string("a")]))])
        #expect(
            errorCode {
                try store.append(name: "x", asOf: asOf2024, scriptHash: "", dataHash: "", rows: missing, runAt: "")
            } == "E0738")
        var wrongType = samplePack()
        wrongType.setColumn("numerator", Column(type: .double, values: [.double(1), .double(2), .double(3)]))
        #expect(
            errorMessage {
                try store.append(name: "x", asOf: asOf2024, scriptHash: "", dataHash: "", rows: wrongType, runAt: "")
            } == "snapshot column numerator is double; it must be int")
        #expect(try store.runs().rowCount == 0)
    }

    @Test func twoWriterProcessesAtOnceLoseNothing() throws {
        let temp = try TemporaryFolder()
        let path = temp.file("shared.sqlite")
        let a = try WriteProbe.Running(["snapshots", path, "a", "30", "400"])
        let b = try WriteProbe.Running(["snapshots", path, "b", "30", "400"])
        #expect(a.wait() == 0, "\(a.errorOutput)")
        #expect(b.wait() == 0, "\(b.errorOutput)")
        let store = try SnapshotStore(path: path)
        let runs = try store.runs()
        #expect(runs.rowCount == 60)
        let names = Set(runs.rows.map { $0[0] })
        #expect(names == Set((1...30).flatMap { [Value.string("a-\($0)"), .string("b-\($0)")] }))
        #expect(try store.history().rowCount == 60 * 400)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func twoWriterThreadsWithTheirOwnConnectionsLoseNothing() throws {
        let temp = try TemporaryFolder()
        let path = temp.file("threads.sqlite")
        let failures = Failures()
        let threads = ["x", "y", "z"].map { prefix in
            Thread {
                do {
                    let store = try SnapshotStore(path: path)
                    for index in 1...20 {
                        try store.append(
                            name: "\(prefix)-\(index)", asOf: asOf2024, scriptHash: "s", dataHash: "d",
                            rows: samplePack(period: String(2000 + index)), runAt: "t")
                    }
                } catch {
                    failures.add("\(prefix): \(error)")
                }
                failures.finished()
            }
        }
        threads.forEach { $0.start() }
        failures.waitFor(threads.count)
        #expect(failures.messages.isEmpty)
        let store = try SnapshotStore(path: path)
        #expect(try store.runs().rowCount == 60)
        #expect(try store.history().rowCount == 180)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func aWriterKilledMidwayLeavesNoPartialSnapshot() throws {
        let temp = try TemporaryFolder()
        let path = temp.file("killed.sqlite")
        let store = try SnapshotStore(path: path)
        try store.append(
            name: "before", asOf: asOf2024, scriptHash: "s", dataHash: "d", rows: samplePack(), runAt: "t0")
        let probe = try WriteProbe.Running(["huge-snapshot", path, "huge", "3000000"])
        #expect(probe.nextLine() == "started")
        // Wait until the transaction has spilled pages into the write-ahead log, then kill it.
        let wal = path + "-wal"
        var waited = 0
        while (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 < 4 << 20, waited < 600 {
            usleep(50_000)
            waited += 1
        }
        probe.killNow()
        #expect(probe.process.terminationReason == .uncaughtSignal, "the probe finished before it could be killed")
        let reopened = try SnapshotStore(path: path)
        #expect(try reopened.integrityCheck() == ["ok"])
        #expect(try reopened.runs().rows.map { $0[0] } == [.string("before")])
        #expect(try reopened.history().rowCount == 3)
        try reopened.append(
            name: "after", asOf: asOf2024, scriptHash: "s", dataHash: "d", rows: samplePack(), runAt: "t1")
        #expect(try reopened.runs().rows.map { $0[0] } == [.string("before"), .string("after")])
    }
}

/// Collects failures from threads and lets the test wait for them all.
final class Failures: @unchecked Sendable {
    private let lock = NSCondition()
    private(set) var messages: [String] = []
    private var done = 0

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    func finished() {
        lock.lock()
        done += 1
        lock.signal()
        lock.unlock()
    }

    func waitFor(_ count: Int) {
        lock.lock()
        while done < count { lock.wait() }
        lock.unlock()
    }
}
