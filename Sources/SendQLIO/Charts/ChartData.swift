import SendQLCore

/// One point of a series: a value, nothing (a null, drawn as a gap) or a suppressed value.
enum ChartPoint: Sendable, Equatable {
    case value(Double)
    case missing
    case suppressed

    var number: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}

/// A line, or the bars of one colour: a point per category.
struct ChartSeries: Sendable, Equatable {
    var name: String
    var isBenchmark: Bool
    var points: [ChartPoint]
    /// This series' own target, from the spec's target column (nil: the chart's target, if any).
    var target: Double? = nil
}

/// The categories and series a chart shows, taken from a table and checked against the spec.
struct ChartData: Sendable, Equatable {
    /// The x labels, distinct, in the order they first appear in the table.
    var categories: [String]
    /// Main series first (in table order), then benchmarks (in the order the spec names them).
    var series: [ChartSeries]
    /// The y column holds whole numbers (labels drop the decimals).
    var integers: Bool
    /// The y column looks like a percentage (see `SVGChartRenderer`).
    var looksLikePercent: Bool

    /// Main series count.
    var mainCount: Int { series.filter { !$0.isBenchmark }.count }

    /// Every value drawn.
    var values: [Double] { series.flatMap { $0.points.compactMap(\.number) } }

    /// The targets of the main series, when they have their own.
    var seriesTargets: [Double] { series.compactMap(\.target) }

    /// The most main series a chart shows.
    static let maximumSeries = 8
    /// The most categories a chart shows.
    static let maximumCategories = 400

    static func extract(_ table: Table, _ spec: ChartSpec) throws(Diagnostic) -> ChartData {
        func column(_ name: String, role: String) throws(Diagnostic) -> Column {
            guard let column = table.column(named: name) else {
                throw Diagnostic(
                    .badChart,
                    "chart \(role): no column named \(name) (the table has \(table.schema.names.joined(separator: ", ")))"
                )
            }
            return column
        }
        let xColumn = try column(spec.x, role: "x")
        let yColumn = try column(spec.y, role: "y")
        let seriesColumn: Column? = if let name = spec.series { try column(name, role: "series") } else { nil }
        var benchmarkColumns: [Column] = []
        for name in spec.benchmarkColumns {
            let benchmark = try column(name, role: "benchmark")
            guard benchmark.type.isNumeric || benchmark.nullCount == benchmark.count else {
                throw Diagnostic(
                    .badChart, "chart benchmark column \(name) is \(benchmark.type); a benchmark needs numbers")
            }
            benchmarkColumns.append(benchmark)
        }
        let yPoints = try points(of: yColumn, name: spec.y, marker: spec.suppressionMarker)
        let targetColumn: Column? = if let name = spec.targetColumn { try column(name, role: "target") } else { nil }
        if spec.rag && spec.target == nil && targetColumn == nil {
            throw Diagnostic(
                .badChart, "chart: RAG colours need a target to rate against",
                notes: ["help: give a target, e.g. target=90"])
        }
        if let target = spec.target, !target.value.isFinite {
            throw Diagnostic(.badChart, "chart: the target must be a finite number")
        }

        // Categories and series names in table order; lookups through dictionaries only.
        var categories: [String] = []
        var categoryIndex: [String: Int] = [:]
        var seriesNames: [String] = []
        var seriesIndex: [String: Int] = [:]
        var rowsOf: [[Int?]] = []  // [series][category] -> row
        for row in 0..<table.rowCount {
            let category = label(xColumn[row])
            let categoryNumber: Int
            if let known = categoryIndex[category] {
                categoryNumber = known
            } else {
                categoryNumber = categories.count
                categoryIndex[category] = categoryNumber
                categories.append(category)
                for s in rowsOf.indices { rowsOf[s].append(nil) }
            }
            let seriesName = seriesColumn.map { label($0[row]) } ?? (spec.yTitle ?? spec.y)
            let seriesNumber: Int
            if let known = seriesIndex[seriesName] {
                seriesNumber = known
            } else {
                seriesNumber = seriesNames.count
                seriesIndex[seriesName] = seriesNumber
                seriesNames.append(seriesName)
                rowsOf.append([Int?](repeating: nil, count: categories.count))
            }
            if let earlier = rowsOf[seriesNumber][categoryNumber] {
                let which = seriesColumn == nil ? "" : " and \(spec.series!) \(seriesName)"
                throw Diagnostic(
                    .badChart,
                    "chart: two rows for \(spec.x) \(category)\(which) (rows \(earlier + 1) and \(row + 1)); a point needs one value",
                    notes: [
                        seriesColumn == nil && table.schema.names.contains("breakdown")
                            ? "help: filter to one breakdown, e.g. `where breakdown == \"\"`, or give series=breakdown"
                            : "help: aggregate first, or give a series column that tells the rows apart"
                    ])
            }
            rowsOf[seriesNumber][categoryNumber] = row
        }
        guard categories.count <= maximumCategories else {
            throw Diagnostic(
                .badChart,
                "chart: \(categories.count) values of \(spec.x) are too many to draw (at most \(maximumCategories))",
                notes: ["help: filter to fewer periods, or group by a longer period"])
        }
        for name in spec.benchmarkSeries where seriesIndex[name] == nil {
            throw Diagnostic(
                .badChart,
                spec.series == nil
                    ? "chart: benchmark \(name) needs a series column whose values name it"
                    : "chart: no benchmark \(name): the series column \(spec.series!) has \(seriesNames.joined(separator: ", "))"
            )
        }
        let benchmarkNames = Set(spec.benchmarkSeries)
        var series: [ChartSeries] = []
        for (number, name) in seriesNames.enumerated() where !benchmarkNames.contains(name) {
            let target = try targetColumn.flatMap { column throws(Diagnostic) in
                try seriesTarget(column, rows: rowsOf[number].compactMap { $0 }, series: name, spec: spec)
            }
            series.append(
                ChartSeries(
                    name: name, isBenchmark: false,
                    points: rowsOf[number].map { $0.map { yPoints[$0] } ?? .missing }, target: target))
        }
        guard series.count <= maximumSeries else {
            throw Diagnostic(
                .badChart, "chart: \(series.count) series are too many to tell apart (at most \(maximumSeries))",
                notes: ["help: filter to fewer values of \(spec.series ?? spec.y)"])
        }
        if spec.rag && spec.kind == .bar && series.count > 1 {
            throw Diagnostic(
                .badChart, "chart: RAG colours on bars need a single series; these bars have \(series.count)",
                notes: [
                    "help: draw a line chart (points are coloured, lines keep their colours), or filter to one series"
                ])
        }
        for name in spec.benchmarkSeries {
            let number = seriesIndex[name]!
            series.append(
                ChartSeries(
                    name: name, isBenchmark: true,
                    points: rowsOf[number].map { $0.map { yPoints[$0] } ?? .missing }))
        }
        for (name, benchmark) in zip(spec.benchmarkColumns, benchmarkColumns) {
            var values = [ChartPoint](repeating: .missing, count: categories.count)
            for row in 0..<table.rowCount {
                guard let value = number(benchmark[row]) else { continue }
                let category = categoryIndex[label(xColumn[row])]!
                if let earlier = values[category].number, earlier != value {
                    throw Diagnostic(
                        .badChart,
                        "chart: benchmark column \(name) has two values for \(spec.x) \(categories[category]) (\(format(earlier)) and \(format(value)))"
                    )
                }
                values[category] = .value(value)
            }
            series.append(ChartSeries(name: name, isBenchmark: true, points: values))
        }

        let integers: Bool
        switch yColumn.type {
        case .int, .duration: integers = true
        case .string: integers = yPoints.allSatisfy { ($0.number ?? 0) == ($0.number ?? 0).rounded() }
        default: integers = false
        }
        let names = Set(table.schema.names)
        let lowered = spec.y.lowercased()
        let percentName =
            lowered.contains("pct") || lowered.contains("percent") || lowered.contains("rate") || lowered.hasSuffix("%")
        let pctTriplet = names.contains(spec.y + "_numerator") && names.contains(spec.y + "_denominator")
        let kpiPack = spec.y == "value" && names.contains("numerator") && names.contains("denominator")
        return ChartData(
            categories: categories, series: series, integers: integers,
            looksLikePercent: percentName || pctTriplet || kpiPack)
    }

