extension Checker {
    /// Every function name a call may use, for suggestions and completion.
    public var allFunctionNames: [String] {
        ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
            + WindowFunction.allCases.map(\.rawValue) + functions.keys.sorted()
    }

    mutating func bindCall(
        _ name: Identifier, arguments: [Expression], filter: Expression?, in frame: FrameSchema, mode: BindMode,
        span: Span
    ) -> BoundExpression {
        if let function = functions[name.name] {
            return expandUserFunction(
                name, function, arguments: arguments, filter: filter, in: frame, mode: mode, span: span)
        }
        if let aggregate = AggregateFunction(rawValue: name.name) {
            return bindAggregate(
                aggregate, name: name, arguments: arguments, filter: filter, in: frame, mode: mode, span: span)
        }
        if filter != nil {
            report(.wrongArgumentCount, "only aggregates take a `where` filter; `\(name.name)` is not one", span)
            return Self.errorExpression(span)
        }
        if let window = WindowFunction(rawValue: name.name) {
            return bindWindow(window, name: name, arguments: arguments, in: frame, mode: mode, span: span)
        }
        guard let scalar = ScalarFunction(rawValue: name.name) else {
            let fix = Suggestions.closest(to: name.name, among: allFunctionNames)
            report(
                .unknownFunction, "unknown function `\(name.name)`", name.span,
                notes: suggestion(for: name.name, among: allFunctionNames),
                fixIts: fix.map { [FixIt(span: name.span, replacement: $0)] } ?? [])
            return Self.errorExpression(span)
        }
        let bound = arguments.map { bind($0, in: frame, mode: mode) }
        if bound.contains(where: { $0.type == .error }) { return Self.errorExpression(span) }
        switch scalar.resultType(for: bound.map(\.type)) {
        case .failure(let failure):
            reportCallError(failure, function: name.name, signature: scalar.signature, arguments: bound, span: span)
            return Self.errorExpression(span)
        case .success(let type):
            var args = bound
            // Numbers the function reads as double, and mixed int/double choices, are widened here once.
            if [.round, .floor, .ceil].contains(scalar) || ([.abs].contains(scalar) && type == .double) {
                args[0] = widen(args[0])
            }
            if scalar == .rag || scalar == .direction {
                args = args.map { $0.type == .int ? widen($0) : $0 }
            }
            if [.coalesce, .greatest, .least].contains(scalar) { args = args.map { coerce($0, to: type) } }
            if scalar == .period, args[1].isConstant, case .literal(.string(let kind)) = fold(args[1]).node,
                PeriodKind(rawValue: kind) == nil
            {
                report(
                    .wrongArgumentType, "`\(kind)` is not a kind of period", args[1].span,
                    notes: ["note: the kinds are " + PeriodKind.allCases.map(\.rawValue).joined(separator: ", ")])
                return Self.errorExpression(span)
            }
            return BoundExpression(.scalar(scalar, args), type: type, span: span)
        }
    }

    mutating func reportCallError(
        _ failure: FunctionTypeError, function: String, signature: String, arguments: [BoundExpression], span: Span
    ) {
        switch failure {
        case .arity(let expected, let found):
            report(
                .wrongArgumentCount,
                "`\(function)` takes \(expected) argument\(expected == "1" ? "" : "s"), found \(found)", span,
                notes: ["note: \(signature)"])
        case .argument(let index, let expected, let found):
            var notes = ["note: \(signature)"]
            if expected == "date" && found == .string { notes.append("help: write a date literal as @2019-03-31") }
            report(
                .wrongArgumentType, "argument \(index + 1) of `\(function)` must be \(expected), found \(found)",
                arguments[index].span, notes: notes)
        }
    }

