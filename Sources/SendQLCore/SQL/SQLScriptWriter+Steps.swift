/// Pipeline steps in SQL: each step reads the one before as a subquery `t`.
extension SQLScriptWriter {
    func relation(_ pipeline: CheckedPipeline) throws(SQLCompileError) -> SQLRelation {
        var current = try start(pipeline)
        try checkNames(current.fields.map(\.name), pipeline.span)
        for step in pipeline.steps {
            current = try apply(step, to: current)
            try checkNames(step.schema.names, step.span)
        }
        return current
    }

    /// DuckDB and Spark read `Name` and `name` as one column, even quoted.
    private func checkNames(_ names: [String], _ span: Span) throws(SQLCompileError) {
        guard dialect.foldsIdentifierCase else { return }
        var seen: [String: String] = [:]
        for name in names {
            if let other = seen[name.lowercased()], other != name {
                throw SQLCompileError(
                    code: .caseClash,
                    message:
                        "columns `\(other)` and `\(name)` differ only in case, which \(dialect.name) does not tell apart",
                    span: span, notes: ["help: rename one of them"])
            }
            seen[name.lowercased()] = name
        }
    }

    func apply(_ step: PlanStep, to input: SQLRelation) throws(SQLCompileError) -> SQLRelation {
        switch step.kind {
        case .filter(let condition):
            var layer = SQLLayer(input, alias: "t", dialect: dialect)
            let test = try expression(condition, &layer)
            return SQLRelation(
                sql: "SELECT t.*\nFROM \(layer.from(input, alias: "t"))\nWHERE \(test)", fields: input.fields,
                order: input.order, partition: input.partition)
        case .derive(let items): return try derive(items, input)
        case .select(let items):
            var layer = SQLLayer(input, alias: "t", dialect: dialect)
            var columns: [String] = []
            for item in items {
                columns.append(
                    "\(try typed(item.expression, as: item.expression.resultType, &layer)) AS \(dialect.quote(item.name))"
                )
            }
            return project(input, layer, columns: columns, fields: step.schema.fields)
        case .aggregate(let plan): return try aggregate(plan, input, fields: step.schema.fields)
        case .sort(let keys):
            var layer = SQLLayer(input, alias: "t", dialect: dialect)
            var columns = ["t.*"]
            var order: [SQLOrderKey] = []
            for key in keys {
                let name = hiddenName("o")
                columns.append("\(try expression(key.expression, &layer)) AS \(dialect.quote(name))")
                order.append(
                    SQLOrderKey(column: name, descending: key.descending, isText: key.expression.resultType == .string))
            }
            // Sorting is stable: rows with equal keys keep the order they had.
            return SQLRelation(
                sql: "SELECT \(columns.joined(separator: ", "))\nFROM \(layer.from(input, alias: "t"))",
                fields: input.fields, order: order + (input.order ?? []), partition: input.partition)
        case .take(let first, let count): return try take(first, count, input, span: step.span)
        case .join(let plan): return try join(plan, input, fields: step.schema.fields, span: step.span)
        case .distinct(let items):
            try outsideGroup(input, "distinct", step.span)
            var layer = SQLLayer(input, alias: "t", dialect: dialect)
            var columns: [String] = []
            if let items {
                for item in items {
                    columns.append(
                        "\(try typed(item.expression, as: item.expression.resultType, &layer)) AS \(dialect.quote(item.name))"
                    )
                }
            } else {
                columns = layer.columns
            }
            return SQLRelation(
                sql: "SELECT DISTINCT \(columns.joined(separator: ", "))\nFROM \(layer.from(input, alias: "t"))",
                fields: step.schema.fields, order: nil)
        case .append(let other, let columnMap, let distinct):
            try outsideGroup(input, "append", step.span)
            return try append(other, columnMap, distinct: distinct, input)
        case .pivot:
            throw SQLCompileError(
                code: .unsupportedStep,
                message:
                    "pivot cannot be compiled: its columns are the values of the data, which SQL must know beforehand",
                span: step.span,
                notes: ["help: compile the query without the pivot, and pivot the rows the engine returns"])
        case .fill(let plan): return fill(plan, input)
        case .group(let keys, let keyColumns, let body):
            return try group(keys, keyColumns, body, input, span: step.span)
        }
    }

