/// Aggregates (in `aggregate`, and over a group in `derive`) and window functions in SQL.
extension SQLScriptWriter {
    /// The SQL of each slot of an aggregate (three for pct: value, numerator, denominator).
    /// `over` is the window clause when it runs as a window (`derive n = count()`), else empty.
    func aggregate(
        _ a: BoundAggregate, _ layer: inout SQLLayer, over: String = ""
    ) throws(SQLCompileError)
        -> [String]
    {
        let double = dialect.typeName(.double)
        let filter = try a.filter.map { (f) throws(SQLCompileError) in try expression(f, &layer) }
        let value = try a.argument.map { (x) throws(SQLCompileError) in try expression(x, &layer) }
        let argumentType = a.argument?.resultType ?? .int
        func only(_ x: String) -> String { filter.map { "CASE WHEN \($0) THEN \(x) END" } ?? x }
        let resultType = a.type.dataType ?? .int
        switch a.function {
        case .count:
            guard let value else { return ["COUNT(\(filter == nil ? "*" : only("1")))\(over)"] }
            return ["COUNT(\(only(value)))\(over)"]
        case .countDistinct:
            guard over.isEmpty || dialect.name != SQLDialect.postgres.name else {
                throw unsupported(
                    "count_distinct in derive", a.span, "aggregate it in a `group` and join the result back")
            }
            return ["COUNT(DISTINCT \(only(value!)))\(over)"]
        case .sum: return ["CAST(SUM(\(only(value!)))\(over) AS \(dialect.typeName(resultType)))"]
        case .avg: return ["AVG(CAST(\(only(value!)) AS \(double)))\(over)"]
        case .min, .max:
            if argumentType == .bool {
                return [SQLDialect.fill(a.function == .min ? dialect.minBool : dialect.maxBool, [only(value!), over])]
            }
            let collation = argumentType == .string ? dialect.binaryCollation : ""
            return ["\(a.function.rawValue.uppercased())(\(only(value!))\(collation))\(over)"]
        case .median, .percentile:
            guard argumentType != .date else {
                throw unsupported(
                    "\(a.function.rawValue) of dates", a.span,
                    "take the median of days since a date: median(d - date(\"2000-01-01\"))")
            }
            guard over.isEmpty || dialect.percentileAsWindow else {
                throw unsupported(
                    "\(a.function.rawValue) in derive", a.span, "aggregate it in a `group` and join the result back")
            }
            let fraction = literal(.double(a.function == .median ? 0.5 : a.fraction ?? 0.5), type: .double)
            let percentile = SQLDialect.fill(
                dialect.percentile, ["CAST(\(only(value!)) AS \(double))", fraction, over])
            return ["CAST(\(percentile) AS \(dialect.typeName(resultType)))"]
        case .stddev: return ["STDDEV_SAMP(CAST(\(only(value!)) AS \(double)))\(over)"]
        case .first, .last:
            guard over.isEmpty else {
                throw unsupported(
                    "\(a.function.rawValue)() in derive", a.span,
                    "`group k (sort o | take 1)` picks the first row in an order")
            }
            guard let order = layer.order, !order.isEmpty else { throw needsOrder("\(a.function.rawValue)()", a.span) }
            guard let template = dialect.firstInOrder else {
                return [pickBySorting(value!, order, filter: filter, last: a.function == .last)]
            }
            let list = orderList(order, reversed: a.function == .last)
            return [SQLDialect.fill(template, [value!, list, filter.map { " FILTER (WHERE \($0))" } ?? ""])]
        case .pct:
            let test = value!
            let numerator =
                "COUNT(\(filter.map { "CASE WHEN \($0) AND \(test) THEN 1 END" } ?? "CASE WHEN \(test) THEN 1 END"))\(over)"
            let denominator = "COUNT(\(only(test)))\(over)"
            let rate = "(100 * CAST(\(numerator) AS \(double)) / NULLIF(CAST(\(denominator) AS \(double)), 0))"
            return [rate, numerator, denominator]
        case .trendSlope:
            let label = try expression(a.period!, &layer)
            let years = labelReadings(label).map { kind, ordinal in
                "WHEN \(ordinal) IS NOT NULL THEN CAST(\(ordinal) AS \(double)) / \(PeriodLabel.periodsPerYear(kind))"
            }
            let time = "(CASE \(years.joined(separator: " ")) END)"
            return ["regr_slope(CAST(\(only(value!)) AS \(double)), \(only(time)))\(over)"]
        }
    }