    private mutating func bindAggregate(
        _ function: AggregateFunction, name: Identifier, arguments: [Expression], filter: Expression?,
        in frame: FrameSchema, mode: BindMode, span: Span
    ) -> BoundExpression {
        // In `aggregate` a call gives a row per group; in `derive` it gives each row its group's value.
        let input: FrameSchema
        switch mode {
        case .aggregate(let collector): input = collector.input
        case .window: input = frame
        case .scalar:
            report(
                .aggregateOutsideAggregate, "`\(name.name)` is an aggregate and cannot be used here", name.span,
                notes: [
                    "help: aggregates belong in an `aggregate` step, e.g. `aggregate n = \(name.name)(...)`, "
                        + "or in `derive` for each row's group total, e.g. `derive n = \(name.name)(...)`"
                ])
            return Self.errorExpression(span)
        }
        let args = arguments.map { bindScalar($0, in: input) }
        var boundFilter: BoundExpression? = nil
        if let filter {
            let f = bindScalar(filter, in: input)
            if f.type != .bool && f.type != .null && f.type != .error {
                report(
                    .wrongArgumentType, "the `where` of `\(name.name)` must be true/false, found \(f.type)", filter.span
                )
                return Self.errorExpression(span)
            }
            boundFilter = f
        }
        if args.contains(where: { $0.type == .error }) || boundFilter?.type == .error {
            return Self.errorExpression(span)
        }
        func fail(_ failure: FunctionTypeError) -> BoundExpression {
            reportCallError(failure, function: name.name, signature: function.signature, arguments: args, span: span)
            return Self.errorExpression(span)
        }
        func one() -> FunctionTypeError? {
            args.count == 1 ? nil : .arity(expected: "1", found: args.count)
        }
        var argument = args.first
        var fraction: Double? = nil
        let type: ExprType
        let argType = args.first?.type ?? .null
        switch function {
        case .count:
            guard args.count <= 1 else { return fail(.arity(expected: "0 or 1", found: args.count)) }
            type = .int
        case .countDistinct:
            if let e = one() { return fail(e) }
            type = .int
        case .sum:
            if let e = one() { return fail(e) }
            guard argType.isNumeric || argType == .duration else {
                return fail(.argument(index: 0, expected: "a number or duration", found: argType))
            }
            type = argType
        case .avg, .stddev:
            if let e = one() { return fail(e) }
            guard argType.isNumeric || (function == .avg && argType == .duration) else {
                return fail(
                    .argument(
                        index: 0, expected: function == .avg ? "a number or duration" : "a number", found: argType))
            }
            type = .double
        case .min, .max, .first, .last:
            if let e = one() { return fail(e) }
            guard argType.dataType != nil else { return fail(.argument(index: 0, expected: "a value", found: argType)) }
            type = argType
        case .median, .percentile:
            guard args.count == (function == .median ? 1 : 2) else {
                return fail(.arity(expected: function == .median ? "1" : "2", found: args.count))
            }
            guard argType.isNumeric || argType == .duration || argType == .date else {
                return fail(.argument(index: 0, expected: "a number, duration or date", found: argType))
            }
            if function == .percentile {
                guard args[1].isConstant, case .literal(let v) = fold(args[1]).node,
                    let p = (v == .null ? nil : Double(v.description)), (0...1).contains(p)
                else {
                    report(
                        .wrongArgumentType, "the fraction of `percentile` must be a constant between 0 and 1",
                        args[1].span,
                        notes: ["note: percentile(days, 0.9) is the 90th percentile"])
                    return Self.errorExpression(span)
                }
                fraction = p
            }
            type = argType == .date ? .date : .double
        case .trendSlope:
            guard args.count == 2 else { return fail(.arity(expected: "2", found: args.count)) }
            guard argType.isNumeric else { return fail(.argument(index: 0, expected: "a number", found: argType)) }
            guard args[1].type == .string else {
                return fail(.argument(index: 1, expected: "period labels (string)", found: args[1].type))
            }
            type = .double
        case .pct:
            if let e = one() { return fail(e) }
            guard argType == .bool || argType == .null else {
                return fail(.argument(index: 0, expected: "a true/false condition", found: argType))
            }
            type = .double
        }
        if function == .count && args.isEmpty { argument = nil }
        var aggregate = BoundAggregate(
            function: function, argument: argument, fraction: fraction, filter: boundFilter, type: type, span: span)
        if function == .trendSlope { aggregate.period = args[1] }
        switch mode {
        case .aggregate(let collector):
            return BoundExpression(.column(collector.add(aggregate)), type: type, span: span)
        case .window(let collector):
            let window = BoundWindow(
                function: nil, argument: nil, offset: 0, defaultValue: nil, type: type, span: span,
                aggregate: aggregate)
            return BoundExpression(.column(collector.add(window)), type: type, span: span)
        case .scalar:
            return Self.errorExpression(span)
        }
    }

