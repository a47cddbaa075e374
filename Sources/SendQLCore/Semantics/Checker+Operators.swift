extension Checker {
    /// Types a binary operator, rewriting calendar spans (`date + 12 months`) into calls.
    mutating func bindBinary(
        _ op: BinaryOperator, _ lhs: BoundExpression, _ rhs: BoundExpression, span: Span
    ) -> BoundExpression {
        if lhs.type == .error || rhs.type == .error { return Self.errorExpression(span) }
        let l = lhs.type, r = rhs.type
        func make(_ type: ExprType, _ a: BoundExpression = lhs, _ b: BoundExpression = rhs) -> BoundExpression {
            BoundExpression(.binary(op, a, b), type: type, span: span)
        }
        func mismatch(_ hint: String? = nil) -> BoundExpression {
            report(
                .typeMismatch, "cannot apply `\(op.rawValue)` to \(l) and \(r)", span, notes: hint.map { [$0] } ?? [])
            return Self.errorExpression(span)
        }
        switch op {
        case .add, .subtract:
            if l == .date && (r == .months || r == .workingDays) {
                guard case .literal(.int(var amount)) = rhs.node else { return mismatch() }
                if op == .subtract { amount = -amount }
                let count = BoundExpression(.literal(.int(amount)), type: .int, span: rhs.span)
                let function: ScalarFunction = r == .months ? .addMonths : .addWorkingDays
                return BoundExpression(.scalar(function, [lhs, count]), type: .date, span: span)
            }
            if r == .months || r == .workingDays || l == .months || l == .workingDays {
                return mismatch(
                    "help: a span of \(r == .months || l == .months ? "months" : "working days") can only be added to or taken from a date"
                )
            }
            if let numeric = arithmeticType(l, r) {
                return make(numeric, coerce(lhs, to: numeric), coerce(rhs, to: numeric))
            }
            switch (op, l, r) {
            case (_, .date, .duration), (_, .date, .null): return make(.date)
            case (.add, .duration, .date), (.add, .null, .date): return make(.date)
            case (.subtract, .date, .date): return make(.duration)
            case (_, .duration, .duration), (_, .duration, .null), (_, .null, .duration): return make(.duration)
            case (.add, .string, .string), (.add, .string, .null), (.add, .null, .string): return make(.string)
            case (.subtract, .null, .date): return make(.duration)
            case (_, .duration, .int), (_, .int, .duration):
                return mismatch("help: write the number as a duration, e.g. `42 days`")
            case (_, .date, .int):
                return mismatch("help: write the number as a duration, e.g. `\(op.rawValue) 42 days`")
            default: return mismatch()
            }
        case .multiply:
            if let numeric = arithmeticType(l, r) {
                return make(numeric, coerce(lhs, to: numeric), coerce(rhs, to: numeric))
            }
            if (l == .duration && (r == .int || r == .null)) || ((l == .int || l == .null) && r == .duration) {
                return make(.duration)
            }
            return mismatch()
        case .divide:
            if arithmeticType(l, r) != nil { return make(.double, widen(lhs), widen(rhs)) }
            if l == .duration && r == .duration { return make(.double) }
            return mismatch(l == .duration ? "help: divide by a duration (`days / 7 days`) to get a number" : nil)
        case .modulo:
            if let numeric = arithmeticType(l, r) {
                return make(numeric, coerce(lhs, to: numeric), coerce(rhs, to: numeric))
            }
            return mismatch()
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if l == .null || r == .null {
                let fix = op == .notEqual ? "is not null" : "is null"
                report(
                    .comparisonWithNull, "comparing with null never gives true or false", span,
                    notes: ["help: test for a missing value with `\(fix)`"])
                return Self.errorExpression(span)
            }
            guard let unified = ExprType.unify(l, r), unified.dataType != nil else {
                var hint: String? = nil
                if (l == .duration && r.isNumeric) || (r == .duration && l.isNumeric) {
                    hint = "help: write the number as a duration, e.g. `42 days` or `6 weeks`"
                } else if (l == .date && r == .string) || (l == .string && r == .date) {
                    hint = "help: write a date literal as @2019-03-31"
                }
                report(.typeMismatch, "cannot compare \(l) with \(r)", span, notes: hint.map { [$0] } ?? [])
                return Self.errorExpression(span)
            }
            if unified == .bool && op != .equal && op != .notEqual {
                return mismatch()
            }
            return make(.bool, coerce(lhs, to: unified), coerce(rhs, to: unified))
        case .and, .or:
            for side in [lhs, rhs] where side.type != .bool && side.type != .null {
                report(.typeMismatch, "`\(op.rawValue)` needs true/false on both sides, found \(side.type)", side.span)
                return Self.errorExpression(span)
            }
            return make(.bool)
        case .coalesce:
            guard let unified = ExprType.unify(l, r), unified.dataType != nil || unified == .null else {
                return mismatch()
            }
            return make(unified, coerce(lhs, to: unified), coerce(rhs, to: unified))
        }
    }

    /// int op int is int; any other mix of numbers is double; nil when not both numeric (null counts as numeric beside one).
    func arithmeticType(_ l: ExprType, _ r: ExprType) -> ExprType? {
        switch (l, r) {
        case (.int, .int), (.int, .null), (.null, .int): return .int
        case (.double, .double), (.double, .int), (.int, .double), (.double, .null), (.null, .double): return .double
        default: return nil
        }
    }
}
