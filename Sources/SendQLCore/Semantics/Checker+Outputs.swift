extension Checker {
    /// The output statements: exports, charts, reports, snapshots and publication.
    mutating func checkOutput(_ statement: Statement) -> [CheckedStatement] {
        switch statement.kind {
        case .export(let relation, let path):
            guard let pipeline = checkRelation(relation), checkFileName(path, formats: FileFormat.tables) else {
                return []
            }
            return [.export(pipeline, path: path.value, span: statement.span)]
        case .chart(let kind, let relation, let options, let path):
            guard let plan = checkChart(kind: kind, relation: relation, options: options, path: path) else { return [] }
            return [.chart(plan, span: statement.span)]
        case .report(let paths, let title):
            guard paths.allSatisfy({ checkFileName($0, formats: FileFormat.reports) }) else { return [] }
            reportOpen = true
            return [.report(paths: paths.map(\.value), title: title.flatMap { constantText($0) }, span: statement.span)]
        case .heading(let text):
            guard requireReport("heading", statement.span), let text = constantText(text) else { return [] }
            return [.heading(text)]
        case .text(let text):
            guard requireReport("text", statement.span), let text = constantText(text) else { return [] }
            return [.text(text)]
        case .table(let relation, let caption):
            guard requireReport("table", statement.span), let pipeline = checkRelation(relation) else { return [] }
            return [.table(pipeline, caption: caption.flatMap { constantText($0) })]
        case .figure(let path, let caption):
            guard requireReport("figure", statement.span), checkFileName(path, formats: FileFormat.figures) else {
                return []
            }
            return [.figure(path: path.value, caption: caption.flatMap { constantText($0) })]
        case .snapshot(let name):
            guard tables["kpi_pack"] != nil else {
                report(
                    .snapshotWithoutKPIPack, "`snapshot` stores the KPI pack, and no `kpi_pack` table is defined here",
                    statement.span)
                return []
            }
            return [.snapshot(name: name.value, span: statement.span)]
        case .publish(let threshold):
            var limit = 5
            if let threshold {
                let bound = fold(bindScalar(threshold, in: FrameSchema(fields: [])))
                guard case .literal(.int(let n)) = bound.node, (1...1000).contains(n) else {
                    if bound.type != .error {
                        report(
                            .badPublicationThreshold, "the publication threshold must be a whole number from 1 to 1000",
                            threshold.span)
                    }
                    return []
                }
                limit = Int(n)
            }
            return [.publish(threshold: limit)]
        default:
            return []
        }
    }

    /// A file name that stays under the output folder and has one of the extensions.
    mutating func checkFileName(_ path: StringLiteral, formats: [FileFormat]) -> Bool {
        let name = path.value
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || parts.contains("..") || name.isEmpty || parts.contains("") {
            report(
                .badOutputFileName, "\"\(name)\" must be a relative path inside the output folder", path.span,
                notes: ["help: write a name like \"kpis.csv\" or \"figures/kpis.svg\"; --out chooses the folder"])
            return false
        }
        guard let format = FileFormat(path: name), formats.contains(format) else {
            report(
                .badOutputFileName,
                "\"\(name)\" should end in " + formats.map { "." + $0.rawValue }.joined(separator: ", "), path.span)
            return false
        }
        return true
    }

    mutating func requireReport(_ what: String, _ span: Span) -> Bool {
        guard reportOpen else {
            report(
                .reportPartWithoutReport, "`\(what)` adds to a report, and none has been started", span,
                notes: ["help: start one first: report \"progress.html\" \"Title\""])
            return false
        }
        return true
    }

    /// The display text of a constant expression (a heading, a caption).
    mutating func constantText(_ expression: Expression) -> String? {
        constantContext = "report text"
        defer { constantContext = nil }
        let bound = fold(bindScalar(expression, in: FrameSchema(fields: [])))
        guard bound.type != .error, case .literal(let value) = bound.node else { return nil }
        if case .string(let text) = value { return text }
        return value == .null ? "" : value.description
    }

    mutating func checkChart(
        kind: Identifier, relation: Relation, options: [NamedExpression], path: StringLiteral
    ) -> ChartPlan? {
        guard let chartKind = ChartKind(rawValue: kind.name) else {
            report(
                .badChart, "unknown kind of chart `\(kind.name)`", kind.span,
                notes: ["note: the kinds are line and bar"])
            return nil
        }
        guard let pipeline = checkRelation(relation), checkFileName(path, formats: FileFormat.charts) else {
            return nil
        }
        let columns = pipeline.schema.fields
        var plan = ChartPlan(
            kind: chartKind, pipeline: pipeline, x: "", y: "", series: nil, benchmarks: [], target: nil,
            targetColumn: nil, rag: false, lowerIsBetter: false, title: nil, xTitle: nil, yTitle: nil, path: path.value)
        let known = ["x", "y", "series", "benchmark", "target", "rag", "better", "title", "x_title", "y_title"]
        var ok = true
        for option in options {
            guard let name = option.name else {
                report(
                    .badChart, "chart options are written name = value", option.expression.span,
                    notes: ["note: the options are " + known.joined(separator: ", ")])
                ok = false
                continue
            }
            switch name.name {
            case "x", "y", "series":
                guard case .name(let column, nil) = option.expression.kind,
                    let field = columns.first(where: { $0.name == column.name })
                else {
                    report(
                        .badChart, "`\(name.name)` must name a column of the charted table", option.expression.span,
                        notes: ["note: the columns are " + columns.map(\.name).joined(separator: ", ")])
                    ok = false
                    continue
                }
                if name.name == "y" && !field.type.isNumeric {
                    report(
                        .badChart, "`y` must be a number column, and `\(field.name)` is \(field.type)",
                        option.expression.span)
                    ok = false
                }
                if name.name == "x" {
                    plan.x = field.name
                } else if name.name == "y" {
                    plan.y = field.name
                } else {
                    plan.series = field.name
                }
            case "target":
                // A column of the charted table: each series' own target.
                if case .name(let column, nil) = option.expression.kind,
                    let field = columns.first(where: { $0.name == column.name })
                {
                    guard field.type.isNumeric else {
                        report(
                            .badChart, "a `target` column must hold numbers, and `\(field.name)` is \(field.type)",
                            option.expression.span)
                        ok = false
                        continue
                    }
                    plan.targetColumn = field.name
                    continue
                }
                let bound = fold(bindScalar(option.expression, in: FrameSchema(fields: [])))
                switch bound.node {
                case .literal(.int(let v)): plan.target = Double(v)
                case .literal(.double(let v)): plan.target = v
                default:
                    if bound.type != .error { report(.badChart, "`target` must be a number", option.expression.span) }
                    ok = false
                }
            case "rag":
                guard
                    case .literal(.bool(let v)) = fold(bindScalar(option.expression, in: FrameSchema(fields: []))).node
                else {
                    report(.badChart, "`rag` must be true or false", option.expression.span)
                    ok = false
                    continue
                }
                plan.rag = v
            case "better", "benchmark", "title", "x_title", "y_title":
                guard let text = constantText(option.expression) else { ok = false; continue }
                switch name.name {
                case "better":
                    guard text == "higher" || text == "lower" else {
                        report(.badChart, "`better` is \"higher\" or \"lower\"", option.expression.span)
                        ok = false
                        continue
                    }
                    plan.lowerIsBetter = text == "lower"
                case "benchmark": plan.benchmarks.append(text)
                case "title": plan.title = text
                case "x_title": plan.xTitle = text
                default: plan.yTitle = text
                }
            default:
                report(
                    .badChart, "unknown chart option `\(name.name)`", name.span,
                    notes: suggestion(for: name.name, among: known) + [
                        "note: the options are " + known.joined(separator: ", ")
                    ])
                ok = false
            }
        }
        if ok && (plan.x.isEmpty || plan.y.isEmpty) {
            report(.badChart, "a chart needs `x = column` and `y = column`", kind.span.merged(with: path.span))
            ok = false
        }
        if ok && plan.rag && plan.target == nil && plan.targetColumn == nil {
            report(.badChart, "`rag = true` colours against a target: give `target = ...` too", kind.span)
            ok = false
        }
        if ok && !plan.benchmarks.isEmpty && plan.series == nil {
            report(.badChart, "a benchmark is one of the series: give `series = column` too", kind.span)
            ok = false
        }
        return ok ? plan : nil
    }
}
