/// The scalar functions in SQL, each giving what the in-memory engine gives (docs/sql.md lists the limits).
extension SQLScriptWriter {
    func scalar(
        _ function: ScalarFunction, _ args: [BoundExpression], _ call: BoundExpression, _ layer: inout SQLLayer
    ) throws(SQLCompileError) -> String {
        let type = call.resultType
        // A conversion of literals is worked out here: PostgreSQL folds constant casts even in a CASE
        // arm it never takes, so `date("")` would stop the query instead of giving null.
        if [.date, .int, .double].contains(function),
            args.allSatisfy({ if case .literal = $0.node { true } else { false } })
        {
            return literal(ExpressionEvaluator(context: context).evaluateConstant(call), type: type)
        }
        var a: [String] = []
        for arg in args { a.append(try expression(arg, &layer)) }
        let text = dialect.typeName(.string)
        func fill(_ template: String, _ values: [String]) -> String { SQLDialect.fill(template, values) }
        switch function {
        case .year: return "CAST(EXTRACT(YEAR FROM \(a[0])) AS BIGINT)"
        case .month: return "CAST(EXTRACT(MONTH FROM \(a[0])) AS BIGINT)"
        case .day: return "CAST(EXTRACT(DAY FROM \(a[0])) AS BIGINT)"
        case .weekday: return fill(dialect.isoWeekday, [a[0]])
        case .quarter: return periodLabel(a[0], .quarter)
        case .yearMonth: return periodLabel(a[0], .month)
        case .academicYear: return periodLabel(a[0], .academicYear)
        case .financialYear: return periodLabel(a[0], .financialYear)
        case .period:
            if case .literal(.string(let name)) = args[1].node {
                guard let kind = PeriodKind(rawValue: name) else { return "CAST(NULL AS \(text))" }
                return periodLabel(a[0], kind)
            }
            let arms = PeriodKind.allCases.map { "WHEN \(dialect.literal($0.rawValue)) THEN \(periodLabel(a[0], $0))" }
            return "(CASE \(a[1]) \(arms.joined(separator: " ")) END)"
        case .monthStart: return fill(dialect.monthStart, [a[0]])
        case .monthEnd: return fill(dialect.monthEnd, [a[0]])
        case .quarterStart: return fill(dialect.quarterStart, [a[0]])
        case .addDays: return fill(dialect.addDays, a)
        case .addMonths: return fill(dialect.addMonths, a)
        case .addWorkingDays: return addWorkingDays(a[0], a[1], &layer)
        case .workingDaysBetween: return workingDaysBetween(a[0], a[1], &layer)
        case .isWorkingDay: return isWorkingDay(a[0], &layer)
        case .today: return literal(.date(context.today), type: .date)
        case .asOf: return literal(.date(context.asOf), type: .date)
        case .date: return a.count == 3 ? fill(dialect.makeDate, a) : fill(dialect.textToDate, a)
        case .days: return a[0]
        case .weeks: return "(CAST(\(a[0]) AS \(dialect.typeName(.double))) / 7)"
        case .lower, .upper, .trim: return "\(function.rawValue)(\(a[0]))"
        case .length: return "CAST(length(\(a[0])) AS BIGINT)"
        case .contains: return "(position(\(a[1]) IN \(a[0])) > 0)"
        case .startsWith: return "(left(\(a[0]), CAST(length(\(a[1])) AS INTEGER)) = \(a[1]))"
        case .endsWith: return "(right(\(a[0]), CAST(length(\(a[1])) AS INTEGER)) = \(a[1]))"
        case .concat:
            var pieces: [String] = []
            for (arg, sql) in zip(args, a) { pieces.append("COALESCE(\(try asText(arg, sql)), '')") }
            return pieces.isEmpty ? "''" : "(" + pieces.joined(separator: " || ") + ")"
        case .replace: return "replace(\(a[0]), \(a[1]), \(a[2]))"
        case .substring:
            func bounded(_ x: String, low: Int) -> String {
                "CAST(LEAST(GREATEST(\(x), \(low)), 1000000000) AS INTEGER)"
            }
            return "substr(\(a[0]), \(bounded(a[1], low: 1)), \(bounded(a[2], low: 0)))"
        case .round: return round(a[0], digits: args.count > 1 ? args[1] : nil, a.count > 1 ? a[1] : nil)
        case .abs: return "abs(\(a[0]))"
        case .floor, .ceil: return "CAST(\(function.rawValue)(\(a[0])) AS BIGINT)"
        case .coalesce, .greatest, .least:
            var typedArgs: [String] = []
            for arg in args { typedArgs.append(try typed(arg, as: type, &layer)) }
            return "\(function.rawValue.uppercased())(\(typedArgs.joined(separator: ", ")))"
        case .int: return try convert(args[0], a[0], to: .int, call)
        case .double: return try convert(args[0], a[0], to: .double, call)
        case .string: return try asText(args[0], a[0])
        case .rag: return rag(a)
        case .direction: return direction(a)
        case .previousPeriod, .samePeriodLastYear:
            let cases = labelReadings(a[0]).map { kind, ordinal in
                let back = function == .previousPeriod ? 1 : PeriodLabel.periodsPerYear(kind)
                return "WHEN \(ordinal) IS NOT NULL THEN \(ordinalLabel("\(ordinal) - \(back)", kind))"
            }
            return "(CASE \(cases.joined(separator: " ")) END)"
        }
    }