    /// A SELECT of new columns over the input, the hidden columns carried on.
    private func project(_ input: SQLRelation, _ layer: SQLLayer, columns: [String], fields: [Field]) -> SQLRelation {
        let hidden = input.hidden.map { "t.\(dialect.quote($0))" }
        return SQLRelation(
            sql: "SELECT \((columns + hidden).joined(separator: ", "))\nFROM \(layer.from(input, alias: "t"))",
            fields: fields, order: input.order, partition: input.partition)
    }

    private func outsideGroup(_ input: SQLRelation, _ what: String, _ span: Span) throws(SQLCompileError) {
        guard input.partition.isEmpty else {
            throw SQLCompileError(
                code: .unsupportedStep, message: "\(what) inside `group` cannot be compiled", span: span,
                notes: ["help: \(what) before or after the group"])
        }
    }

    /// `derive`: items that read only the input share one SELECT; an item reading an earlier one's
    /// column starts the next SELECT, since SQL cannot read a name made in the same list.
    private func derive(_ items: [DeriveItem], _ input: SQLRelation) throws(SQLCompileError) -> SQLRelation {
        var current = input
        var layer = SQLLayer(current, alias: "t", dialect: dialect)
        var fields = current.fields
        var columns = layer.columns
        var changed: Set<Int> = []
        func flush() {
            let list = zip(columns, fields).map { "\($0) AS \(dialect.quote($1.name))" }
            current = project(current, layer, columns: list, fields: fields)
            layer = SQLLayer(current, alias: "t", dialect: dialect)
            columns = layer.columns
            changed = []
        }
        for item in items {
            var reads: Set<Int> = []
            Self.columnsRead(item.expression, into: &reads)
            for w in item.windows {
                for e in [w.argument, w.defaultValue, w.aggregate?.argument, w.aggregate?.filter].compactMap({ $0 }) {
                    Self.columnsRead(e, into: &reads)
                }
            }
            if !reads.isDisjoint(with: changed) { flush() }
            var itemLayer = layer
            for w in item.windows { itemLayer.columns.append(try window(w, &itemLayer)) }
            itemLayer.types += item.windows.map { $0.type.dataType ?? .string }
            let sql = try typed(item.expression, as: item.expression.resultType, &itemLayer)
            layer.joins = itemLayer.joins
            layer.calendarRows = itemLayer.calendarRows
            let type = item.expression.resultType
            if let position = fields.firstIndex(where: { $0.name == item.name }) {
                fields[position].type = type
                columns[position] = sql
                changed.insert(position)
            } else {
                fields.append(Field(item.name, type))
                columns.append(sql)
                layer.columns.append("t.\(dialect.quote(item.name))")
                layer.types.append(type)
                changed.insert(fields.count - 1)
            }
        }
        flush()
        return current
    }

