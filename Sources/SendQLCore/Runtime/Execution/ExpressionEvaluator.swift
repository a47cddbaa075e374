/// Evaluates checked expressions a column at a time over a table.
///
/// Null rules (docs/language.md): arithmetic, comparison and functions give null when an input is
/// null; `and`/`or` follow three-valued logic; division by zero and integer overflow give null.
public struct ExpressionEvaluator: Sendable {
    public var context: SessionContext

    public init(context: SessionContext) { self.context = context }

    /// The value of a column-free expression.
    public func evaluateConstant(_ expression: BoundExpression) -> Value {
        let column = evaluate(expression, over: Table(schema: Schema([]), columns: [], rowCount: 1))
        return column[0]
    }

    /// The expression's value for every row of `table`.
    public func evaluate(_ expression: BoundExpression, over table: Table) -> Column {
        let rows = table.rowCount
        switch expression.node {
        case .column(let index):
            return table.columns[index]
        case .literal(let value):
            return Column.repeating(value, type: expression.resultType, count: rows)
        case .toDouble(let inner):
            return toDouble(evaluate(inner, over: table))
        case .unary(let op, let operand):
            return unary(op, evaluate(operand, over: table), type: expression.resultType)
        case .binary(let op, let lhs, let rhs):
            if op.isComparison {
                // A column against a literal: compared without broadcasting the literal.
                if let c = Self.constant(rhs),
                    let result = compare(op, evaluate(lhs, over: table), constant: c, flipped: false)
                {
                    return result
                }
                if let c = Self.constant(lhs),
                    let result = compare(op, evaluate(rhs, over: table), constant: c, flipped: true)
                {
                    return result
                }
            }
            return binary(
                op, evaluate(lhs, over: table), evaluate(rhs, over: table), type: expression.resultType, rows: rows)
        case .scalar(let function, let arguments):
            return call(function, arguments.map { evaluate($0, over: table) }, type: expression.resultType, rows: rows)
        case .inList(let value, let list, let negated):
            let v = evaluate(value, over: table)
            if let result = inConstants(v, list, negated: negated) { return result }
            return inList(v, list.map { evaluate($0, over: table) }, negated: negated)
        case .between(let value, let low, let high, let negated):
            let v = evaluate(value, over: table)
            let inside = kleeneAnd(
                compare(.greaterOrEqual, v, evaluate(low, over: table)),
                compare(.lessOrEqual, v, evaluate(high, over: table)))
            return negated ? not(inside) : inside
        case .isNull(let value, let negated):
            let v = evaluate(value, over: table)
            guard let validity = v.validity else { return Column(.bool(Array(repeating: negated, count: rows))) }
            return Column(.bool((0..<rows).map { validity[$0] == negated }))
        case .conditional(let branches, let otherwise):
            return conditional(branches, otherwise: otherwise, type: expression.resultType, over: table)
        }
    }

    func toDouble(_ column: Column) -> Column {
        if column.type == .double { return column }
        return Column(.double(column.int64s.map { Double($0) }), validity: column.validity)
    }

    private func unary(_ op: UnaryOperator, _ v: Column, type: DataType) -> Column {
        switch op {
        case .not: return not(v)
        case .negate:
            switch v.storage {
            case .double(let d): return Column(.double(d.map { -$0 }), validity: v.validity)
            case .int, .duration:
                var validity = v.validity ?? Bitmap(count: v.count, value: true)
                let values = v.int64s
                var out = [Int64](repeating: 0, count: values.count)
                for i in values.indices {
                    let (r, overflow) = Int64(0).subtractingReportingOverflow(values[i])
                    if overflow { validity.clear(i) } else { out[i] = r }
                }
                return Column(type == .duration ? .duration(out) : .int(out), validity: validity)
            default: return .nulls(type, count: v.count)
            }
        }
    }

    func not(_ v: Column) -> Column {
        if v.type != .bool { return .nulls(.bool, count: v.count) }
        return Column(.bool(v.bools.map { !$0 }), validity: v.validity)
    }

    /// Three-valued `and`: false wins over null.
    func kleeneAnd(_ a: Column, _ b: Column) -> Column { kleene(a, b, dominant: false) }

    /// Three-valued `or`: true wins over null.
    func kleeneOr(_ a: Column, _ b: Column) -> Column { kleene(a, b, dominant: true) }

    /// `value in (literals...)` for a string or number column: each member is matched once, not
    /// broadcast. nil when a member is not a plain non-null literal of the value's type.
    private func inConstants(_ value: Column, _ members: [BoundExpression], negated: Bool) -> Column? {
        let constants = members.compactMap(Self.constant)
        guard constants.count == members.count, !members.isEmpty else { return nil }
        var hits: [Bool]
        switch value.storage {
        case .string(let codes, let dictionary):
            var wanted = [Bool](repeating: false, count: dictionary.count)
            for constant in constants {
                guard constant.type == .string, case .string(let s) = constant.value else { return nil }
                if let code = dictionary.code(of: s) { wanted[Int(code)] = true }
            }
            hits = Self.lookup(codes, wanted)
        default:
            // Numbers, dates, durations: one comparison per member, or-ed together.
            hits = Array(repeating: false, count: value.count)
            for constant in constants {
                guard let equal = compare(.equal, value, constant: constant, flipped: false) else { return nil }
                let e = equal.bools
                for i in hits.indices where e[i] { hits[i] = true }
            }
            // A null never matches (the row's value stays unread, as the general path leaves it).
            if let validity = value.validity { for i in hits.indices where !validity[i] { hits[i] = false } }
        }
        if negated { for i in hits.indices { hits[i].toggle() } }
        return Column(.bool(hits), validity: value.validity)
    }

