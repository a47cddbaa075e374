/// What an expression can see in one SELECT: its input's columns, the calendar rows joined so far,
/// and the partition and order its window functions run over.
struct SQLLayer {
    /// SQL for each frame position (`t."plan_id"`), then any window results of the item being written.
    var columns: [String]
    var types: [DataType]
    var joins: [String] = []
    var calendarRows: [String: String] = [:]
    /// PARTITION BY columns (the enclosing group's keys).
    var partition: [String] = []
    /// ORDER BY keys for order-dependent windows; nil when no order is known.
    var order: [(column: String, key: SQLOrderKey)]?

    /// The layer over a relation read as `alias`.
    init(_ relation: SQLRelation, alias: String, dialect: SQLDialect) {
        columns = relation.fields.map { "\(alias).\(dialect.quote($0.name))" }
        types = relation.fields.map(\.type)
        partition = relation.partition.map { "\(alias).\(dialect.quote($0))" }
        order = relation.order.map { keys in keys.map { ("\(alias).\(dialect.quote($0.column))", $0) } }
    }

    /// The FROM clause: the input, then the calendar lookups.
    func from(_ relation: SQLRelation, alias: String) -> String {
        ([relation.from(alias)] + joins).joined(separator: "\n")
    }
}

extension SQLScriptWriter {
    func expression(_ e: BoundExpression, _ layer: inout SQLLayer) throws(SQLCompileError) -> String {
        switch e.node {
        case .column(let i): return layer.columns[i]
        case .literal(let value): return literal(value, type: e.resultType)
        case .unary(.negate, let x): return "(-\(try expression(x, &layer)))"
        case .unary(.not, let x): return "(NOT \(try expression(x, &layer)))"
        case .binary(let op, let a, let b): return try binary(op, a, b, type: e.resultType, &layer)
        case .scalar(let function, let args): return try scalar(function, args, e, &layer)
        case .inList(let x, let list, let negated):
            let items = try list.map { (item) throws(SQLCompileError) in try typed(item, as: x.resultType, &layer) }
            let test = "COALESCE(\(try expression(x, &layer)) IN (\(items.joined(separator: ", "))), FALSE)"
            return negated ? "(NOT \(test))" : test
        case .between(let x, let low, let high, let negated):
            let value = try collated(x, &layer)
            let range = "\(try typed(low, as: x.resultType, &layer)) AND \(try typed(high, as: x.resultType, &layer))"
            return "(\(value)\(negated ? " NOT" : "") BETWEEN \(range))"
        case .isNull(let x, let negated):
            return "(\(try expression(x, &layer)) IS \(negated ? "NOT " : "")NULL)"
        case .conditional(let branches, let otherwise):
            var text = "CASE"
            for branch in branches {
                text +=
                    " WHEN \(try expression(branch.condition, &layer)) THEN \(try typed(branch.value, as: e.resultType, &layer))"
            }
            if let otherwise { text += " ELSE \(try typed(otherwise, as: e.resultType, &layer))" }
            return text + " END"
        case .toDouble(let x): return "CAST(\(try expression(x, &layer)) AS \(dialect.typeName(.double)))"
        }
    }

    /// An operand that must have `type`: a bare `null` is given it, as SQL cannot infer it everywhere.
    func typed(_ e: BoundExpression, as type: DataType, _ layer: inout SQLLayer) throws(SQLCompileError) -> String {
        if case .literal(.null) = e.node { return "CAST(NULL AS \(dialect.typeName(type)))" }
        return try expression(e, &layer)
    }

    /// An operand of an ordering comparison: text compares by code point, as in memory.
    func collated(_ e: BoundExpression, _ layer: inout SQLLayer) throws(SQLCompileError) -> String {
        let text = try expression(e, &layer)
        return e.resultType == .string ? text + dialect.binaryCollation : text
    }