    /// Half away from zero, as a published percentage is rounded (the engines' own `round` differ).
    private func round(_ value: String, digits: BoundExpression?, _ digitsSQL: String?) -> String {
        let double = dialect.typeName(.double)
        let scale: String
        if let digits, case .literal(.int(let n)) = digits.node {
            let places = Int(max(-15, min(15, n)))
            var r = 1.0
            for _ in 0..<Swift.abs(places) { r *= 10 }
            scale = literal(.double(places < 0 ? 1 / r : r), type: .double)
        } else if let digitsSQL {
            scale = "POWER(CAST(10 AS \(double)), GREATEST(-15, LEAST(15, \(digitsSQL))))"
        } else {
            scale = literal(.double(1), type: .double)
        }
        let scaled = "(\(value) * \(scale))"
        return
            "(CAST(CASE WHEN \(scaled) >= 0 THEN floor(\(scaled) + 0.5) ELSE ceil(\(scaled) - 0.5) END AS \(double)) / \(scale))"
    }

    /// int() and double(): text that does not read as a number gives null, as in memory.
    private func convert(
        _ arg: BoundExpression, _ x: String, to type: DataType, _ call: BoundExpression
    )
        throws(SQLCompileError) -> String
    {
        let name = dialect.typeName(type)
        switch arg.resultType {
        case .int, .duration: return type == .int ? x : "CAST(\(x) AS \(name))"
        case .double: return type == .int ? SQLDialect.fill(dialect.truncateToInt, [x]) : x
        case .bool:
            return
                "(CASE WHEN \(x) THEN \(type == .int ? "1" : "1.0") WHEN NOT \(x) THEN \(type == .int ? "0" : "0.0") END)"
        case .string:
            if case .literal(.null) = arg.node { return "CAST(NULL AS \(name))" }
            return SQLDialect.fill(type == .int ? dialect.textToInt : dialect.textToDouble, [x])
        case .date:
            return type == .int
                ? SQLDialect.fill(dialect.daysBetween, [x, "DATE '1970-01-01'"]) : "CAST(NULL AS \(name))"
        }
    }

    /// string(), and each argument of concat(): a value as the in-memory engine prints it.
    func asText(_ arg: BoundExpression, _ x: String) throws(SQLCompileError) -> String {
        let text = dialect.typeName(.string)
        switch arg.resultType {
        case .string: return x
        case .int, .duration, .date: return "CAST(\(x) AS \(text))"
        case .bool: return "(CASE WHEN \(x) THEN 'true' WHEN NOT \(x) THEN 'false' END)"
        case .double:
            throw SQLCompileError(
                code: .unsupportedFunction,
                message:
                    "a double as text cannot be compiled for \(dialect.name): the engines print doubles differently",
                span: arg.span, notes: ["help: round it first and show it as an int: string(int(round(x)))"])
        }
    }

    private func rag(_ a: [String]) -> String {
        let (value, target) = (a[0], a[1])
        let better = a.count > 2 ? a[2] : "'higher'"
        let amber = a.count > 3 ? a[3] : literal(.double(0.1), type: .double)
        let shortfall = "(CASE WHEN \(better) = 'higher' THEN \(target) - \(value) ELSE \(value) - \(target) END)"
        return "(CASE WHEN \(value) IS NULL OR \(target) IS NULL OR \(amber) IS NULL OR \(better) IS NULL"
            + " OR \(better) NOT IN ('higher', 'lower') THEN NULL"
            + " WHEN \(shortfall) <= 0 THEN 'green' WHEN \(shortfall) <= \(amber) * abs(\(target)) THEN 'amber'"
            + " ELSE 'red' END)"
    }

    private func direction(_ a: [String]) -> String {
        let (value, better) = (a[0], a[1])
        let tolerance = a.count > 2 ? a[2] : literal(.double(0.5), type: .double)
        return "(CASE WHEN \(value) IS NULL OR \(better) IS NULL OR \(tolerance) IS NULL"
            + " OR \(better) NOT IN ('higher', 'lower') THEN NULL"
            + " WHEN abs(\(value)) < \(tolerance) THEN 'flat'"
            + " WHEN (CASE WHEN \(better) = 'higher' THEN \(value) ELSE -(\(value)) END) > 0 THEN 'improving'"
            + " ELSE 'worsening' END)"
    }
}
