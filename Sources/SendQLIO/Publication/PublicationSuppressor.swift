import SendQLCore

/// Small-number suppression for anything published (`--publish`), following DfE and ONS practice:
/// a count from 1 to `threshold` becomes `c`, so does a rate built on a suppressed count, and so
/// does the next smallest cell where a published total would give a suppressed one away.
/// Tables holding a column that identifies children are refused. The rules, with examples and
/// their limits, are in `docs/publication.md`.
///
/// - Counts are the integer columns, except those named as labels in `keyColumns` (`year`,
///   `month`, ...). Zero is published: it does not single anyone out.
/// - Rates are a column `X` beside `X_numerator` and `X_denominator` (what `pct()` makes) and the
///   KPI pack's `value` beside `numerator` and `denominator`: a rate is suppressed in a row where
///   its numerator or denominator is.
/// - Secondary suppression works along one text column at a time (the breakdown): rows that agree
///   on every other label column form a group; when the group has a total row (that column empty,
///   null, `Total` or `All`, in any case) whose count is published, or `totalsPublishedElsewhere`
///   is set, and exactly one of the other rows' counts is suppressed, the next smallest non-zero
///   count among them is suppressed too (the first in table order on a tie; the total itself when
///   there is no other). Breakdowns written `name=value` (the KPI pack) are grouped by `name`. This
///   repeats until nothing changes.
/// - A column with a suppressed cell becomes a text column: its numbers as text, as CSV writes
///   them, and the marker. Other columns keep their types.
public struct PublicationSuppressor: Sendable {
    /// The largest count suppressed (counts from 1 to this).
    public var threshold: Int64
    /// What a suppressed cell shows.
    public var marker: String
    /// Integer columns that are labels rather than counts (matched ignoring case).
    public var keyColumns: Set<String>
    /// Treat every group as having its total published somewhere else (a total row left out of
    /// this table, a figure quoted in the text), so secondary suppression applies to all groups.
    public var totalsPublishedElsewhere: Bool

    /// Integer columns taken as labels by default.
    public static let defaultKeyColumns: Set<String> = [
        "year", "quarter", "month", "week", "day", "period", "academic_year", "financial_year", "calendar_year",
        "time_period", "age", "stage", "rank", "offset", "kpi_order", "order",
    ]

    /// Columns that identify a child, refused in anything published (matched ignoring case and any
    /// `alias.` prefix): people and the row identifiers of the case tables.
    public static let identifierColumns: [String] = [
        "person_id", "upn", "uln", "name", "forename", "surname", "first_name", "last_name", "full_name",
        "birth_date", "date_of_birth", "dob", "postcode",
        "request_id", "plan_id", "review_id", "advice_id", "complaint_id", "appeal_id", "audit_id", "response_id",
        "subject_id",
    ]

    public init(
        threshold: Int = 5, marker: String = "c", keyColumns: Set<String> = defaultKeyColumns,
        totalsPublishedElsewhere: Bool = false
    ) {
        self.threshold = Int64(threshold)
        self.marker = marker
        self.keyColumns = Set(keyColumns.map { $0.lowercased() })
        self.totalsPublishedElsewhere = totalsPublishedElsewhere
    }

    /// The footnote a published table or figure should carry.
    public var footnote: String {
        "\(marker): suppressed to protect children's identities (counts from 1 to \(threshold), and figures that would reveal them)."
    }

    /// Refuses a schema with a column identifying children (E0735), naming every such column.
    public static func checkIdentifiers(_ schema: Schema) throws(Diagnostic) {
        let found = schema.names.filter { isIdentifier($0) }
        guard !found.isEmpty else { return }
        let list = found.joined(separator: ", ")
        throw Diagnostic(
            .identifierColumn,
            "cannot publish a table with \(found.count == 1 ? "the column" : "the columns") \(list): \(found.count == 1 ? "it identifies" : "they identify") children",
            notes: [
                "help: aggregate first (group ... (aggregate n = count())), or drop \(found.count == 1 ? "it" : "them") with select",
                "note: published outputs hold counts and rates, never people-level rows",
            ])
    }

    static func isIdentifier(_ name: String) -> Bool {
        let bare = name.split(separator: ".").last.map(String.init)?.lowercased() ?? name.lowercased()
        return identifierColumns.contains(bare)
    }