    private mutating func bindWindow(
        _ function: WindowFunction, name: Identifier, arguments: [Expression], in frame: FrameSchema, mode: BindMode,
        span: Span
    ) -> BoundExpression {
        guard case .window(let collector) = mode else {
            report(
                .windowOutsideDerive, "`\(name.name)` is a window function and can only be used in `derive`", name.span,
                notes: ["help: e.g. `derive previous = lag(meeting_date)`, inside a `group` for one series per key"])
            return Self.errorExpression(span)
        }
        // `rank(-x)` ranks by x from the largest, as `sort -x` orders: dates and text too.
        var arguments = arguments
        var descending = false
        if function == .rank || function == .denseRank, arguments.count == 1,
            case .unary(.negate, let inner) = arguments[0].kind
        {
            arguments[0] = inner
            descending = true
        }
        let args = arguments.map { bindScalar($0, in: frame) }
        if args.contains(where: { $0.type == .error }) { return Self.errorExpression(span) }
        func fail(_ failure: FunctionTypeError) -> BoundExpression {
            reportCallError(failure, function: name.name, signature: function.signature, arguments: args, span: span)
            return Self.errorExpression(span)
        }
        var offset = 1
        var defaultValue: BoundExpression? = nil
        let argType = args.first?.type ?? .null
        let type: ExprType
        switch function {
        case .rowNumber:
            guard args.isEmpty else { return fail(.arity(expected: "0", found: args.count)) }
            type = .int
        case .rank, .denseRank, .runningCount:
            guard args.count == 1 else { return fail(.arity(expected: "1", found: args.count)) }
            type = .int
        case .runningSum:
            guard args.count == 1 else { return fail(.arity(expected: "1", found: args.count)) }
            guard argType.isNumeric || argType == .duration else {
                return fail(.argument(index: 0, expected: "a number or duration", found: argType))
            }
            type = argType
        case .runningMin, .runningMax:
            guard args.count == 1 else { return fail(.arity(expected: "1", found: args.count)) }
            guard argType.dataType != nil else { return fail(.argument(index: 0, expected: "a value", found: argType)) }
            type = argType
        case .change:
            guard args.count == 1 else { return fail(.arity(expected: "1", found: args.count)) }
            guard argType.isNumeric || argType == .duration else {
                return fail(.argument(index: 0, expected: "a number", found: argType))
            }
            type = argType
        case .changeOnYear:
            guard args.count == 2 else { return fail(.arity(expected: "2", found: args.count)) }
            guard argType.isNumeric || argType == .duration else {
                return fail(.argument(index: 0, expected: "a number", found: argType))
            }
            guard args[1].type == .string else {
                return fail(.argument(index: 1, expected: "period labels (string)", found: args[1].type))
            }
            type = argType
        case .lag, .lead:
            guard (1...3).contains(args.count) else { return fail(.arity(expected: "1 to 3", found: args.count)) }
            guard argType.dataType != nil else { return fail(.argument(index: 0, expected: "a value", found: argType)) }
            if args.count >= 2 {
                guard case .literal(.int(let n)) = fold(args[1]).node, n >= 0, n <= 1_000_000 else {
                    report(
                        .wrongArgumentType, "the distance of `\(name.name)` must be a constant whole number from 0",
                        args[1].span)
                    return Self.errorExpression(span)
                }
                offset = Int(n)
            }
            if args.count == 3 {
                guard ExprType.unify(argType, args[2].type) == argType else {
                    return fail(.argument(index: 2, expected: argType.description, found: args[2].type))
                }
                defaultValue = coerce(args[2], to: argType)
            }
            type = argType
        }
        if type == .null {
            report(.wrongArgumentType, "`\(name.name)` needs a typed value, found null", span)
            return Self.errorExpression(span)
        }
        var window = BoundWindow(
            function: function, argument: args.first, offset: offset, defaultValue: defaultValue, type: type, span: span
        )
        if function == .changeOnYear { window.period = args[1] }
        window.descending = descending
        return BoundExpression(.column(collector.add(window)), type: type, span: span)
    }

