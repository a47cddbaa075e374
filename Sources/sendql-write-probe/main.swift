// A test-only helper: writes through OutputFolder and SnapshotStore so tests can run several at
// once or kill one midway. Not a product; nothing ships it.
//
//   sendql-write-probe output ROOT PATH MEGABYTES SLEEP_MS
//       writes MEGABYTES of 'x' to PATH under ROOT, a megabyte at a time, sleeping between pieces;
//       prints "started" once the first piece is written, "done PATH" after the commit.
//   sendql-write-probe snapshots STORE PREFIX COUNT ROWS
//       appends COUNT snapshots named PREFIX-1 ... of ROWS rows each; prints "done".
//   sendql-write-probe huge-snapshot STORE NAME ROWS
//       appends one snapshot of ROWS rows; prints "started" before and "done" after.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore
import SendQLIO

/// Writes a line straight to a descriptor (unbuffered, so a test reading the pipe sees it at once).
func emit(_ text: String, to descriptor: Int32) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
}

func say(_ text: String) { emit(text, to: 1) }

func fail(_ text: String) -> Never {
    emit("sendql-write-probe: \(text)", to: 2)
    exit(2)
}

/// A KPI pack shaped table of `count` rows; the numbers depend on `seed`.
func packRows(_ count: Int, seed: Int) -> Table {
    var kpi = ColumnBuilder(type: .string, capacity: count), breakdown = ColumnBuilder(type: .string, capacity: count)
    var period = ColumnBuilder(type: .string, capacity: count), numerator = ColumnBuilder(type: .int, capacity: count)
    var denominator = ColumnBuilder(type: .int, capacity: count), value = ColumnBuilder(type: .double, capacity: count)
    for row in 0..<count {
        kpi.append(string: "kpi_\(row % 13)")
        breakdown.append(string: row % 3 == 0 ? "" : "setting=s\(row % 7)")
        period.append(string: String(2000 + row % 25))
        let d = Int64(10 + (row + seed) % 200), n = Int64((row * 7 + seed) % Int(d))
        numerator.append(int: n)
        denominator.append(int: d)
        value.append(double: 100 * Double(n) / Double(d))
    }
    return Table([
        ("kpi", kpi.finish()), ("breakdown", breakdown.finish()), ("period", period.finish()),
        ("numerator", numerator.finish()), ("denominator", denominator.finish()), ("value", value.finish()),
    ])
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("no mode given") }
do {
    switch mode {
    case "output":
        guard arguments.count == 5, let megabytes = Int(arguments[3]), let sleepMs = UInt32(arguments[4]) else {
            fail("usage: output ROOT PATH MEGABYTES SLEEP_MS")
        }
        let folder = try OutputFolder(root: arguments[1])
        let file = try folder.create(arguments[2])
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        for index in 0..<megabytes {
            try piece.withUnsafeBytes { try file.write($0) }
            if index == 0 { say("started \(file.temporaryName)") }
            usleep(sleepMs * 1000)
        }
        say("done \(try file.commit())")
    case "snapshots":
        guard arguments.count == 5, let count = Int(arguments[3]), let rows = Int(arguments[4]) else {
            fail("usage: snapshots STORE PREFIX COUNT ROWS")
        }
        let store = try SnapshotStore(path: arguments[1])
        for index in 1...count {
            try store.append(
                name: "\(arguments[2])-\(index)", asOf: CivilDate(year: 2024, month: 12, day: 31).dayNumber,
                scriptHash: ContentHash.script(arguments[2]), dataHash: String(repeating: "0", count: 64),
                rows: packRows(rows, seed: index), runAt: "2025-01-01T00:00:00Z")
        }
        say("done")
    case "huge-snapshot":
        guard arguments.count == 4, let rows = Int(arguments[3]) else { fail("usage: huge-snapshot STORE NAME ROWS") }
        let store = try SnapshotStore(path: arguments[1])
        let table = packRows(rows, seed: 1)
        say("started")
        try store.append(
            name: arguments[2], asOf: CivilDate(year: 2024, month: 12, day: 31).dayNumber,
            scriptHash: ContentHash.script(arguments[2]), dataHash: String(repeating: "0", count: 64),
            rows: table, runAt: "2025-01-01T00:00:00Z")
        say("done")
    default:
        fail("unknown mode \(mode)")
    }
} catch let diagnostic as Diagnostic {
    fail("\(diagnostic.code): \(diagnostic.message)")
} catch {
    fail("\(error)")
}
