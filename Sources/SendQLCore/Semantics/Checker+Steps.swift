/// The context of steps inside `group keys (...)`.
struct GroupContext {
    var keyColumns: [Int]
}

extension Checker {
    /// Checks one step against its input schema; nil when it has an error (already reported).
    mutating func checkStep(_ step: Step, input: FrameSchema, inGroup group: GroupContext?) -> PlanStep? {
        var frame = input
        func done(_ kind: PlanStep.Kind) -> PlanStep { PlanStep(kind: kind, span: step.span, schema: frame) }
        func notInGroup(_ name: String) -> PlanStep? {
            report(
                .stepNotAllowedInGroup, "`\(name)` cannot be used inside `group`", step.span,
                notes: ["note: inside group: where, derive, select, sort, take, distinct, aggregate"])
            return nil
        }
        switch step.kind {
        case .from, .fromFunction:
            report(
                SyntaxErrorCode.pipelineWithoutFrom, "`from` can only start a pipeline", step.span,
                notes: ["help: to combine tables use join, append or union"])
            return nil
        case .filter(let condition):
            let bound = bindScalar(condition, in: input)
            if bound.type == .error { return nil }
            guard bound.type == .bool || bound.type == .null else {
                report(
                    .conditionNotBoolean, "`where` needs a true/false condition, found \(bound.type)", condition.span)
                return nil
            }
            return done(.filter(bound))
        case .derive(let items):
            guard let derived = bindDeriveItems(items, frame: &frame, step: "derive") else { return nil }
            return done(.derive(derived))
        case .select(let items):
            guard let picked = checkSelection(items, input: input, step: "select") else { return nil }
            frame = selectionFrame(picked, input: input)
            return done(.select(picked))
        case .distinct(let items):
            if items.isEmpty { return done(.distinct(nil)) }
            guard let picked = checkSelection(items, input: input, step: "distinct") else { return nil }
            frame = selectionFrame(picked, input: input)
            return done(.distinct(picked))
        case .aggregate(let items):
            return checkAggregate(items, input: input, keyColumns: group?.keyColumns ?? [], span: step.span)
        case .sort(let keys):
            var bound: [BoundSortKey] = []
            for key in keys {
                let e = bindScalar(key.expression, in: input)
                if e.type == .error { return nil }
                guard e.type.dataType != nil else {
                    report(.typeMismatch, "cannot sort by a \(e.type)", key.expression.span)
                    return nil
                }
                bound.append(BoundSortKey(expression: e, descending: key.descending))
            }
            return done(.sort(bound))
        case .take(let start, let end):
            guard let last = constantCount(end) else { return nil }
            if let start {
                guard let first = constantCount(start) else { return nil }
                guard first >= 1, last >= first else {
                    report(
                        .badTake, "a take range runs from 1 upwards, first to last: found \(first)..\(last)", step.span)
                    return nil
                }
                return done(.take(start: first - 1, count: last - first + 1))
            }
            return done(.take(start: 0, count: last))
        case .join(let kind, let relation, let alias, let conditions):
            if group != nil { return notInGroup("join") }
            return checkJoin(
                kind: kind, relation: relation, alias: alias, conditions: conditions, input: input, span: step.span)
        case .append(let relation), .union(let relation):
            if group != nil { return notInGroup("append") }
            var distinct = false
            if case .union = step.kind { distinct = true }
            return checkAppend(relation, distinct: distinct, input: input, span: step.span)
        case .pivot(let names, let values):
            if group != nil { return notInGroup("pivot") }
            return checkPivot(names: names, values: values, input: input, span: step.span)
        case .group(let keys, let body):
            if group != nil { return notInGroup("group") }
            return checkGroup(keys: keys, body: body, input: input, span: step.span)
        case .fill(let column, let kind, let first, let last, let defaults):
            return checkFill(
                column: column, kind: kind, first: first, last: last, defaults: defaults, input: input,
                keyColumns: group?.keyColumns ?? [], span: step.span)
        }
    }

    /// A non-negative whole-number constant for `take`.
    mutating func constantCount(_ expression: Expression) -> Int? {
        let bound = bindScalar(expression, in: FrameSchema(fields: []))
        if bound.type == .error { return nil }
        guard bound.type == .int, case .literal(.int(let n)) = fold(bound).node, n >= 0 else {
            report(
                .badTake,
                "`take` needs a whole number of rows, found \(bound.type == .int ? "a negative number" : bound.type.description)",
                expression.span)
            return nil
        }
        return Int(min(n, Int64(Int32.max)))
    }

    mutating func checkSelection(_ items: [NamedExpression], input: FrameSchema, step: String) -> [NamedBound]? {
        guard let names = names(of: items, step: step) else { return nil }
        var result: [NamedBound] = []
        var ok = true
        for (name, item) in zip(names, items) {
            let bound = bindScalar(item.expression, in: input)
            if bound.type == .error { ok = false; continue }
            guard bound.type.dataType != nil || bound.type == .null else {
                report(.calendarUnitAsValue, "a column cannot hold a span of \(bound.type)", item.expression.span)
                ok = false
                continue
            }
            result.append(NamedBound(name: name, expression: bound))
        }
        return ok ? result : nil
    }