    private func kleene(_ a: Column, _ b: Column, dominant: Bool) -> Column {
        let n = max(a.count, b.count)
        let x = a.type == .bool ? a.bools : Array(repeating: false, count: n)
        let y = b.type == .bool ? b.bools : Array(repeating: false, count: n)
        let aNull: (Int) -> Bool = a.type == .bool ? { a.isNull($0) } : { _ in true }
        let bNull: (Int) -> Bool = b.type == .bool ? { b.isNull($0) } : { _ in true }
        if a.validity == nil && b.validity == nil && a.type == .bool && b.type == .bool {
            return Column(.bool(Self.combine(x, y, or: dominant)))
        }
        if a.type == .bool && b.type == .bool {
            // With nulls: a value is decided by a non-null dominant side, else known when both are.
            let av = a.validity ?? Bitmap(count: n, value: true), bv = b.validity ?? Bitmap(count: n, value: true)
            var out = [Bool](repeating: false, count: n)
            var validity = Bitmap(count: n, value: false)
            x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    for i in 0..<n {
                        let aKnown = av[i], bKnown = bv[i]
                        let aDecides = aKnown && xs[i] == dominant, bDecides = bKnown && ys[i] == dominant
                        if aDecides || bDecides {
                            out[i] = dominant
                            validity.set(i)
                        } else if aKnown && bKnown {
                            out[i] = !dominant
                            validity.set(i)
                        }
                    }
                }
            }
            return Column(.bool(out), validity: validity)
        }
        var out = [Bool](repeating: false, count: n)
        var validity = Bitmap(count: n, value: true)
        for i in 0..<n {
            let an = aNull(i), bn = bNull(i)
            if (!an && x[i] == dominant) || (!bn && y[i] == dominant) {
                out[i] = dominant
            } else if an || bn {
                validity.clear(i)
            } else {
                out[i] = !dominant
            }
        }
        return Column(.bool(out), validity: validity)
    }

    /// `x[i] && y[i]` (or `||`) for every row, as bitwise operations on the bytes (a Bool is 0 or 1)
    /// so the loop vectorises.
    private static func combine(_ x: [Bool], _ y: [Bool], or: Bool) -> [Bool] {
        let n = x.count
        guard n > 0 else { return [] }
        return x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                [Bool](unsafeUninitializedCapacity: n) { out, initialized in
                    xs.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) { a in
                        ys.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) { b in
                            out.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) { o in
                                if or {
                                    for i in 0..<n { o[i] = a[i] | b[i] }
                                } else {
                                    for i in 0..<n { o[i] = a[i] & b[i] }
                                }
                            }
                        }
                    }
                    initialized = n
                }
            }
        }
    }

    private func conditional(
        _ branches: [BoundBranch], otherwise: BoundExpression?, type: DataType, over table: Table
    ) -> Column {
        let rows = table.rowCount
        // For each row, which branch answers it: the first whose condition is true (not false or null).
        let unanswered = Int32.min
        var chosen = [Int32](repeating: unanswered, count: rows)
        for (index, branch) in branches.enumerated() {
            let condition = evaluate(branch.condition, over: table)
            guard condition.type == .bool else { continue }
            let values = condition.bools, validity = condition.validity
            for row in 0..<rows where chosen[row] == unanswered && values[row] && validity.map({ $0[row] }) ?? true {
                chosen[row] = Int32(index)
            }
        }
        // The rest take the else (the source after the branches), or null without one.
        let fallback = otherwise == nil ? -1 : Int32(branches.count)
        for row in 0..<rows where chosen[row] == unanswered { chosen[row] = fallback }
        let sources =
            branches.map { evaluate($0.value, over: table) } + (otherwise.map { [evaluate($0, over: table)] } ?? [])
        if sources.allSatisfy({ $0.type == type }) {
            return Column.picking(chosen, from: sources, type: type)
        }
        // Mixed types (an int branch of a double result): value by value, converting as it goes.
        var builder = ColumnBuilder(type: type, capacity: rows)
        for row in 0..<rows {
            guard chosen[row] >= 0 else { builder.appendNull(); continue }
            let source = sources[Int(chosen[row])]
            builder.append(source.type == type ? source[row] : (source.isNull(row) ? .null : source[row]))
        }
        return builder.finish()
    }

    private func inList(_ value: Column, _ members: [Column], negated: Bool) -> Column {
        let rows = value.count
        var out = [Bool](repeating: false, count: rows)
        if case .string(let codes, let dictionary) = value.storage {
            // Compare codes: find each member string's code in the value's dictionary once.
            var wanted = [Bool](repeating: false, count: dictionary.count)
            var perRow: [Column] = []
            for member in members {
                if member.validity == nil, case .string(let mc, let md) = member.storage, Set(mc).count == 1,
                    let first = mc.first
                {
                    if let code = dictionary.code(of: md[first]) { wanted[Int(code)] = true }
                } else {
                    perRow.append(member)
                }
            }
            for row in 0..<rows {
                var hit = wanted[Int(codes[row])]
                if !hit { hit = perRow.contains { !$0.isNull(row) && $0[row] == value[row] } }
                out[row] = hit != negated
            }
        } else {
            for row in 0..<rows {
                let v = value[row]
                out[row] = members.contains { !$0.isNull(row) && $0[row] == v } != negated
            }
        }
        return Column(.bool(out), validity: value.validity)
    }
}