    private func aggregate(
        _ plan: AggregatePlan, _ input: SQLRelation, fields: [Field]
    ) throws(SQLCompileError)
        -> SQLRelation
    {
        var layer = SQLLayer(input, alias: "t", dialect: dialect)
        let keys = plan.keyColumns.map { layer.columns[$0] }
        var slots: [String] = []
        var slotTypes: [DataType] = []
        for a in plan.aggregates {
            let parts = try aggregate(a, &layer)
            slots += parts
            slotTypes += a.function == .pct ? [.double, .int, .int] : [a.type.dataType ?? .int]
        }
        let group = keys.isEmpty ? "" : "\nGROUP BY \(keys.joined(separator: ", "))"
        let keyColumns = plan.keyColumns.enumerated().map { i, column in
            "\(layer.columns[column]) AS \(dialect.quote(fields[i].name))"
        }
        // The outputs read the keys and the aggregates; when they are plain, one SELECT does it all.
        var outputLayer = layer
        outputLayer.columns = keys + slots
        outputLayer.types = plan.keyColumns.map { layer.types[$0] } + slotTypes
        outputLayer.partition = []
        outputLayer.order = nil
        var outputs: [String] = []
        for (i, output) in plan.outputs.enumerated() {
            outputs.append(
                "\(try typed(output.expression, as: output.expression.resultType, &outputLayer)) AS \(dialect.quote(fields[keys.count + i].name))"
            )
        }
        if outputLayer.joins.count == layer.joins.count {
            return SQLRelation(
                sql:
                    "SELECT \((keyColumns + outputs).joined(separator: ", "))\nFROM \(layer.from(input, alias: "t"))\(group)",
                fields: fields, order: nil)
        }
        // An output needs a calendar lookup of an aggregate: aggregate first, then compute the outputs.
        let slotNames = slots.indices.map { _ in hiddenName("a") }
        let inner = SQLRelation(
            sql:
                "SELECT \((keyColumns + zip(slots, slotNames).map { "\($0) AS \(dialect.quote($1))" }).joined(separator: ", "))\nFROM \(layer.from(input, alias: "t"))\(group)",
            fields: Array(fields.prefix(keys.count)) + zip(slotNames, slotTypes).map { Field($0, $1) }, order: nil)
        var outer = SQLLayer(inner, alias: "t", dialect: dialect)
        var columns = Array(outer.columns.prefix(keys.count))
        for (i, output) in plan.outputs.enumerated() {
            columns.append(
                "\(try typed(output.expression, as: output.expression.resultType, &outer)) AS \(dialect.quote(fields[keys.count + i].name))"
            )
        }
        columns = columns.enumerated().map { i, c in i < keys.count ? "\(c) AS \(dialect.quote(fields[i].name))" : c }
        return SQLRelation(
            sql: "SELECT \(columns.joined(separator: ", "))\nFROM \(outer.from(inner, alias: "t"))", fields: fields,
            order: nil)
    }

    private func take(
        _ first: Int, _ count: Int?, _ input: SQLRelation, span: Span
    ) throws(SQLCompileError)
        -> SQLRelation
    {
        let layer = SQLLayer(input, alias: "t", dialect: dialect)
        guard let order = layer.order, !order.isEmpty else { throw needsOrder("take", span) }
        let partition = layer.partition.isEmpty ? "" : "PARTITION BY \(layer.partition.joined(separator: ", ")) "
        let number = hiddenName("n")
        let inner =
            "SELECT t.*, ROW_NUMBER() OVER (\(partition)ORDER BY \(orderList(order))) AS \(dialect.quote(number))\nFROM \(input.from("t"))"
        var test = "r.\(dialect.quote(number)) > \(first)"
        if let count { test += " AND r.\(dialect.quote(number)) <= \(first + count)" }
        let columns = (input.fields.map(\.name) + input.hidden).map { "r.\(dialect.quote($0))" }
        return SQLRelation(
            sql: "SELECT \(columns.joined(separator: ", "))\nFROM (\n\(SQLText.indent(inner))\n) AS r\nWHERE \(test)",
            fields: input.fields, order: input.order, partition: input.partition)
    }

