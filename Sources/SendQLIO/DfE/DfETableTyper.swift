import SendQLCore

/// Types every column of a published statistics table read as text.
///
/// Identifying columns stay text even when their values look like numbers: the geography and time
/// columns of the Explore Education Statistics standard (`old_la_code` is `314`, a code, not a
/// number), any column named `*_code`, `*_name`, `*_id` or `*_urn`, and the breakdown (filter)
/// columns `breakdown*` and `characteristic*`. `time_period` becomes an int, with `period_label`
/// and `year` after it. Every other column is numeric when `DfEColumnTyper` says so, and its
/// `<name>_symbol` companion is added after the file's own columns, in the same order.
struct DfETableTyper {
    let symbols: Set<String>

    /// Text columns of the Explore Education Statistics standard whose names do not say so.
    static let identifyingNames: Set<String> = ["time_identifier", "geographic_level", "school_laestab"]

    /// True for a column that names or identifies something rather than counts it.
    static func isIdentifying(_ name: String) -> Bool {
        let lower = name.lowercased()
        if identifyingNames.contains(lower) { return true }
        if lower.hasPrefix("breakdown") || lower.hasPrefix("characteristic") { return true }
        return ["_code", "_name", "_id", "_urn"].contains { lower.hasSuffix($0) }
    }

    /// A cell the typer could not read as the publisher's guidance says, for the loader to report.
    struct OddCell: Equatable {
        var column: String
        var cell: DfEColumnTyper.Cell
        /// True when the cell was read as a symbol the guidance does not list; false when it kept its
        /// column as text.
        var readAsSymbol: Bool
    }

    /// The typed table, its numeric columns in order, and the cells read against the guidance.
    func typed(_ table: Table) -> (table: Table, numericColumns: [String], oddCells: [OddCell]) {
        let typer = DfEColumnTyper(symbols: symbols)
        var columns: [(String, Column)] = []
        var symbolColumns: [(String, Column)] = []
        var numeric: [String] = []
        var oddCells: [OddCell] = []
        let taken = Set(table.schema.names)
        for (field, column) in zip(table.schema.fields, table.columns) {
            if field.name == "time_period" {
                columns.append(contentsOf: timePeriodColumns(column, taken: taken))
            } else if Self.isIdentifying(field.name) {
                columns.append((field.name, column))
            } else {
                switch typer.outcome(column) {
                case .numeric(let typed):
                    columns.append((field.name, typed.values))
                    symbolColumns.append((Self.symbolColumnName(field.name, taken: taken), typed.symbols))
                    numeric.append(field.name)
                    oddCells += typed.unlistedMarkers.map { OddCell(column: field.name, cell: $0, readAsSymbol: true) }
                case .text(let odd):
                    columns.append((field.name, column))
                    if let odd { oddCells.append(OddCell(column: field.name, cell: odd, readAsSymbol: false)) }
                }
            }
        }
        return (Table(columns + symbolColumns), numeric, oddCells)
    }

    /// `time_period` as an int, with `period_label` and `year` (unless the file has columns of those
    /// names); the column as it is when it is not all whole numbers.
    private func timePeriodColumns(_ column: Column, taken: Set<String>) -> [(String, Column)] {
        // No symbol is allowed here: a period is a key, never suppressed.
        guard let typed = DfEColumnTyper(symbols: []).typed(column), typed.values.type == .int else {
            return [("time_period", column)]
        }
        var columns = [("time_period", typed.values)]
        let derived = DfETimePeriod.derivedColumns(typed.values)
        if !taken.contains("period_label") { columns.append(("period_label", derived.label)) }
        if !taken.contains("year") { columns.append(("year", derived.year)) }
        return columns
    }

    /// `<name>_symbol`, or `<name>_symbol_2`, ... when the file already has a column of that name.
    static func symbolColumnName(_ name: String, taken: Set<String>) -> String {
        let base = name + "_symbol"
        guard taken.contains(base) else { return base }
        var suffix = 2
        while taken.contains("\(base)_\(suffix)") { suffix += 1 }
        return "\(base)_\(suffix)"
    }
}
