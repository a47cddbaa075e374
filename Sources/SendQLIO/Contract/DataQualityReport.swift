import SendQLCore

/// Renders what a load found as plain text: row counts per table, the problems that stop files
/// loading, the rows with bad values, duplicate keys and dangling references (each with its location,
/// message and row text), date-order findings, notes, and a last line saying whether the data loads.
///
/// Each list shows at most `limit` entries, then how many more there are.
public struct DataQualityReport: Sendable {
    /// What the load found.
    public var result: CaseDataLoadResult
    /// The most entries each list shows.
    public var limit: Int

    /// A report of `result`, lists cut at `limit` entries.
    public init(_ result: CaseDataLoadResult, limit: Int = 100) {
        self.result = result
        self.limit = limit
    }

    /// The whole report, ending with a line break.
    public func render() -> String {
        var lines = ["Data folder: \(result.directory) (\(result.mode.rawValue))"]
        if !result.summaries.isEmpty {
            lines.append("")
            lines += countsTable()
        }
        section("Files that cannot be loaded", result.fatalIssues, into: &lines) { issueLines($0) }
        let strict = result.mode == .strict
        let kinds: [(String, (Reject) -> Bool)] = [
            ("Rows with bad values", { !isKeyOrReference($0) }),
            ("Duplicate keys", { $0.issues.first?.code == DataErrorCode.duplicateKey.rawValue }),
            ("Dangling references", { $0.issues.first?.code == DataErrorCode.danglingReference.rawValue }),
        ]
        for (title, belongs) in kinds {
            let rows = result.rejects.filter(belongs)
            section(strict ? title : "\(title), set aside", rows, into: &lines) { rejectLines($0) }
        }
        section("Date-order findings", result.findings, into: &lines) { finding in
            ["  \(finding.text)"]
        }
        if !result.notes.isEmpty {
            lines += ["", "Notes:"]
            for note in result.notes {
                lines.append("  \(note.message)")
                lines += note.notes.map { "    \($0)" }
            }
        }
        lines += ["", verdict]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The last line: whether the data loads, and the counts that matter.
    public var verdict: String {
        let errors = result.errors.count
        if !result.isLoadable {
            var text = "NOT LOADABLE: \(errors) \(plural(errors, "error"))"
            if result.mode == .strict && result.fatalIssues.isEmpty {
                text += " (--lenient sets bad rows aside)"
            }
            return text
        }
        let loaded = result.summaries.reduce(0) { $0 + $1.loaded }
        let tables = result.summaries.filter { $0.status == .loaded }.count
        var text = "OK: \(loaded) \(plural(loaded, "row")) loaded from \(tables) \(plural(tables, "table"))"
        if !result.rejects.isEmpty {
            text += ", \(result.rejects.count) \(plural(result.rejects.count, "row")) set aside"
        }
        if !result.findings.isEmpty {
            text += ", \(result.findings.count) date-order \(plural(result.findings.count, "finding"))"
        }
        return text
    }

    private func countsTable() -> [String] {
        let rejectedHeading = result.mode == .strict ? "with errors" : "set aside"
        var rows = [["table", "rows in file", "loaded", rejectedHeading]]
        for summary in result.summaries {
            switch summary.status {
            case .loaded:
                rows.append([summary.table, "\(summary.rowsInFile)", "\(summary.loaded)", "\(summary.rejected)"])
            case .absent:
                rows.append([summary.table, "absent", "0", "-"])
            case .failed:
                rows.append([summary.table, "failed", "0", "-"])
            }
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }
    }

    private func section<Item>(
        _ title: String, _ items: [Item], into lines: inout [String], _ render: (Item) -> [String]
    ) {
        guard !items.isEmpty else { return }
        lines += ["", "\(title) (\(items.count)):"]
        for item in items.prefix(limit) { lines += render(item) }
        if items.count > limit { lines.append("  … and \(items.count - limit) more") }
    }

    private func issueLines(_ issue: DataIssue) -> [String] {
        ["  \(issue.text) [\(issue.code)]"] + issue.diagnostic.notes.map { "    \($0)" }
    }

    private func rejectLines(_ reject: Reject) -> [String] {
        var lines = reject.issues.flatMap(issueLines)
        lines += reject.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "    | " + (line.hasSuffix("\r") ? String(line.dropLast()) : String(line))
        }
        return lines
    }

    private func isKeyOrReference(_ reject: Reject) -> Bool {
        let code = reject.issues.first?.code
        return code == DataErrorCode.duplicateKey.rawValue || code == DataErrorCode.danglingReference.rawValue
    }

    private func plural(_ count: Int, _ noun: String) -> String { count == 1 ? noun : noun + "s" }
}
