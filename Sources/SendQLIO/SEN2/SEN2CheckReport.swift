import SendQLCore

/// The measures of an SEN2 return for a calendar year, each beside DfE's published figure for the LA.
struct SEN2CheckReport {
    struct Row {
        var measure: String
        var breakdown: String
        var numerator: Int?
        var denominator: Int?
        var published: Published?
    }

    /// The LA's figure in a DfE file.
    struct Published {
        var file: String
        var line: Int
        var numerator: Int?
        var denominator: Int?
        var percent: Double?
    }

    let path: String
    let la: String
    let collection: Int?
    let year: Int
    let census: String
    private(set) var rows: [Row] = []
    var flags: [Diagnostic] = []

    static let labels = [
        "ehcp_20wk": "Plans within 20 weeks (excl. exceptions)",
        "ehcp_20wk_incl": "Plans within 20 weeks (incl. exceptions)",
        "ehcp_20_52wk": "Plans in 20 to 52 weeks (excl. exceptions)",
        "ehcp_over_52wk": "Plans in over 52 weeks (excl. exceptions)",
        "week20_exception": "Plans with the Week20 exception flag",
        "decision_6wk": "Decisions to assess within 6 weeks",
        "caseload": "Plans at the census",
    ]

    init(path: String, la: String, collection: Int?, year: Int, census: String, figures: Table) {
        self.path = path
        self.la = la
        self.collection = collection
        self.year = year
        self.census = census
        for values in figures.rows {
            func int(_ value: Value) -> Int? { if case .int(let n) = value { Int(n) } else { nil } }
            rows.append(
                Row(
                    measure: values[0].description, breakdown: values[1].description,
                    numerator: int(values[2]), denominator: int(values[3])))
        }
        // A need's share of the caseload: the total is the denominator.
        let total = rows.first { $0.measure == "caseload" && $0.breakdown.isEmpty }?.numerator
        for index in rows.indices where rows[index].measure == "caseload" && !rows[index].breakdown.isEmpty {
            rows[index].denominator = total
        }
    }

    func row(_ measure: String) -> Row? { rows.first { $0.measure == measure && $0.breakdown.isEmpty } }

    /// Puts the LA's published row (its first, should a file repeat it) beside the measure.
    mutating func addPublished(_ measure: String, file: String, rows table: Table) {
        guard let values = table.rows.first,
            let index = rows.firstIndex(where: { $0.measure == measure && $0.breakdown.isEmpty })
        else { return }
        func number(_ value: Value) -> Double? {
            switch value {
            case .int(let n): Double(n)
            case .double(let d): d
            default: nil
            }
        }
        rows[index].published = Published(
            file: file, line: number(values[0]).map { Int($0) } ?? 0, numerator: number(values[1]).map { Int($0) },
            denominator: number(values[2]).map { Int($0) }, percent: number(values[3]))
    }

    /// The report as text: a heading, then one line per measure.
    func render(dfe: [String]) -> String {
        var text = "SEN2 return \(path): LA \(la.isEmpty ? "unknown" : la)"
        if let collection { text += ", collection \(collection)" }
        text += "; plans and decisions in \(year), caseload at the census on \(census)\n"
        text +=
            dfe.isEmpty
            ? "No DfE statistics given (--dfe DIR): only the return's own figures.\n"
            : "Beside each: the LA's published figure in \(dfe.joined(separator: ", ")), and ours minus it.\n"
        text += "\n"
        var table: [(String, Column)] = []
        func strings(_ values: [String?]) -> Column {
            Column(type: .string, values: values.map { $0.map(Value.string) ?? .null })
        }
        func ints(_ values: [Int?]) -> Column {
            Column(type: .int, values: values.map { $0.map { .int(Int64($0)) } ?? .null })
        }
        func doubles(_ values: [Double?]) -> Column {
            Column(type: .double, values: values.map { $0.map(Value.double) ?? .null })
        }
        let percent: (Row) -> Double? = { row in
            guard row.measure != "caseload" || !row.breakdown.isEmpty,
                let numerator = row.numerator, let denominator = row.denominator, denominator > 0
            else { return nil }
            return (Double(numerator) * 1000 / Double(denominator)).rounded() / 10
        }
        table.append(
            (
                "measure",
                strings(
                    rows.map { row in
                        (Self.labels[row.measure] ?? row.measure) + (row.breakdown.isEmpty ? "" : ": " + row.breakdown)
                    })
            ))
        table.append(("numerator", ints(rows.map(\.numerator))))
        table.append(
            ("denominator", ints(rows.map { $0.measure == "caseload" && $0.breakdown.isEmpty ? nil : $0.denominator })))
        table.append(("percent", doubles(rows.map(percent))))
        if !dfe.isEmpty {
            table.append(("dfe_numerator", ints(rows.map { $0.published?.numerator })))
            table.append(("dfe_denominator", ints(rows.map { $0.published?.denominator })))
            table.append(("dfe_percent", doubles(rows.map { $0.published?.percent })))
            table.append(
                (
                    "difference",
                    strings(
                        rows.map { row in
                            guard let published = row.published else { return nil }
                            if let ours = percent(row), let theirs = published.percent {
                                return Self.signed((ours - theirs) * 10, unit: " pts")
                            }
                            if let ours = row.numerator, let theirs = published.numerator {
                                return Self.signed(Double(ours - theirs) * 10, unit: "")
                            }
                            return nil
                        })
                ))
            table.append(("dfe_row", strings(rows.map { row in row.published.map { "\($0.file):\($0.line)" } })))
        }
        text += TableRenderer(nullText: "-", decimals: 1).render(Table(table))
        if !dfe.isEmpty, rows.contains(where: { $0.measure == "caseload" && !$0.breakdown.isEmpty }) {
            text += "DfE's caseload by primary need is in sen_needs_all_plans.csv, which these files do not include.\n"
        }
        return text
    }

    /// A difference in tenths, with its sign: `+1.5 pts`, `-3`, `0`.
    private static func signed(_ tenths: Double, unit: String) -> String {
        let rounded = tenths.rounded()
        let whole = rounded.truncatingRemainder(dividingBy: 10) == 0
        let number = whole ? String(Int(rounded / 10)) : String(format: "%.1f", rounded / 10)
        return (rounded > 0 ? "+" : "") + number + unit
    }
}
