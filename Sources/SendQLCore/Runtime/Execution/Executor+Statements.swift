extension Executor {
    /// Runs checked statements in order, adding their results, outputs and failed expectations to
    /// `outcome`. `lazily` defines `let` tables to be computed on first read (the prelude). A runtime
    /// error stops the run and is added as a diagnostic; an open report is kept with what it has.
    func run(_ statements: [CheckedStatement], lazily: Bool, into outcome: inout RunOutcome) {
        var report: ReportRequest?
        do {
            for statement in statements {
                switch statement {
                case .letTable(let name, let pipeline):
                    if lazily {
                        store.define(name, pipeline, source: source)
                    } else {
                        store.set(name, try result(of: pipeline), computedBy: pipeline, source: source)
                        outcome.definitions.append((name, pipeline))
                    }
                case .query(let pipeline):
                    outcome.results.append(
                        QueryResult(table: try result(of: pipeline), span: pipeline.span, pipeline: pipeline))
                case .export(let pipeline, let path, let span):
                    outcome.outputs.append(.export(try result(of: pipeline), path: path, span: span))
                case .chart(let plan, let span):
                    outcome.outputs.append(.chart(plan, try result(of: plan.pipeline), span: span))
                case .report(let paths, let title, let span):
                    if let open = report { outcome.outputs.append(.report(open)) }
                    report = ReportRequest(paths: paths, title: title, blocks: [], span: span)
                case .heading(let text):
                    report?.blocks.append(.heading(text))
                case .text(let text):
                    report?.blocks.append(.text(text))
                case .table(let pipeline, let caption):
                    report?.blocks.append(.table(try result(of: pipeline), caption: caption))
                case .figure(let path, let caption):
                    report?.blocks.append(.figure(path: path, caption: caption))
                case .snapshot(let name, let span):
                    outcome.outputs.append(.snapshot(name: name, try table(named: "kpi_pack", span: span), span: span))
                case .publish(let threshold):
                    outcome.publishThreshold = threshold
                case .expectNone(let pipeline, let message, let span):
                    let table = try result(of: pipeline)
                    if table.rowCount > 0 {
                        outcome.failedExpectations.append(
                            expectationFailed(
                                (message ?? "expected no rows") + ": " + Self.offendingRows(table), span))
                    }
                case .expect(let condition, let message, let span):
                    if evaluator.evaluateConstant(condition) != .bool(true) {
                        outcome.failedExpectations.append(
                            expectationFailed(message ?? "not true: " + source.text(of: span), span))
                    }
                }
            }
        } catch {
            outcome.diagnostics.append(error.diagnostic)
        }
        outcome.diagnostics += store.ranInMemory
        store.ranInMemory = []
        if let report { outcome.outputs.append(.report(report)) }
    }

    /// E0407 at the `expect`, through the one renderer like every other problem.
    private func expectationFailed(_ message: String, _ span: Span) -> Diagnostic {
        Diagnostic(
            .error, code: RuntimeErrorCode.expectationFailed.rawValue, message: message, source: source, span: span,
            label: "expectation failed")
    }

    /// The first rows by their first columns, so the log says what breached an `expect no`.
    static func offendingRows(_ table: Table) -> String {
        let rows = table.rows.prefix(10).map { row in
            row.prefix(3).map { $0.isNull ? "" : $0.description }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let more = table.rowCount > 10 ? " and \(table.rowCount - 10) more" : ""
        return rows.joined(separator: "; ") + more
    }
}
