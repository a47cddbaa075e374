/// `fill` in SQL: each row gets the ordinal of its period label; each series' (group's) missing
/// periods become new rows; a window over (series, period) keeps a new row only where no real row
/// has its period; the result is ordered by period, as the in-memory engine orders it.
extension SQLScriptWriter {
    /// Without a `from ... to` range, the periods a series can be completed over (labels outside are
    /// left as they are): 1900 to 2199.
    static let fillYears = 1900...2199

    func fill(_ plan: FillPlan, _ input: SQLRelation) -> SQLRelation {
        let q = dialect.quote
        let int = dialect.typeName(.int)
        let ordinal = hiddenName("p")
        let withOrdinal = shared(
            SQLRelation(
                sql:
                    "SELECT t.*, \(labelOrdinal("t.\(q(input.fields[plan.column].name))", plan.kind)) AS \(q(ordinal))\nFROM \(input.from("t"))",
                fields: input.fields, order: input.order, partition: input.partition), "fill")

        // One row per series: its keys, and the first and last periods to complete it over.
        let keyNames = plan.keyColumns.map { _ in hiddenName("k") }
        let keys = zip(plan.keyColumns, keyNames).map { column, name in
            let value = "t.\(q(input.fields[column].name))"
            let picked =
                input.fields[column].type == .bool ? SQLDialect.fill(dialect.minBool, [value, ""]) : "MIN(\(value))"
            return "\(picked) AS \(q(name))"
        }
        let partition = input.partition.map { "t.\(q($0))" }
        let range =
            // The count makes it an aggregate: one row per series, and one row outside a group even with no rows.
            plan.first.map { first in
                [
                    "CAST(\(first) AS \(int)) AS \(q("lo"))", "CAST(\(plan.last!) AS \(int)) AS \(q("hi"))",
                    "COUNT(*) AS \(q("n"))",
                ]
            }
            ?? ["MIN(t.\(q(ordinal))) AS \(q("lo"))", "MAX(t.\(q(ordinal))) AS \(q("hi"))"]
        let group = partition.isEmpty ? "" : "\nGROUP BY \(partition.joined(separator: ", "))"
        let bounds = SQLRelation(
            sql:
                "SELECT \((partition + keys + range).joined(separator: ", "))\nFROM \(withOrdinal.from("t"))\(group)",
            fields: [], order: nil)
        let seriesRange =
            plan.first.map { ($0, plan.last!) }
            ?? (
                PeriodLabel.ordinal(of: CivilDate(year: Self.fillYears.lowerBound, month: 1, day: 1), plan.kind),
                PeriodLabel.ordinal(of: CivilDate(year: Self.fillYears.upperBound, month: 12, day: 31), plan.kind)
            )
        let series = SQLDialect.fill(dialect.integerSeries, [String(seriesRange.0), String(seriesRange.1)])

        // The real rows, then a candidate row for every period of every series.
        let isNew = hiddenName("new"), have = hiddenName("have")
        let visible = input.fields.map { q($0.name) }
        let real =
            "SELECT \((visible.map { "t.\($0)" } + input.hidden.map { "t.\(q($0))" } + ["t.\(q(ordinal))", "0 AS \(q(isNew))"]).joined(separator: ", "))\nFROM \(withOrdinal.from("t"))"
        var candidate: [String] = []
        for (i, field) in input.fields.enumerated() {
            let type = dialect.typeName(field.type)
            let value: String
            if i == plan.column {
                value = ordinalLabel("s.\(q("value"))", plan.kind)
            } else if let k = plan.keyColumns.firstIndex(of: i) {
                value = "b.\(q(keyNames[k]))"
            } else if let given = plan.defaults[i] {
                value = "CAST(\(literal(given, type: field.type)) AS \(type))"
            } else {
                value = "CAST(NULL AS \(type))"
            }
            candidate.append("\(value) AS \(q(field.name))")
        }
        candidate += (input.order ?? []).map { "NULL AS \(q($0.column))" }
        candidate += input.partition.map { "b.\(q($0))" }
        candidate += ["s.\(q("value")) AS \(q(ordinal))", "1 AS \(q(isNew))"]
        let candidates =
            "SELECT \(candidate.joined(separator: ", "))\nFROM \(bounds.from("b"))\nJOIN (\n\(SQLText.indent(series))\n) AS s\n  ON s.\(q("value")) BETWEEN b.\(q("lo")) AND b.\(q("hi")) AND b.\(q("hi")) - b.\(q("lo")) < 100000"
        let both = SQLRelation(sql: real + "\nUNION ALL\n" + candidates, fields: [], order: nil)
        let over = (input.partition.map { "u.\(q($0))" } + ["u.\(q(ordinal))"]).joined(separator: ", ")
        let counted = SQLRelation(
            sql: "SELECT u.*, SUM(1 - u.\(q(isNew))) OVER (PARTITION BY \(over)) AS \(q(have))\nFROM \(both.from("u"))",
            fields: [], order: nil)
        let kept = visible.map { "u.\($0)" } + (input.hidden + [ordinal]).map { "u.\(q($0))" }
        return SQLRelation(
            sql:
                "SELECT \(kept.joined(separator: ", "))\nFROM \(counted.from("u"))\nWHERE u.\(q(isNew)) = 0 OR u.\(q(have)) = 0",
            fields: input.fields,
            order: [SQLOrderKey(column: ordinal, descending: false, isText: false)] + (input.order ?? []),
            partition: input.partition)
    }
}
