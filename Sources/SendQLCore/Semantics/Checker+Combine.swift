extension Checker {
    private enum Side { case left, right, both, neither }

    /// Which side of a join the names of an expression come from.
    private func side(of expression: Expression, left: FrameSchema, right: FrameSchema, alias: String) -> Side {
        var usesLeft = false, usesRight = false
        func visit(_ e: Expression) {
            switch e.kind {
            case .name(let name, let qualifier):
                if let qualifier {
                    if qualifier.name == alias { usesRight = true } else { usesLeft = true }
                } else {
                    let inLeft = left.names.contains(name.name), inRight = right.names.contains(name.name)
                    if inLeft { usesLeft = true }
                    if inRight && !inLeft { usesRight = true }
                }
            case .unary(_, let a), .isNull(let a, _): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .call(_, let args, let filter): args.forEach(visit); filter.map(visit)
            case .inList(let a, let list, _): visit(a); list.forEach(visit)
            case .between(let a, let l, let h, _): visit(a); visit(l); visit(h)
            case .conditional(let branches, let otherwise):
                branches.forEach {
                    visit($0.condition); visit($0.value)
                }
                otherwise.map(visit)
            default: break
            }
        }
        visit(expression)
        switch (usesLeft, usesRight) {
        case (true, true): return .both
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .neither
        }
    }

    mutating func checkJoin(
        kind: JoinKind, relation: Relation, alias: Identifier?, conditions: [Expression], input: FrameSchema, span: Span
    ) -> PlanStep? {
        guard let right = checkRelation(relation) else { return nil }
        var aliasName = alias?.name ?? "right"
        if alias == nil, case .name(let name) = relation { aliasName = name.name }
        var rightFrame = right.schema
        rightFrame.qualifiers = Array(repeating: aliasName, count: rightFrame.fields.count)

        var leftKeys: [BoundExpression] = [], rightKeys: [BoundExpression] = []
        var sharedNames: Set<String> = []
        var residualConditions: [Expression] = []
        for condition in conditions {
            // `on plan_id` joins the same-named column of both sides.
            if case .name(let name, nil) = condition.kind {
                guard let l = input.fields.firstIndex(where: { $0.name == name.name }),
                    let r = rightFrame.fields.firstIndex(where: { $0.name == name.name })
                else {
                    let missing = input.names.contains(name.name) ? aliasName : "the left side"
                    report(
                        .badJoinCondition,
                        "`on \(name.name)` needs a column `\(name.name)` on both sides; \(missing) has none",
                        condition.span,
                        notes: suggestion(
                            for: name.name, among: input.names.contains(name.name) ? rightFrame.names : input.names))
                    return nil
                }
                guard
                    let pair = keyPair(
                        BoundExpression(.column(l), type: .value(input.fields[l].type), span: condition.span),
                        BoundExpression(.column(r), type: .value(rightFrame.fields[r].type), span: condition.span),
                        span: condition.span)
                else { return nil }
                leftKeys.append(pair.0)
                rightKeys.append(pair.1)
                sharedNames.insert(name.name)
                continue
            }
            if case .binary(.equal, let a, let b) = condition.kind {
                let sideA = side(of: a, left: input, right: rightFrame, alias: aliasName)
                let sideB = side(of: b, left: input, right: rightFrame, alias: aliasName)
                if (sideA == .left && sideB == .right) || (sideA == .right && sideB == .left) {
                    let (l, r) = sideA == .left ? (a, b) : (b, a)
                    let boundL = bindScalar(l, in: input), boundR = bindScalar(r, in: rightFrame)
                    if boundL.type == .error || boundR.type == .error { return nil }
                    guard let pair = keyPair(boundL, boundR, span: condition.span) else { return nil }
                    leftKeys.append(pair.0)
                    rightKeys.append(pair.1)
                    if case .name(let ln, _) = l.kind, case .name(let rn, _) = r.kind, ln.name == rn.name {
                        sharedNames.insert(ln.name)
                    }
                    continue
                }
            }
            residualConditions.append(condition)
        }
        guard !leftKeys.isEmpty else {
            report(
                .badJoinCondition, "a join needs at least one equality between the two sides", span,
                notes: ["help: e.g. `join plans on plan_id` or `join plans as p on p.plan_id == plan_id`"])
            return nil
        }
        if kind == .left, let extra = residualConditions.first {
            report(
                .badJoinCondition, "a left join's conditions must be equalities between the two sides", extra.span,
                notes: ["help: filter with `where` before or after the join instead"])
            return nil
        }

        // Output: the left columns, then the right ones; a shared key appears once, other clashes are renamed.
        var frame = input
        var rightColumns: [Int] = []
        var rightNames: [String] = []
        for (index, field) in rightFrame.fields.enumerated() {
            if sharedNames.contains(field.name) && input.names.contains(field.name) { continue }
            var name = field.name
            if frame.names.contains(name) { name = "\(field.name)_\(aliasName)" }
            var suffix = 2
            while frame.names.contains(name) { name = "\(field.name)_\(aliasName)\(suffix)"; suffix += 1 }
            frame.fields.append(Field(name, field.type))
            frame.qualifiers.append(aliasName)
            frame.originalNames.append(field.name)
            rightColumns.append(index)
            rightNames.append(name)
        }
        var residual: BoundExpression? = nil
        for condition in residualConditions {
            let bound = bindScalar(condition, in: frame)
            if bound.type == .error { return nil }
            guard bound.type == .bool else {
                report(.badJoinCondition, "a join condition must be true/false, found \(bound.type)", condition.span)
                return nil
            }
            residual =
                residual.map {
                    BoundExpression(.binary(.and, $0, bound), type: .bool, span: $0.span.merged(with: bound.span))
                } ?? bound
        }
        let plan = JoinPlan(
            kind: kind, right: right, leftKeys: leftKeys, rightKeys: rightKeys, residual: residual,
            rightColumns: rightColumns, rightNames: rightNames)
        return PlanStep(kind: .join(plan), span: span, schema: frame)
    }

    /// Two key expressions of one type (int widened to double when they differ).
    private mutating func keyPair(
        _ l: BoundExpression, _ r: BoundExpression, span: Span
    ) -> (BoundExpression, BoundExpression)? {
        guard let type = ExprType.unify(l.type, r.type), type.dataType != nil else {
            report(.badJoinCondition, "cannot join \(l.type) with \(r.type)", span)
            return nil
        }
        return (coerce(l, to: type), coerce(r, to: type))
    }

    mutating func checkAppend(_ relation: Relation, distinct: Bool, input: FrameSchema, span: Span) -> PlanStep? {
        guard let other = checkRelation(relation) else { return nil }
        let step = distinct ? "union" : "append"
        // A side whose columns an earlier error left unknown has been reported already.
        if input.isOpen || other.schema.isOpen { return nil }
        let missing = input.names.filter { !other.schema.names.contains($0) }
        let extra = other.schema.names.filter { !input.names.contains($0) }
        guard missing.isEmpty && extra.isEmpty else {
            var notes: [String] = []
            if !missing.isEmpty { notes.append("note: only on the left: " + missing.joined(separator: ", ")) }
            if !extra.isEmpty { notes.append("note: only on the right: " + extra.joined(separator: ", ")) }
            notes.append("help: use `select` on either side so both have the same columns")
            report(.appendColumnsDiffer, "`\(step)` needs the same columns on both sides", relation.span, notes: notes)
            return nil
        }
        var columnMap: [Int] = []
        for field in input.fields {
            let index = other.schema.fields.firstIndex { $0.name == field.name }!
            let otherType = other.schema.fields[index].type
            guard otherType == field.type else {
                report(
                    .appendColumnsDiffer, "`\(field.name)` is \(field.type) on the left and \(otherType) on the right",
                    relation.span,
                    notes: ["help: convert one side with int(), double() or string()"])
                return nil
            }
            columnMap.append(index)
        }
        return PlanStep(
            kind: .append(other: other, columnMap: columnMap, distinct: distinct), span: span, schema: input)
    }

    mutating func checkPivot(names: Expression, values: Expression, input: FrameSchema, span: Span) -> PlanStep? {
        let boundNames = bindScalar(names, in: input), boundValues = bindScalar(values, in: input)
        if boundNames.type == .error || boundValues.type == .error { return nil }
        guard case .column(let nameColumn) = boundNames.node, case .column(let valueColumn) = boundValues.node else {
            report(
                .badPivot, "`pivot` takes two columns: the one whose values become column names, then the values", span,
                notes: ["help: derive them first, e.g. `derive period = year(outcome_date)`"])
            return nil
        }
        guard nameColumn != valueColumn else {
            report(.badPivot, "`pivot` needs two different columns", span)
            return nil
        }
        let keys = input.fields.indices.filter { $0 != nameColumn && $0 != valueColumn }
        var frame = FrameSchema(fields: keys.map { input.fields[$0] }, isOpen: true)
        frame.qualifiers = keys.map { input.qualifiers[$0] }
        frame.originalNames = keys.map { input.originalNames[$0] }
        return PlanStep(kind: .pivot(names: nameColumn, values: valueColumn, keys: keys), span: span, schema: frame)
    }
}