    /// The frame a select produces: plain column references keep their table qualifier.
    func selectionFrame(_ picked: [NamedBound], input: FrameSchema) -> FrameSchema {
        var frame = FrameSchema(fields: picked.map { Field($0.name, $0.expression.resultType) })
        for (i, item) in picked.enumerated() {
            if case .column(let index) = item.expression.node {
                frame.qualifiers[i] = input.qualifiers[index]
                frame.originalNames[i] = item.name == input.fields[index].name ? input.originalNames[index] : item.name
            }
        }
        return frame
    }

    mutating func checkAggregate(
        _ items: [NamedExpression], input: FrameSchema, keyColumns: [Int], span: Span
    ) -> PlanStep? {
        guard let names = names(of: items, step: "aggregate") else { return nil }
        let collector = AggregateCollector(input: input, keyColumns: keyColumns)
        var outputs: [NamedBound] = []
        var fields = keyColumns.map { input.fields[$0] }
        var ok = true
        for (name, item) in zip(names, items) {
            if keyColumns.contains(where: { input.fields[$0].name == name }) {
                report(.nameTwice, "`\(name)` is already a group key", item.span)
                ok = false
                continue
            }
            let bound = bind(item.expression, in: input, mode: .aggregate(collector))
            if bound.type == .error { ok = false; continue }
            guard let type = bound.type.dataType ?? (bound.type == .null ? .string : nil) else {
                report(.calendarUnitAsValue, "a column cannot hold a span of \(bound.type)", item.expression.span)
                ok = false
                continue
            }
            outputs.append(NamedBound(name: name, expression: bound))
            fields.append(Field(name, type))
            // A top-level pct also gives its numerator and denominator.
            if case .call(let call, _, _) = item.expression.kind, call.name == "pct",
                case .column(let slot) = bound.node
            {
                for (suffix, offset) in [("numerator", 1), ("denominator", 2)] {
                    let part = BoundExpression(.column(slot + offset), type: .int, span: bound.span)
                    outputs.append(NamedBound(name: "\(name)_\(suffix)", expression: part))
                    fields.append(Field("\(name)_\(suffix)", .int))
                }
            }
        }
        guard ok else { return nil }
        var frame = FrameSchema(fields: fields)
        for (i, key) in keyColumns.enumerated() {
            frame.qualifiers[i] = input.qualifiers[key]
            frame.originalNames[i] = input.originalNames[key]
        }
        let plan = AggregatePlan(keyColumns: keyColumns, aggregates: collector.aggregates, outputs: outputs)
        return PlanStep(kind: .aggregate(plan), span: span, schema: frame)
    }

    mutating func checkGroup(keys: [NamedExpression], body: Pipeline, input: FrameSchema, span: Span) -> PlanStep? {
        var frame = input
        var keyItems: [DeriveItem] = []
        var keyColumns: [Int] = []
        for key in keys {
            // A plain column key is used as it is; anything else is derived under its (inferred) name.
            if key.name == nil, case .name(let name, let qualifier) = key.expression.kind {
                let bound = resolveName(name, qualifier: qualifier, in: frame, mode: .scalar, span: key.span)
                guard bound.type != .error, case .column(let index) = bound.node else { return nil }
                keyColumns.append(index)
                continue
            }
            guard let items = bindDeriveItems([key], frame: &frame, step: "group"), let item = items.first else {
                return nil
            }
            keyItems.append(item)
            keyColumns.append(frame.fields.firstIndex { $0.name == item.name }!)
        }
        let startKeyColumns = keyColumns
        // Steps may move columns about: keys are followed by name.
        let keyNames = keyColumns.map { frame.fields[$0].name }
        var bodySteps: [PlanStep] = []
        for (i, step) in body.steps.enumerated() {
            if case .aggregate = step.kind, i != body.steps.count - 1 {
                report(.aggregateNotLastInGroup, "`aggregate` must be the last step inside `group`", step.span)
                return nil
            }
            if case .select(let items) = step.kind,
                let missing = keyNames.first(where: { key in !items.contains { inferredName($0) == key } })
            {
                report(.stepNotAllowedInGroup, "a `select` inside `group` must keep the key `\(missing)`", step.span)
                return nil
            }
            let positions = keyNames.compactMap { name in frame.fields.firstIndex { $0.name == name } }
            guard positions.count == keyNames.count,
                let checked = checkStep(step, input: frame, inGroup: GroupContext(keyColumns: positions))
            else { return nil }
            bodySteps.append(checked)
            frame = checked.schema
        }
        return PlanStep(
            kind: .group(keys: keyItems, keyColumns: startKeyColumns, body: bodySteps), span: span, schema: frame)
    }
}