    func literal(_ value: Value, type: DataType) -> String {
        switch value {
        case .null: return "CAST(NULL AS \(dialect.typeName(type)))"
        case .int(let v): return v == .min ? "(-9223372036854775807 - 1)" : String(v)
        case .duration(let v): return v == .min ? "(-9223372036854775807 - 1)" : String(v)
        case .double(let v):
            let text = v.isNaN ? "'NaN'" : v.isInfinite ? (v > 0 ? "'Infinity'" : "'-Infinity'") : "'\(v)'"
            return "CAST(\(text) AS \(dialect.typeName(.double)))"
        case .bool(let v): return v ? "TRUE" : "FALSE"
        case .date(let d): return "DATE '\(CivilDate(dayNumber: d).iso)'"
        case .string(let s): return dialect.literal(s)
        }
    }

    private func binary(
        _ op: BinaryOperator, _ a: BoundExpression, _ b: BoundExpression, type: DataType, _ layer: inout SQLLayer
    ) throws(SQLCompileError) -> String {
        let (ta, tb) = (a.resultType, b.resultType)
        switch op {
        case .add:
            let x = try expression(a, &layer), y = try expression(b, &layer)
            if ta == .date && tb == .duration { return SQLDialect.fill(dialect.addDays, [x, y]) }
            if ta == .duration && tb == .date { return SQLDialect.fill(dialect.addDays, [y, x]) }
            if ta == .string { return "(\(x) || \(y))" }
            return "(\(x) + \(y))"
        case .subtract:
            let x = try expression(a, &layer), y = try expression(b, &layer)
            if ta == .date && tb == .duration { return SQLDialect.fill(dialect.addDays, [x, "(-\(y))"]) }
            if ta == .date && tb == .date { return SQLDialect.fill(dialect.daysBetween, [x, y]) }
            return "(\(x) - \(y))"
        case .multiply: return "(\(try expression(a, &layer)) * \(try expression(b, &layer)))"
        case .divide:
            // Always a double, and null rather than an error for a zero divisor, as in memory.
            let d = dialect.typeName(.double)
            return
                "(CAST(\(try expression(a, &layer)) AS \(d)) / NULLIF(CAST(\(try expression(b, &layer)) AS \(d)), 0))"
        case .modulo:
            guard ta != .double && tb != .double else {
                throw SQLCompileError(
                    code: .unsupportedFunction,
                    message: "`%` of a double cannot be compiled: the engines disagree on its remainder",
                    span: a.span, notes: ["help: use int(...) on both sides, or x - floor(x / y) * y"])
            }
            return "(\(try expression(a, &layer)) % NULLIF(\(try expression(b, &layer)), 0))"
        case .equal, .notEqual:
            let x = try typed(a, as: tb, &layer), y = try typed(b, as: ta, &layer)
            return "(\(x) \(op == .equal ? "=" : "<>") \(y))"
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let x = try collated(a, &layer), y = try collated(b, &layer)
            return "(\(x) \(op.rawValue) \(y))"
        case .and: return "(\(try expression(a, &layer)) AND \(try expression(b, &layer)))"
        case .or: return "(\(try expression(a, &layer)) OR \(try expression(b, &layer)))"
        case .coalesce:
            return "COALESCE(\(try typed(a, as: type, &layer)), \(try typed(b, as: type, &layer)))"
        }
    }

    /// The positions of the frame an expression reads (to know when a derive needs a new SELECT).
    static func columnsRead(_ e: BoundExpression, into set: inout Set<Int>) {
        switch e.node {
        case .column(let i): set.insert(i)
        case .literal: break
        case .unary(_, let x), .isNull(let x, _), .toDouble(let x): columnsRead(x, into: &set)
        case .binary(_, let a, let b):
            columnsRead(a, into: &set)
            columnsRead(b, into: &set)
        case .scalar(_, let args): for a in args { columnsRead(a, into: &set) }
        case .inList(let x, let list, _): for a in [x] + list { columnsRead(a, into: &set) }
        case .between(let x, let a, let b, _): for y in [x, a, b] { columnsRead(y, into: &set) }
        case .conditional(let branches, let otherwise):
            for branch in branches {
                columnsRead(branch.condition, into: &set)
                columnsRead(branch.value, into: &set)
            }
            if let otherwise { columnsRead(otherwise, into: &set) }
        }
    }
}
