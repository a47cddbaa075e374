import SendQLCore
import SendQLIO

/// One fuzz input read as a CSV file: strict and lenient, with inferred formats and again with a
/// declared format for every column.
enum CSVFuzz {
    /// Formats declared for the columns in turn on the second reading.
    static let declaredFormats: [ColumnFormat] = [
        .int, .double, .bool, .date, .string, .code(CodeList(["Y", "N", "A"])), .int(range: 1...5),
    ]

    static func run(_ bytes: [UInt8]) -> [String] {
        var broken: [String] = []
        let strict = Result { try CSVReader(parallelism: 1).read(bytes: bytes, name: "fuzz.csv") }
        let lenient = Result { try CSVReader(mode: .lenient, parallelism: 1).read(bytes: bytes, name: "fuzz.csv") }
        broken += check(strict: strict, lenient: lenient, reading: "inferred", bytes: bytes)

        guard case .success(let first) = lenient else { return broken }
        var formats: [String: ColumnFormat] = [:]
        for (index, field) in first.table.schema.fields.enumerated() {
            formats[field.name] = declaredFormats[index % declaredFormats.count]
        }
        let declaredStrict = Result {
            try CSVReader(formats: formats, parallelism: 1).read(bytes: bytes, name: "fuzz.csv")
        }
        let declaredLenient = Result {
            try CSVReader(mode: .lenient, formats: formats, parallelism: 1).read(bytes: bytes, name: "fuzz.csv")
        }
        broken += check(strict: declaredStrict, lenient: declaredLenient, reading: "declared", bytes: bytes)
        return broken
    }

    /// What must hold between a strict and a lenient reading of the same bytes.
    static func check(
        strict: Result<CSVTable, any Error>, lenient: Result<CSVTable, any Error>, reading: String, bytes: [UInt8]
    ) -> [String] {
        var broken: [String] = []
        switch (strict, lenient) {
        case (.success(let table), .success(let kept)):
            if !kept.rejects.isEmpty { broken.append("\(reading): strict read the file, lenient set rows aside") }
            if table.table != kept.table { broken.append("\(reading): strict and lenient tables differ") }
        case (.failure(let error), .success(let kept)):
            if kept.rejects.isEmpty {
                broken.append("\(reading): strict failed (\(describe(error))) but lenient set no row aside")
            } else if let diagnostic = error as? Diagnostic, diagnostic != kept.rejects[0].issues[0].diagnostic {
                broken.append("\(reading): strict's error is not lenient's first: \(diagnostic.message)")
            }
        case (.success, .failure(let error)):
            broken.append("\(reading): lenient failed (\(describe(error))) where strict read the file")
        case (.failure, .failure):
            // A broken header stops both modes.
            renderAll(strict)
        }
        if case .success(let kept) = lenient {
            broken += checkTable(kept, reading: reading, bytes: bytes)
        }
        renderAll(lenient)
        return broken
    }

    static func checkTable(_ result: CSVTable, reading: String, bytes: [UInt8]) -> [String] {
        var broken: [String] = []
        if result.table.rowCount + result.rejects.count != result.rowsInFile {
            broken.append(
                "\(reading): \(result.table.rowCount) loaded + \(result.rejects.count) rejected != \(result.rowsInFile) rows"
            )
        }
        broken += Invariants.wellFormed(result.table, what: reading)
        for reject in result.rejects {
            if reject.issues.isEmpty { broken.append("\(reading): a reject at \(reject.location) has no issue") }
            for issue in reject.issues {
                if issue.diagnostic.locationText != issue.location.description {
                    broken.append(
                        "\(reading): \(issue.message) located at \(issue.location) but its span says \(issue.diagnostic.locationText ?? "nothing")"
                    )
                }
            }
            broken += Invariants.spansInside(reject.issues.map(\.diagnostic))
            // The file's Source (bad bytes shown as '?') must keep every byte where it was.
            let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            for issue in reject.issues {
                if let source = issue.diagnostic.source, source.text.utf8.count != bytes.count - byteOrderMark {
                    broken.append(
                        "\(reading): the file's Source has \(source.text.utf8.count) bytes for \(bytes.count - byteOrderMark)"
                    )
                }
            }
        }
        return broken
    }

    static func renderAll(_ result: Result<CSVTable, any Error>) {
        switch result {
        case .success(let table):
            _ = DiagnosticRenderer().render(table.rejects.flatMap(\.issues).map(\.diagnostic))
            _ = TableRenderer().render(table.table)
            _ = ResultRenderer.csv(table.table)
        case .failure(let error):
            _ = describe(error)
        }
    }

    /// An error as the command line would print it.
    static func describe(_ error: any Error) -> String {
        if let diagnostic = error as? Diagnostic { return DiagnosticRenderer().render(diagnostic) }
        if let list = error as? DiagnosticList { return DiagnosticRenderer().render(list.diagnostics) }
        return "\(error)"
    }
}
