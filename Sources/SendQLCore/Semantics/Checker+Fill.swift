extension Checker {
    /// `fill period by "year" [from "2015" to "2024"] [with n = 0]`.
    mutating func checkFill(
        column: Identifier, kind: Expression, first: Expression?, last: Expression?, defaults: [NamedExpression],
        input: FrameSchema, keyColumns: [Int], span: Span
    ) -> PlanStep? {
        guard let index = input.fields.firstIndex(where: { $0.name == column.name }) else {
            report(
                .unknownColumn, "unknown column `\(column.name)`", column.span,
                notes: suggestion(for: column.name, among: input.names))
            return nil
        }
        guard input.fields[index].type == .string else {
            report(
                .badFill,
                "`fill` completes a column of period labels (text), and `\(column.name)` is \(input.fields[index].type)",
                column.span, notes: ["help: make labels first, e.g. derive period = period(done_date, \"quarter\")"])
            return nil
        }
        guard let kindText = constantText(kind),
            let periodKind = PeriodKind(rawValue: kindText == "rolling12" ? "month" : kindText)
        else {
            report(
                .badFill, "`fill ... by` needs a kind of period", kind.span,
                notes: ["note: the kinds are " + PeriodKind.allCases.map(\.rawValue).joined(separator: ", ")])
            return nil
        }
        var bounds: [Int] = []
        for expression in [first, last].compactMap({ $0 }) {
            guard let text = constantText(expression), let ordinal = PeriodLabel.parse(text, periodKind) else {
                report(
                    .badFill,
                    "the range of `fill` is two \(periodKind.rawValue) labels, like \"\(PeriodLabel.label(of: CivilDate(year: 2019, month: 1, day: 1), periodKind))\"",
                    expression.span)
                return nil
            }
            bounds.append(ordinal)
        }
        var values: [Int: Value] = [:]
        for item in defaults {
            guard let name = item.name, let target = input.fields.firstIndex(where: { $0.name == name.name }) else {
                report(.badFill, "each `with` value names a column: `with numerator = 0`", item.span)
                return nil
            }
            let bound = fold(
                coerce(bindScalar(item.expression, in: FrameSchema(fields: [])), to: .value(input.fields[target].type)))
            guard case .literal(let value) = bound.node,
                bound.type == .value(input.fields[target].type) || bound.type == .null
            else {
                if bound.type != .error {
                    report(
                        .badFill, "`\(name.name)` is \(input.fields[target].type), and its fill value is \(bound.type)",
                        item.expression.span)
                }
                return nil
            }
            values[target] = value
        }
        let plan = FillPlan(
            column: index, kind: periodKind, first: bounds.first, last: bounds.last, defaults: values,
            keyColumns: keyColumns.filter { $0 != index })
        return PlanStep(kind: .fill(plan), span: span, schema: input)
    }
}
