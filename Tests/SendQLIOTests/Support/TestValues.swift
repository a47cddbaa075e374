import SendQLCore
@testable import SendQLIO

/// A date value from its ISO text.
func day(_ iso: String) -> Value {
    .date(CivilDate(iso: iso)!.dayNumber)
}

/// Reads CSV text held in memory as `t.csv`.
func readCSV(
    _ text: String, mode: CSVReadMode = .strict, formats: [String: ColumnFormat] = [:],
    parallelism: Int = 1, minimumChunkBytes: Int? = nil
) throws -> CSVTable {
    var reader = CSVReader(mode: mode, formats: formats, parallelism: parallelism)
    if let minimumChunkBytes { reader.minimumChunkBytes = minimumChunkBytes }
    return try reader.read(bytes: Array(text.utf8), name: "t.csv")
}

/// The first diagnostic a strict read throws, as `file:line:column: message`.
func strictError(_ text: String, formats: [String: ColumnFormat] = [:]) -> String? {
    do {
        _ = try readCSV(text, formats: formats)
        return nil
    } catch let diagnostic as Diagnostic {
        return "\(diagnostic.locationText ?? "?"): \(diagnostic.message)"
    } catch let list as DiagnosticList {
        return list.diagnostics.map { "\($0.locationText ?? "?"): \($0.message)" }.joined(separator: "\n")
    } catch {
        return "unexpected error \(error)"
    }
}

extension CSVTable {
    /// Every problem of every reject, as `file:line:column: message`.
    var rejectTexts: [String] { rejects.flatMap { $0.issues.map(\.text) } }
}
