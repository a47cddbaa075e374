extension Checker {
    /// Checks a pipeline step by step, knowing the schema after each; nil when it cannot start.
    mutating func checkPipeline(_ pipeline: Pipeline) -> CheckedPipeline? {
        if let first = pipeline.steps.first, case .fromFunction(let function, let arguments) = first.kind {
            guard let range = checkRange(function, arguments) else { return nil }
            let start = FrameSchema(fields: [Field("value", .int)])
            return checkSteps(pipeline, from: function, frame: start, range: range)
        }
        guard let first = pipeline.steps.first, case .from(let tableName) = first.kind else {
            report(SyntaxErrorCode.pipelineWithoutFrom, "a pipeline must start with `from <table>`", pipeline.span)
            return nil
        }
        guard var frame = tables[tableName.name] else {
            // Tables whose names start with `_` are the prelude's working parts: suggested, not listed.
            let names = tables.keys.sorted()
            let listed = names.filter { !$0.hasPrefix("_") }
            let fix = Suggestions.closest(to: tableName.name, among: names)
            // DfE's published statistics are there only when asked for: say how to ask.
            let dfe =
                tableName.name.hasPrefix("dfe_") && !names.contains(where: { $0.hasPrefix("dfe_") })
                ? [
                    "help: `dfe_` tables are DfE's published statistics, read with --dfe DIR (or $SENDQL_DFE); "
                        + "sendql ships DfE's 2025 release in datasets/dfe/ehcp-2025"
                ] : []
            report(
                .unknownTable, "unknown table `\(tableName.name)`", tableName.span,
                notes: dfe + suggestion(for: tableName.name, among: names) + [
                    "note: the tables are " + listed.joined(separator: ", ")
                ],
                fixIts: fix.map { [FixIt(span: tableName.span, replacement: $0)] } ?? [])
            return nil
        }
        return checkSteps(pipeline, from: tableName, frame: frame, range: nil)
    }

    /// Checks the steps after `from`, each against the schema the one before produced.
    private mutating func checkSteps(
        _ pipeline: Pipeline, from tableName: Identifier, frame start: FrameSchema,
        range: ClosedRange<Int64>?
    ) -> CheckedPipeline? {
        var frame = start
        frame.qualifiers = Array(repeating: tableName.name, count: frame.fields.count)
        var steps: [PlanStep] = []
        var failed = false
        for step in pipeline.steps.dropFirst() {
            guard let checked = checkStep(step, input: frame, inGroup: nil) else {
                // Keep checking the later steps for mistakes of their own (an unknown function, a
                // type mismatch), but against a frame whose unknown names no longer raise errors.
                failed = true
                frame.isOpen = true
                continue
            }
            steps.append(checked)
            frame = checked.schema
            if failed { frame.isOpen = true }
        }
        if failed { return nil }
        var checked = CheckedPipeline(table: tableName.name, steps: steps, schema: frame, span: pipeline.span)
        checked.range = range
        return checked
    }

    /// `range(first, last)`: whole-number constants, at most ten million rows (and no more than the
    /// row limit).
    private mutating func checkRange(_ function: Identifier, _ arguments: [Expression]) -> ClosedRange<Int64>? {
        guard function.name == "range" else {
            report(
                .unknownTable, "unknown table function `\(function.name)`", function.span,
                notes: ["note: the table function is range(first, last)"])
            return nil
        }
        guard arguments.count == 2 else {
            report(
                .wrongArgumentCount, "`range` takes 2 arguments, found \(arguments.count)", function.span,
                notes: ["note: range(first, last) -> a table with one int column `value`"])
            return nil
        }
        var bounds: [Int64] = []
        for argument in arguments {
            let bound = fold(bindScalar(argument, in: FrameSchema(fields: [])))
            if bound.type == .error { return nil }
            guard case .literal(.int(let n)) = bound.node else {
                report(
                    .wrongArgumentType, "the bounds of `range` must be whole-number constants, found \(bound.type)",
                    argument.span)
                return nil
            }
            bounds.append(n)
        }
        let most = min(10_000_000, context.rowLimit)
        // Far-apart bounds (range(-9e18, 9e18)) differ by more than 64 bits hold.
        let (span, overflow) = bounds[1].subtractingReportingOverflow(bounds[0])
        guard bounds[0] <= bounds[1], !overflow, span < Int64(most) else {
            report(
                .badTake,
                "`range(\(bounds[0]), \(bounds[1]))` must run upwards and hold at most \(Checker.grouped(most)) rows",
                function.span)
            return nil
        }
        return bounds[0]...bounds[1]
    }

    /// A count with its thousands separated: 10,000,000.
    static func grouped(_ count: Int) -> String {
        var digits = String(count)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }

    /// Checks a relation (a table name or a parenthesised pipeline) as a pipeline.
    mutating func checkRelation(_ relation: Relation) -> CheckedPipeline? {
        switch relation {
        case .name(let name):
            return checkPipeline(Pipeline(steps: [Step(.from(name), span: name.span)], span: name.span))
        case .pipeline(let pipeline):
            return checkPipeline(pipeline)
        }
    }

    /// The name a column gets when none is written: a column's own name, or a function's.
    func inferredName(_ item: NamedExpression) -> String? {
        if let name = item.name { return name.name }
        switch item.expression.kind {
        case .name(let name, _): return name.name
        case .call(let name, _, _): return name.name
        default: return nil
        }
    }

    /// Names for a list of items, reporting missing and duplicate names.
    mutating func names(of items: [NamedExpression], step: String) -> [String]? {
        var result: [String] = []
        var ok = true
        for item in items {
            guard let name = inferredName(item) else {
                report(
                    .columnNeedsName, "this \(step) column needs a name", item.expression.span,
                    notes: ["help: write `name = ...`"])
                ok = false
                continue
            }
            if result.contains(name) {
                report(.nameTwice, "the column `\(name)` is named twice in this \(step)", item.span)
                ok = false
            }
            result.append(name)
        }
        return ok ? result : nil
    }

    /// Binds derive items one after another (each sees the ones before), updating `frame`.
    mutating func bindDeriveItems(_ items: [NamedExpression], frame: inout FrameSchema, step: String) -> [DeriveItem]? {
        var result: [DeriveItem] = []
        var ok = true
        for item in items {
            guard let name = item.name?.name ?? (step == "group" ? inferredName(item) : nil) else {
                report(
                    .columnNeedsName, "each \(step) column needs a name", item.expression.span,
                    notes: ["help: write `name = ...`"])
                ok = false
                continue
            }
            let collector = WindowCollector(inputWidth: frame.fields.count)
            let bound = bind(item.expression, in: frame, mode: step == "group" ? .scalar : .window(collector))
            if bound.type == .error {
                ok = false
                frame.poisoned.insert(name)
                continue
            }
            guard let type = bound.type.dataType ?? (bound.type == .null ? .string : nil) else {
                report(
                    .calendarUnitAsValue, "a column cannot hold a span of \(bound.type)", item.expression.span,
                    notes: ["help: add it to a date, e.g. `received_date + 12 months`"])
                ok = false
                continue
            }
            result.append(DeriveItem(name: name, windows: collector.windows, expression: bound))
            frame.set(name, type)
        }
        return ok ? result : nil
    }
}