    private mutating func expandUserFunction(
        _ name: Identifier, _ function: UserFunction, arguments: [Expression], filter: Expression?,
        in frame: FrameSchema, mode: BindMode, span: Span
    ) -> BoundExpression {
        guard filter == nil else {
            report(.wrongArgumentCount, "`\(name.name)` is a function of your script and takes no `where`", span)
            return Self.errorExpression(span)
        }
        guard arguments.count == function.parameters.count else {
            report(
                .wrongArgumentCount,
                "`\(name.name)` takes \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), found \(arguments.count)",
                span,
                notes: ["note: defined as \(name.name)(\(function.parameters.joined(separator: ", ")))"])
            return Self.errorExpression(span)
        }
        guard !recursiveFunctions.contains(name.name) else {
            report(.recursiveFunction, "`\(name.name)` calls itself without end (functions may not recurse)", span)
            return Self.errorExpression(span)
        }
        // A parameter named twice is reported where the function is defined; the first one counts.
        let substitution = Dictionary(zip(function.parameters, arguments), uniquingKeysWith: { first, _ in first })
        let expanded = function.body.substituting(substitution, at: span)
        let outermost = expansionDepth == 0
        let workBefore = expansionWork
        expansionDepth += 1
        defer { expansionDepth -= 1 }
        let bound = bind(expanded, in: frame, mode: mode)
        guard outermost else { return bound }
        let notes = [
            "note: a function's body is copied to each call, with the arguments in place of its parameters, so functions that call functions multiply",
            "help: compute part of it in a derive step and pass the column instead",
        ]
        if expansionTooDeep {
            expansionTooDeep = false
            report(
                .functionExpandsTooFar,
                "`\(name.name)` expands to an expression nested more than \(Parser.maximumNesting) levels deep", span,
                notes: notes)
            return Self.errorExpression(span)
        }
        if expansionWork > Checker.maximumExpansionWork, workBefore <= Checker.maximumExpansionWork {
            report(
                .functionExpandsTooFar,
                "`\(name.name)` expands to too large an expression: the function calls of this script come to more than \(Checker.maximumExpansionWork) parts",
                span,
                notes: notes)
            return Self.errorExpression(span)
        }
        return bound
    }

    /// The user functions that can call themselves, directly or through others, as they stand now.
    /// A later definition can close a cycle (`let f(x) = g(x)`, then `let g(x) = f(x)`), so this is
    /// worked out again after each one.
    static func recursive(_ functions: [String: UserFunction]) -> Set<String> {
        let calls = functions.mapValues { $0.body.calledNames.filter { functions[$0] != nil } }
        var result: Set<String> = []
        for start in functions.keys {
            var pending = Array(calls[start] ?? [])
            var seen: Set<String> = []
            while let next = pending.popLast() {
                if next == start {
                    result.insert(start)
                    break
                }
                if seen.insert(next).inserted { pending += calls[next] ?? [] }
            }
        }
        return result
    }
}

extension Expression {
    /// The names of the functions this expression calls.
    var calledNames: Set<String> {
        var names: Set<String> = []
        func visit(_ e: Expression) {
            switch e.kind {
            case .integer, .double, .string, .bool, .null, .date, .duration, .name: break
            case .unary(_, let a), .isNull(let a, _): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .call(let name, let arguments, let filter):
                names.insert(name.name)
                arguments.forEach(visit)
                filter.map(visit)
            case .inList(let a, let list, _): visit(a); list.forEach(visit)
            case .between(let a, let low, let high, _): visit(a); visit(low); visit(high)
            case .conditional(let branches, let otherwise):
                branches.forEach {
                    visit($0.condition); visit($0.value)
                }
                otherwise.map(visit)
            }
        }
        visit(self)
        return names
    }

    /// This expression with parameter names replaced by argument expressions; spans point at the call.
    func substituting(_ arguments: [String: Expression], at call: Span) -> Expression {
        func sub(_ e: Expression) -> Expression { e.substituting(arguments, at: call) }
        var kind = self.kind
        switch self.kind {
        case .name(let name, nil):
            if let argument = arguments[name.name] { return argument }
        case .name: break
        case .integer, .double, .string, .bool, .null, .date, .duration: break
        case .unary(let op, let e): kind = .unary(op, sub(e))
        case .binary(let op, let a, let b): kind = .binary(op, sub(a), sub(b))
        case .call(let name, let args, let filter):
            kind = .call(name, arguments: args.map(sub), filter: filter.map(sub))
        case .inList(let e, let list, let negated): kind = .inList(sub(e), list.map(sub), negated: negated)
        case .between(let e, let low, let high, let negated):
            kind = .between(sub(e), low: sub(low), high: sub(high), negated: negated)
        case .isNull(let e, let negated): kind = .isNull(sub(e), negated: negated)
        case .conditional(let branches, let otherwise):
            kind = .conditional(
                branches: branches.map { ConditionalBranch(condition: sub($0.condition), value: sub($0.value)) },
                otherwise: otherwise.map(sub))
        }
        return Expression(kind, span: call)
    }
}