    /// The one target of a series' rows (nulls aside), or nil when none has one.
    private static func seriesTarget(
        _ column: Column, rows: [Int], series: String, spec: ChartSpec
    ) throws(Diagnostic) -> Double? {
        var target: Double?
        for row in rows {
            guard let value = number(column[row]) else { continue }
            if let earlier = target, earlier != value {
                throw Diagnostic(
                    .badChart,
                    "chart: series \(series) has two targets in \(spec.targetColumn!) (\(format(earlier)) and \(format(value))); a series has one target",
                    notes: ["help: give the series column a value per target, or chart the measures apart"])
            }
            target = value
        }
        return target
    }

    /// The points of the y column: numbers, nulls, and (in a string column) the suppression marker.
    private static func points(of column: Column, name: String, marker: String) throws(Diagnostic) -> [ChartPoint] {
        var out: [ChartPoint] = []
        out.reserveCapacity(column.count)
        for row in 0..<column.count {
            let value = column[row]
            switch value {
            case .null: out.append(.missing)
            case .int(let v), .duration(let v): out.append(.value(Double(v)))
            case .double(let v): out.append(v.isFinite ? .value(v) : .missing)
            case .string(let text):
                if text == marker {
                    out.append(.suppressed)
                } else if text.isEmpty {
                    out.append(.missing)
                } else if SpreadsheetSafety.isPlainNumber(text), let v = Double(text) {
                    out.append(.value(v))
                } else {
                    throw Diagnostic(
                        .badChart, "chart y: column \(name) holds \"\(text)\" on row \(row + 1); a chart needs numbers",
                        notes: [
                            "note: a text column is accepted only when it holds numbers, empty cells and \"\(marker)\" (suppressed)"
                        ])
                }
            default:
                throw Diagnostic(.badChart, "chart y: column \(name) is \(column.type); a chart needs numbers")
            }
        }
        return out
    }

    private static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let v): return Double(v)
        case .double(let v): return v.isFinite ? v : nil
        default: return nil
        }
    }

    /// A category or series label: the value as plain text, "(missing)" for null.
    private static func label(_ value: Value) -> String {
        value.isNull ? "(missing)" : ResultRenderer.plainText(value)
    }

    private static func format(_ value: Double) -> String { ResultRenderer.plainText(.double(value)) }
}