    private func join(
        _ plan: JoinPlan, _ input: SQLRelation, fields: [Field], span: Span
    ) throws(SQLCompileError)
        -> SQLRelation
    {
        try outsideGroup(input, "join", span)
        let (savedSource, right) = (source, try relation(plan.right))
        source = savedSource
        var left = SQLLayer(input, alias: "l", dialect: dialect)
        var rightLayer = SQLLayer(right, alias: "r", dialect: dialect)
        var conditions: [String] = []
        for (l, r) in zip(plan.leftKeys, plan.rightKeys) {
            conditions.append("\(try expression(l, &left)) = \(try expression(r, &rightLayer))")
        }
        var joined = left
        joined.columns += plan.rightColumns.map { rightLayer.columns[$0] }
        joined.types += plan.rightColumns.map { rightLayer.types[$0] }
        if let residual = plan.residual { conditions.append(try expression(residual, &joined)) }
        guard joined.joins.isEmpty, rightLayer.joins.isEmpty else {
            throw SQLCompileError(
                code: .unsupportedStep, message: "a working-day function in a join condition cannot be compiled",
                span: span, notes: ["help: derive the date first, then join on the derived column"])
        }
        let columns =
            left.columns.enumerated().map { i, c in "\(c) AS \(dialect.quote(fields[i].name))" }
            + zip(plan.rightColumns, plan.rightNames).map { "\(rightLayer.columns[$0]) AS \(dialect.quote($1))" }
            + input.hidden.map { "l.\(dialect.quote($0))" }
        let kind = plan.kind == .left ? "LEFT JOIN" : "JOIN"
        let on = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
        return SQLRelation(
            sql:
                "SELECT \(columns.joined(separator: ", "))\nFROM \(input.from("l"))\n\(kind) \(right.from("r"))\n  ON \(on)",
            fields: fields, order: input.order)
    }

    private func append(
        _ other: CheckedPipeline, _ columnMap: [Int], distinct: Bool, _ input: SQLRelation
    )
        throws(SQLCompileError) -> SQLRelation
    {
        let savedSource = source
        let right = try relation(other)
        source = savedSource
        let leftColumns = input.fields.map { "t.\(dialect.quote($0.name))" }
        let rightColumns = zip(columnMap, input.fields).map { position, field in
            let column = "t.\(dialect.quote(right.fields[position].name))"
            let cast =
                right.fields[position].type == field.type
                ? column : "CAST(\(column) AS \(dialect.typeName(field.type)))"
            return "\(cast) AS \(dialect.quote(field.name))"
        }
        let leftSelect = "SELECT \(leftColumns.joined(separator: ", "))\nFROM \(input.from("t"))"
        let rightSelect = "SELECT \(rightColumns.joined(separator: ", "))\nFROM \(right.from("t"))"
        var parts = input.unionParts ?? [leftSelect]
        parts.append(rightSelect)
        if distinct {
            return SQLRelation(sql: parts.joined(separator: "\nUNION ALL\n"), fields: input.fields, order: nil)
                .distinctRows(dialect)
        }
        var result = SQLRelation(sql: parts.joined(separator: "\nUNION ALL\n"), fields: input.fields, order: nil)
        result.unionParts = parts
        return result
    }

    private func group(
        _ keys: [DeriveItem], _ keyColumns: [Int], _ body: [PlanStep], _ input: SQLRelation, span: Span
    ) throws(SQLCompileError) -> SQLRelation {
        try outsideGroup(input, "group", span)
        var current = keys.isEmpty ? input : try derive(keys, input)
        // The keys are copied into hidden columns, so steps inside the group may rename or drop them.
        let names = keyColumns.map { _ in hiddenName("g") }
        let copies = zip(keyColumns, names).map {
            "t.\(dialect.quote(current.fields[$0].name)) AS \(dialect.quote($1))"
        }
        current = SQLRelation(
            sql: "SELECT \((["t.*"] + copies).joined(separator: ", "))\nFROM \(current.from("t"))",
            fields: current.fields, order: current.order, partition: names)
        for step in body {
            current = try apply(step, to: current)
        }
        // The groups come out one after another in SQL's order, not in first appearance: no order is known.
        current.partition = []
        current.order = nil
        return current
    }
}

extension SQLRelation {
    /// The same rows with duplicates removed.
    func distinctRows(_ dialect: SQLDialect) -> SQLRelation {
        let columns = fields.map { "t.\(dialect.quote($0.name))" }
        return SQLRelation(
            sql: "SELECT DISTINCT \(columns.joined(separator: ", "))\nFROM \(from("t"))", fields: fields, order: nil)
    }
}