    /// The table as it may be published, with what was suppressed and why.
    public func apply(_ table: Table) throws(Diagnostic) -> SuppressionResult {
        try Self.checkIdentifiers(table.schema)
        let names = table.schema.names
        let rates = rateColumns(table)
        let rateNames = Set(rates.map(\.rate))
        var counts: [Int] = []
        var labels: [Int] = []
        for (index, field) in table.schema.fields.enumerated() where !rateNames.contains(field.name) {
            switch field.type {
            case .int:
                if keyColumns.contains(field.name.lowercased()) { labels.append(index) } else { counts.append(index) }
            case .string, .date, .bool:
                labels.append(index)
            case .double, .duration:
                break
            }
        }
        var cells: [SuppressedCell] = []
        var suppressed: [Int: [Bool]] = [:]
        for index in counts {
            var marks = [Bool](repeating: false, count: table.rowCount)
            if case .int(let values) = table.columns[index].storage {
                for row in 0..<table.rowCount where !table.columns[index].isNull(row) {
                    if values[row] >= 1 && values[row] <= threshold {
                        marks[row] = true
                        cells.append(SuppressedCell(row: row, column: names[index], reason: .primary))
                    }
                }
            }
            suppressed[index] = marks
        }
        cells += secondary(table, counts: counts, labels: labels, suppressed: &suppressed)
        var output = table
        var rateMarks: [Int: [Bool]] = [:]
        for rate in rates {
            var marks = [Bool](repeating: false, count: table.rowCount)
            let parts = [rate.numerator, rate.denominator].compactMap { suppressed[$0] }
            for row in 0..<table.rowCount
            where parts.contains(where: { $0[row] }) && !table.columns[rate.index].isNull(row) {
                marks[row] = true
                cells.append(SuppressedCell(row: row, column: rate.rate, reason: .rate))
            }
            rateMarks[rate.index] = marks
        }
        for (index, marks) in suppressed.merging(rateMarks, uniquingKeysWith: { first, _ in first })
        where marks.contains(true) {
            output.setColumn(names[index], textColumn(table.columns[index], suppressed: marks))
        }
        cells.sort { ($0.row, names.firstIndex(of: $0.column)!) < ($1.row, names.firstIndex(of: $1.column)!) }
        return SuppressionResult(table: output, cells: cells)
    }

    /// The table to draw in a publication and the spec to draw it with (suppressed points drawn as
    /// gaps labelled with the marker). Suppress the table that still has the counts behind a rate:
    /// a chart of `value` alone cannot tell which values rest on small numbers.
    public func prepareChart(_ table: Table, spec: ChartSpec) throws(Diagnostic) -> (Table, ChartSpec) {
        var spec = spec
        spec.suppressionMarker = marker
        return (try apply(table).table, spec)
    }

    // MARK: Rules

    struct Rate {
        var rate: String
        var index: Int
        var numerator: Int
        var denominator: Int
    }

    /// `X` with `X_numerator` and `X_denominator`, and `value` with `numerator` and `denominator`.
    func rateColumns(_ table: Table) -> [Rate] {
        let schema = table.schema
        var out: [Rate] = []
        for (index, field) in schema.fields.enumerated() where field.type.isNumeric {
            let parts =
                field.name == "value" && schema.index(of: "numerator") != nil && schema.index(of: "denominator") != nil
                ? ("numerator", "denominator")
                : (field.name + "_numerator", field.name + "_denominator")
            if let numerator = schema.index(of: parts.0), let denominator = schema.index(of: parts.1) {
                out.append(Rate(rate: field.name, index: index, numerator: numerator, denominator: denominator))
            }
        }
        return out
    }

    /// Whether a label marks a total row.
    static func isTotal(_ value: Value) -> Bool {
        switch value {
        case .null: return true
        case .string(let text):
            let trimmed = text.trimmingCharactersAndSpaces().lowercased()
            return trimmed.isEmpty || trimmed == "total" || trimmed == "all"
        default: return false
        }
    }

