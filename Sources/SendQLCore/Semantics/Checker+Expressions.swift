extension Checker {
    /// Binds a row-by-row expression.
    mutating func bindScalar(_ expression: Expression, in frame: FrameSchema) -> BoundExpression {
        bind(expression, in: frame, mode: .scalar)
    }

    static func errorExpression(_ span: Span) -> BoundExpression {
        BoundExpression(.literal(.null), type: .error, span: span)
    }

    mutating func bind(_ expression: Expression, in frame: FrameSchema, mode: BindMode) -> BoundExpression {
        let span = expression.span
        bindDepth += 1
        defer { bindDepth -= 1 }
        if expansionDepth > 0 {
            // The outermost expansion reports these (see `expandUserFunction`).
            expansionWork += 1
            if expansionWork > Checker.maximumExpansionWork { return Self.errorExpression(span) }
            if bindDepth > Parser.maximumNesting {
                expansionTooDeep = true
                return Self.errorExpression(span)
            }
        } else if bindDepth > Parser.maximumNesting {
            // The parser refuses deeper trees (E0212); this guards trees built some other way.
            report(.functionExpandsTooFar, "expression nested more than \(Parser.maximumNesting) levels deep", span)
            return Self.errorExpression(span)
        }
        func literal(_ value: Value, _ type: ExprType) -> BoundExpression {
            BoundExpression(.literal(value), type: type, span: span)
        }
        switch expression.kind {
        case .integer(let v): return literal(.int(v), .int)
        case .double(let v): return literal(.double(v), .double)
        case .string(let v): return literal(.string(v), .string)
        case .bool(let v): return literal(.bool(v), .bool)
        case .null: return literal(.null, .null)
        case .date(let d): return literal(.date(d), .date)
        case .duration(let amount, let unit):
            switch unit {
            case .days: return literal(.duration(amount), .duration)
            // A span too long for 64 bits is null, as overflow is everywhere else.
            case .weeks:
                let (days, overflow) = amount.multipliedReportingOverflow(by: 7)
                return literal(overflow ? .null : .duration(days), .duration)
            case .months: return literal(.int(amount), .months)
            case .years:
                let (months, overflow) = amount.multipliedReportingOverflow(by: 12)
                return literal(overflow ? .null : .int(months), .months)
            case .workingDays: return literal(.int(amount), .workingDays)
            }
        case .name(let name, let qualifier):
            return resolveName(name, qualifier: qualifier, in: frame, mode: mode, span: span)
        case .unary(let op, let operand):
            return bindUnary(op, bind(operand, in: frame, mode: mode), span: span)
        case .binary(let op, let lhs, let rhs):
            return bindBinary(op, bind(lhs, in: frame, mode: mode), bind(rhs, in: frame, mode: mode), span: span)
        case .call(let name, let arguments, let filter):
            return bindCall(name, arguments: arguments, filter: filter, in: frame, mode: mode, span: span)
        case .inList(let value, let list, let negated):
            var bound = bind(value, in: frame, mode: mode)
            var members = list.map { bind($0, in: frame, mode: mode) }
            var type = bound.type
            for member in members {
                guard let unified = ExprType.unify(type, member.type),
                    unified.dataType != nil || unified == .error || unified == .null
                else {
                    report(
                        .typeMismatch, "cannot look for a \(bound.type) in a list holding \(member.type)", member.span)
                    return Self.errorExpression(span)
                }
                type = unified
            }
            if type == .double {
                bound = widen(bound)
                members = members.map(widen)
            }
            return BoundExpression(
                .inList(bound, members, negated: negated), type: bound.type == .error ? .error : .bool, span: span)
        case .between(let value, let low, let high, let negated):
            let v = bind(value, in: frame, mode: mode), l = bind(low, in: frame, mode: mode),
                h = bind(high, in: frame, mode: mode)
            let lower = bindBinary(.greaterOrEqual, v, l, span: span)
            let upper = bindBinary(.lessOrEqual, v, h, span: span)
            if lower.type == .error || upper.type == .error { return Self.errorExpression(span) }
            guard case .binary(_, let v2, let l2) = lower.node, case .binary(_, _, let h2) = upper.node else {
                return Self.errorExpression(span)
            }
            return BoundExpression(.between(v2, l2, h2, negated: negated), type: .bool, span: span)
        case .isNull(let value, let negated):
            let bound = bind(value, in: frame, mode: mode)
            return BoundExpression(
                .isNull(bound, negated: negated), type: bound.type == .error ? .error : .bool, span: span)
        case .conditional(let branches, let otherwise):
            return bindConditional(branches, otherwise: otherwise, in: frame, mode: mode, span: span)
        }
    }

    /// An int expression read as double; others unchanged.
    func widen(_ e: BoundExpression) -> BoundExpression {
        guard e.type == .int else { return e }
        if case .literal(.int(let v)) = e.node {
            return BoundExpression(.literal(.double(Double(v))), type: .double, span: e.span)
        }
        return BoundExpression(.toDouble(e), type: .double, span: e.span)
    }

    /// Widens `e` to `type` when that is int to double.
    func coerce(_ e: BoundExpression, to type: ExprType) -> BoundExpression {
        type == .double ? widen(e) : e
    }

    mutating func resolveName(
        _ name: Identifier, qualifier: Identifier?, in frame: FrameSchema, mode: BindMode, span: Span
    ) -> BoundExpression {
        if let qualifier {
            if let index = frame.fields.indices.first(where: {
                frame.qualifiers[$0] == qualifier.name
                    && (frame.fields[$0].name == name.name || frame.originalNames[$0] == name.name)
            }) {
                return columnReference(index, in: frame, mode: mode, name: name, span: span)
            }
            if frame.isOpen { return Self.errorExpression(span) }
            let known = Set(frame.qualifiers.compactMap { $0 })
            if !known.contains(qualifier.name) {
                report(
                    .unknownColumn, "unknown table `\(qualifier.name)` in `\(qualifier.name).\(name.name)`",
                    qualifier.span,
                    notes: known.isEmpty
                        ? ["note: no table names can qualify a column here"]
                        : ["note: the tables here are " + known.sorted().joined(separator: ", ")])
            } else {
                let columns = frame.fields.indices.filter { frame.qualifiers[$0] == qualifier.name }.map {
                    frame.originalNames[$0]
                }
                report(
                    .unknownColumn, "`\(qualifier.name)` has no column `\(name.name)`", name.span,
                    notes: suggestion(for: name.name, among: columns))
            }
            return Self.errorExpression(span)
        }
        if let index = frame.fields.firstIndex(where: { $0.name == name.name }) {
            return columnReference(index, in: frame, mode: mode, name: name, span: span)
        }
        if frame.poisoned.contains(name.name) { return Self.errorExpression(span) }
        if let value = values[name.name] {
            return BoundExpression(value.node, type: value.type, span: span)
        }
        if frame.isOpen {
            // After pivot, or after a failed step: names are not known until run time.
            return Self.errorExpression(span)
        }
        if let constantContext, frame.fields.isEmpty {
            report(
                .valueReadsColumn,
                "\(constantContext) cannot read columns, and `\(name.name)` is not a value or parameter", name.span,
                notes: suggestion(for: name.name, among: Array(values.keys))
                    + ["help: compute it in a pipeline, e.g. `let t = from requests | aggregate v = min(\(name.name))`"]
            )
            return Self.errorExpression(span)
        }
        var notes = suggestion(for: name.name, among: frame.names + Array(values.keys))
        if frame.fields.count <= 20 {
            notes.append(
                "note: the columns here are " + (frame.names.isEmpty ? "(none)" : frame.names.joined(separator: ", ")))
        }
        let fix = Suggestions.closest(to: name.name, among: frame.names + Array(values.keys))
        report(
            .unknownColumn, "unknown column `\(name.name)`", name.span, notes: notes,
            fixIts: fix.map { [FixIt(span: name.span, replacement: $0)] } ?? [])
        return Self.errorExpression(span)
    }

    private mutating func columnReference(
        _ index: Int, in frame: FrameSchema, mode: BindMode, name: Identifier, span: Span
    ) -> BoundExpression {
        let type = ExprType.value(frame.fields[index].type)
        if case .aggregate(let collector) = mode {
            guard let keyPosition = collector.keyColumns.firstIndex(of: index) else {
                report(
                    .neitherGroupedNorAggregated, "`\(name.name)` is neither a group key nor inside an aggregate", span,
                    notes: ["help: wrap it in an aggregate such as first(\(name.name)), or add it to the group keys"])
                return Self.errorExpression(span)
            }
            return BoundExpression(.column(keyPosition), type: type, span: span)
        }
        return BoundExpression(.column(index), type: type, span: span)
    }

    /// `help: did you mean ...` when a candidate is close.
    func suggestion(for name: String, among candidates: [String]) -> [String] {
        guard let near = Suggestions.closest(to: name, among: candidates) else { return [] }
        return ["help: did you mean `\(near)`?"]
    }

    mutating func bindUnary(_ op: UnaryOperator, _ operand: BoundExpression, span: Span) -> BoundExpression {
        if operand.type == .error { return operand }
        switch op {
        case .not:
            guard operand.type == .bool || operand.type == .null else {
                report(.typeMismatch, "`not` needs true/false, found \(operand.type)", operand.span)
                return Self.errorExpression(span)
            }
            return BoundExpression(.unary(.not, operand), type: .bool, span: span)
        case .negate:
            switch operand.type {
            case .months, .workingDays:
                guard case .literal(.int(let v)) = operand.node else {
                    report(.calendarUnitAsValue, "only a literal span of \(operand.type) can be negated", span)
                    return Self.errorExpression(span)
                }
                return BoundExpression(.literal(.int(-v)), type: operand.type, span: span)
            case .int, .double, .duration, .null:
                return BoundExpression(.unary(.negate, operand), type: operand.type, span: span)
            default:
                report(.typeMismatch, "cannot negate a \(operand.type)", operand.span)
                return Self.errorExpression(span)
            }
        }
    }

    mutating func bindConditional(
        _ branches: [ConditionalBranch], otherwise: Expression?, in frame: FrameSchema, mode: BindMode, span: Span
    ) -> BoundExpression {
        var bound: [BoundBranch] = []
        var type = ExprType.null
        var failed = false
        for branch in branches {
            let condition = bind(branch.condition, in: frame, mode: mode)
            let value = bind(branch.value, in: frame, mode: mode)
            if condition.type != .bool && condition.type != .null && condition.type != .error {
                report(
                    .typeMismatch, "a `when`/`if` condition must be true/false, found \(condition.type)", condition.span
                )
                failed = true
            }
            guard let unified = ExprType.unify(type, value.type) else {
                report(.typeMismatch, "the branches give different types: \(type) and \(value.type)", value.span)
                return Self.errorExpression(span)
            }
            type = unified
            bound.append(BoundBranch(condition: condition, value: value))
        }
        var elseValue: BoundExpression? = nil
        if let otherwise {
            let value = bind(otherwise, in: frame, mode: mode)
            guard let unified = ExprType.unify(type, value.type) else {
                report(.typeMismatch, "the `else` gives \(value.type), the other branches \(type)", value.span)
                return Self.errorExpression(span)
            }
            type = unified
            elseValue = value
        }
        if failed || type == .error { return Self.errorExpression(span) }
        if type.dataType == nil && type != .null {
            report(.calendarUnitAsValue, "a condition cannot choose between spans of \(type)", span)
            return Self.errorExpression(span)
        }
        bound = bound.map { BoundBranch(condition: $0.condition, value: coerce($0.value, to: type)) }
        return BoundExpression(
            .conditional(bound, otherwise: elseValue.map { coerce($0, to: type) }), type: type, span: span)
    }
}