    /// A window function call over the layer's partition and order.
    func window(_ w: BoundWindow, _ layer: inout SQLLayer) throws(SQLCompileError) -> String {
        let partition = layer.partition.isEmpty ? "" : "PARTITION BY " + layer.partition.joined(separator: ", ")
        guard let function = w.function else {
            return try aggregate(w.aggregate!, &layer, over: " OVER (\(partition))")[0]
        }
        func ordered() throws(SQLCompileError) -> String {
            guard let order = layer.order, !order.isEmpty else { throw needsOrder("\(function.rawValue)()", w.span) }
            return "OVER (\(partition.isEmpty ? "" : partition + " ")ORDER BY \(orderList(order)))"
        }
        let value = try w.argument.map { (x) throws(SQLCompileError) in try expression(x, &layer) }
        let running = " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
        switch function {
        case .rowNumber: return "ROW_NUMBER() \(try ordered())"
        case .rank, .denseRank:
            let key = SQLOrderKey(column: value!, descending: w.descending, isText: w.argument!.resultType == .string)
            let over = "OVER (\(partition.isEmpty ? "" : partition + " ")ORDER BY \(orderList([(value!, key)])))"
            let call = function == .rank ? "RANK()" : "DENSE_RANK()"
            return "(CASE WHEN \(value!) IS NULL THEN NULL ELSE \(call) \(over) END)"
        case .lag, .lead:
            var arguments = [value!, String(w.offset)]
            if let fallback = w.defaultValue {
                arguments.append(try typed(fallback, as: w.argument!.resultType, &layer))
            }
            return "\(function == .lag ? "LAG" : "LEAD")(\(arguments.joined(separator: ", "))) \(try ordered())"
        case .runningSum:
            let over = try ordered().dropLast() + running + ")"
            return "CAST(SUM(\(value!)) \(over) AS \(dialect.typeName(w.type.dataType ?? .int)))"
        case .runningCount: return "COUNT(\(value!)) \(try ordered().dropLast() + running + ")")"
        case .runningMin, .runningMax:
            let over = try ordered().dropLast() + running + ")"
            let type = w.argument!.resultType
            if type == .bool {
                return "\(function == .runningMin ? "bool_and" : "bool_or")(\(value!)) \(over)"
            }
            let collation = type == .string ? dialect.binaryCollation : ""
            return "\(function == .runningMin ? "MIN" : "MAX")(\(value!)\(collation)) \(over)"
        case .change:
            let previous = "LAG(\(value!), 1) \(try ordered())"
            if w.argument!.resultType == .date { return SQLDialect.fill(dialect.daysBetween, [value!, previous]) }
            return "(\(value!) - \(previous))"
        case .changeOnYear:
            // The row a year earlier is the one whose label, read as the same kind, has the ordinal a
            // year less: a window over that reading, with a frame of exactly that ordinal.
            let label = try expression(w.period!, &layer)
            let cases = labelReadings(label).map { kind, ordinal in
                let back = PeriodLabel.periodsPerYear(kind)
                let frame =
                    "OVER (\(partition.isEmpty ? "" : partition + " ")ORDER BY \(ordinal) ASC RANGE BETWEEN \(back) PRECEDING AND \(back) PRECEDING)"
                return "WHEN \(ordinal) IS NOT NULL THEN \(value!) - LAST_VALUE(\(value!)) \(frame)"
            }
            return "(CASE \(cases.joined(separator: " ")) END)"
        }
    }

    /// first() and last() without an ordered aggregate (Spark SQL): the group's rows as structs of
    /// their order keys and the value, sorted by a comparator that orders as `orderList` does (text by
    /// code point, nulls last), then the first or the last element.
    private func pickBySorting(
        _ value: String, _ order: [(column: String, key: SQLOrderKey)], filter: String?, last: Bool
    ) -> String {
        let fields = order.enumerated().map { i, key in "'k\(i)', \(key.column)" } + ["'v', \(value)"]
        var item = "named_struct(\(fields.joined(separator: ", ")))"
        if let filter { item = "CASE WHEN \(filter) THEN \(item) END" }
        var comparison = "0"
        for (i, key) in order.enumerated().reversed() {
            let (l, r) = ("l.k\(i)", "r.k\(i)")
            let (before, after) = key.key.descending ? ("1", "-1") : ("-1", "1")
            comparison =
                "CASE WHEN \(l) IS NULL AND \(r) IS NULL THEN \(comparison) WHEN \(l) IS NULL THEN 1 WHEN \(r) IS NULL THEN -1 "
                + "WHEN \(l) < \(r) THEN \(before) WHEN \(l) > \(r) THEN \(after) ELSE \(comparison) END"
        }
        return "try_element_at(array_sort(collect_list(\(item)), (l, r) -> \(comparison)), \(last ? -1 : 1)).v"
    }

    func unsupported(_ what: String, _ span: Span?, _ help: String) -> SQLCompileError {
        SQLCompileError(
            code: .unsupportedFunction, message: "\(what) cannot be compiled for \(dialect.name)", span: span,
            notes: ["help: \(help)"])
    }

    func needsOrder(_ what: String, _ span: Span?) -> SQLCompileError {
        SQLCompileError(
            code: .needsOrder,
            message: "\(what) depends on the order of the rows, and a database table has none",
            span: span, notes: ["help: `sort` the rows first, so that the order is the same in every engine"])
    }
}