    /// Secondary suppression, repeated until nothing changes; returns the cells it suppressed.
    func secondary(_ table: Table, counts: [Int], labels: [Int], suppressed: inout [Int: [Bool]]) -> [SuppressedCell] {
        guard !counts.isEmpty, table.rowCount > 0 else { return [] }
        let names = table.schema.names
        let labelText: [[String]] = labels.map { index in
            (0..<table.rowCount).map { row in
                let value = table.columns[index][row]
                return value.isNull ? "\u{0}null" : ResultRenderer.plainText(value)
            }
        }
        // Groups for each text breakdown column: rows that agree on every other label.
        var groupings: [(totals: [Int], children: [Int])] = []
        for (position, breakdown) in labels.enumerated() where table.schema.fields[breakdown].type == .string {
            var order: [String] = []
            var members: [String: [Int]] = [:]
            for row in 0..<table.rowCount {
                let key = labelText.indices.filter { $0 != position }.map { labelText[$0][row] }.joined(
                    separator: "\u{1F}")
                if members[key] == nil { order.append(key) }
                members[key, default: []].append(row)
            }
            for key in order {
                let rows = members[key]!
                let totals = rows.filter { Self.isTotal(table.columns[breakdown][$0]) }
                guard !totals.isEmpty || totalsPublishedElsewhere else { continue }
                // Children by dimension: `name=value` breakdowns are grouped by name.
                var dimensionOrder: [String] = []
                var byDimension: [String: [Int]] = [:]
                for row in rows where !totals.contains(row) {
                    let text = labelText[position][row]
                    let dimension = text.contains("=") ? String(text.prefix { $0 != "=" }) : ""
                    if byDimension[dimension] == nil { dimensionOrder.append(dimension) }
                    byDimension[dimension, default: []].append(row)
                }
                for dimension in dimensionOrder {
                    groupings.append((totals, byDimension[dimension]!))
                }
            }
        }
        var cells: [SuppressedCell] = []
        var changed = true
        while changed {
            changed = false
            for column in counts {
                guard case .int(let values) = table.columns[column].storage else { continue }
                let isNull = { (row: Int) in table.columns[column].isNull(row) }
                for grouping in groupings {
                    // A total that is itself suppressed (or missing) gives nothing away.
                    if !totalsPublishedElsewhere, let total = grouping.totals.first,
                        suppressed[column]![total] || isNull(total)
                    {
                        continue
                    }
                    let hidden = grouping.children.filter { suppressed[column]![$0] }
                    guard hidden.count == 1 else { continue }
                    let candidates = grouping.children.filter { !suppressed[column]![$0] && !isNull($0) }
                    let nonZero = candidates.filter { values[$0] > 0 }
                    let pick: Int?
                    if let smallest = nonZero.min(by: { (values[$0], $0) < (values[$1], $1) }) {
                        pick = smallest
                    } else if let total = grouping.totals.first(where: { !isNull($0) && !suppressed[column]![$0] }) {
                        pick = total
                    } else {
                        pick = candidates.min(by: { (values[$0], $0) < (values[$1], $1) })
                    }
                    guard let pick else { continue }
                    suppressed[column]![pick] = true
                    cells.append(SuppressedCell(row: pick, column: names[column], reason: .secondary))
                    changed = true
                }
            }
        }
        return cells
    }

    /// A column's values as text (as CSV writes them) with the marker where suppressed; nulls stay null.
    func textColumn(_ column: Column, suppressed: [Bool]) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: column.count)
        for row in 0..<column.count {
            if suppressed[row] {
                builder.append(string: marker)
            } else if column.isNull(row) {
                builder.appendNull()
            } else {
                builder.append(string: ResultRenderer.plainText(column[row]))
            }
        }
        return builder.finish()
    }
}

/// A suppressed table and a record of each cell suppressed.
public struct SuppressionResult: Sendable, Equatable {
    /// The table to publish.
    public var table: Table
    /// Every suppressed cell, by row then column.
    public var cells: [SuppressedCell]

    public init(table: Table, cells: [SuppressedCell]) {
        self.table = table
        self.cells = cells
    }
}

/// One suppressed cell.
public struct SuppressedCell: Sendable, Hashable {
    /// Why a cell was suppressed.
    public enum Reason: String, Sendable, Hashable {
        /// A count from 1 to the threshold.
        case primary
        /// A count that, with a published total, would give a suppressed one away.
        case secondary
        /// A rate whose numerator or denominator is suppressed.
        case rate
    }

    /// The row (from 0).
    public var row: Int
    public var column: String
    public var reason: Reason

    public init(row: Int, column: String, reason: Reason) {
        self.row = row
        self.column = column
        self.reason = reason
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingCharactersAndSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
