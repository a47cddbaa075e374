import SendQLCore
import SendQLIO

/// One fuzz input as a data folder, loaded strict and lenient with the whole case contract.
///
/// The input holds the folder's files one after another, each after a line `==> name.csv <==` (as
/// `head` prints several files); text before the first such line is `people.csv`. Only the contract
/// tables' file names and `extra.csv` (a file the contract does not read) are written.
enum ContractFuzz {
    static let fileNames = CaseContract.tables.map(\.fileName) + ["extra.csv"]
    static let marker = Array("==> ".utf8)
    static let markerEnd = Array(" <==".utf8)

    /// The files an input describes, by name (the last section wins when a name repeats).
    static func files(
        in bytes: [UInt8], names fileNames: [String] = fileNames, first: String = "people.csv"
    )
        -> [String: [UInt8]]
    {
        var files: [String: [UInt8]] = [:]
        var name = first
        var start = 0
        var lineStart = 0
        func finish(at end: Int) {
            if fileNames.contains(name) { files[name] = Array(bytes[start..<end]) }
        }
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            if line.starts(with: marker), line.count >= marker.count + markerEnd.count,
                Array(line.suffix(markerEnd.count)) == markerEnd
            {
                finish(at: lineStart)
                name = String(decoding: line.dropFirst(marker.count).dropLast(markerEnd.count), as: UTF8.self)
                start = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        finish(at: bytes.count)
        return files
    }

    static func run(_ bytes: [UInt8]) -> [String] {
        let files = files(in: bytes)
        let folder = FuzzFolder()
        for name in fileNames {
            if let content = files[name] { folder.write(name, content) }
        }
        return checkLoad(of: folder.path)
    }

    /// Loads `path` strict and lenient and checks the two results agree and add up.
    static func checkLoad(of path: String) -> [String] {
        var broken: [String] = []
        let strict = CaseDataLoader(mode: .strict, parallelism: 1).inspect(directory: path)
        let lenient = CaseDataLoader(mode: .lenient, parallelism: 1).inspect(directory: path)
        broken += check(strict, mode: "strict")
        broken += check(lenient, mode: "lenient")
        // The same rows, for the same reasons, at the same places; the notes may differ by mode (a
        // reference to a bad row says the row "has errors" in strict mode, "was set aside" in lenient).
        func reasons(_ result: CaseDataLoadResult) -> [[String]] {
            result.rejects.map { $0.issues.map { "\($0.location) \($0.diagnostic.code) \($0.diagnostic.message)" } }
        }
        if reasons(strict) != reasons(lenient) {
            broken.append("strict and lenient set aside different rows")
        }
        if strict.isLoadable != (strict.fatalIssues.isEmpty && strict.rejects.isEmpty) {
            broken.append(
                "strict: loadable is \(strict.isLoadable) with \(strict.fatalIssues.count) fatal issues and \(strict.rejects.count) rejects"
            )
        }
        if lenient.isLoadable != lenient.fatalIssues.isEmpty {
            broken.append("lenient: loadable is \(lenient.isLoadable) with \(lenient.fatalIssues.count) fatal issues")
        }
        if let data = lenient.caseData { broken += checkData(data, lenient) }
        return broken
    }

    static func check(_ result: CaseDataLoadResult, mode: String) -> [String] {
        var broken: [String] = []
        for summary in result.summaries where summary.status == .loaded {
            if summary.loaded + summary.rejected != summary.rowsInFile {
                broken.append(
                    "\(mode): \(summary.table): \(summary.loaded) loaded + \(summary.rejected) rejected != \(summary.rowsInFile) rows"
                )
            }
        }
        for issue in result.fatalIssues + result.rejects.flatMap(\.issues) where issue.diagnostic.source != nil {
            if issue.diagnostic.locationText != issue.location.description {
                broken.append(
                    "\(mode): \(issue.message) located at \(issue.location) but its span says \(issue.diagnostic.locationText ?? "nothing")"
                )
            }
        }
        broken += Invariants.spansInside(
            result.fatalIssues.map(\.diagnostic) + result.rejects.flatMap(\.issues).map(\.diagnostic))
        _ = DataQualityReport(result).render()
        _ = DiagnosticRenderer().render(result.errors.map(\.diagnostic))
        return broken
    }

    /// Loaded data keeps the contract's schema first, unique keys, and only references that resolve.
    static func checkData(_ data: CaseData, _ result: CaseDataLoadResult) -> [String] {
        var broken: [String] = []
        for contract in CaseContract.tables {
            guard let table = data.tables[contract.name] else {
                broken.append("lenient: no \(contract.name) table")
                continue
            }
            broken += Invariants.wellFormed(table, what: contract.name)
            if Array(table.schema.fields.prefix(contract.columns.count)) != contract.schema.fields {
                broken.append("\(contract.name): columns \(table.schema) do not start with the contract's")
            }
            let keys = strings(table, contract.key)
            if Set(keys.compactMap { $0 }).count != keys.compactMap({ $0 }).count {
                broken.append("\(contract.name): a key \(contract.key) is loaded twice")
            }
            for column in contract.references {
                guard let target = column.references, let targetContract = CaseContract.table(named: target),
                    result.summaries.first(where: { $0.table == target })?.status == .loaded,
                    let targetTable = data.tables[target]
                else { continue }
                let known = Set(strings(targetTable, targetContract.key).compactMap { $0 })
                if let dangling = strings(table, column.name).compactMap({ $0 }).first(where: { !known.contains($0) }) {
                    broken.append(
                        "\(contract.name).\(column.name) \"\(dangling)\" was loaded but \(target) has no such key")
                }
            }
        }
        return broken
    }

    /// The text of every row of a string column (nil for null); empty when there is no such column.
    static func strings(_ table: Table, _ name: String) -> [String?] {
        guard let column = table.column(named: name), case .string(let codes, let dictionary) = column.storage else {
            return []
        }
        return codes.indices.map { column.isNull($0) ? nil : dictionary[codes[$0]] }
    }
}
