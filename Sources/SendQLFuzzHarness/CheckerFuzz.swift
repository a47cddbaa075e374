import SendQLCore
import SendQLIO

/// One fuzz input as a script: parsed, checked against the contract tables and the prelude, and,
/// when it checks, run over the few rows of `FuzzArea`.
enum CheckerFuzz {
    /// The largest `range` a fuzz script may run: bigger ones are checked but not run, so that a
    /// fuzz input cannot spend its time making ten million rows (which `range` allows on purpose).
    static let largestRunRange: Int64 = 10_000

    static let context: SessionContext = {
        let day = CivilDate(year: 2023, month: 3, day: 31).dayNumber
        return SessionContext(asOf: day, today: day, calendar: HolidayCalendar.englandAndWales, rowLimit: 100_000)
    }()

    /// The checker with the prelude in scope, every table computed over the fixture, and any
    /// problem found while setting them up.
    struct World: Sendable {
        var checker: Checker
        var tables: [String: Table]
        var problems: [String]
    }

    static let world: World = {
        let folder = FuzzFolder()
        for file in FuzzArea.files { folder.write(file.name, Array(file.text.utf8)) }
        let result = CaseDataLoader(parallelism: 1).inspect(directory: folder.path)
        for file in FuzzArea.files { folder.remove(file.name) }
        guard let data = result.caseData else {
            return World(
                checker: Checker(tables: [:], context: context), tables: [:],
                problems: ["the fixture area does not load: \(result.errors.map(\.text))"])
        }
        let session = Session(tables: data.tables, context: context, prelude: Prelude.sources)
        var tables: [String: Table] = [:]
        for name in session.tableNames {
            tables[name] = session.table(named: name)
        }
        return World(
            checker: session.checker, tables: tables,
            problems: session.preludeDiagnostics.map { "prelude: \($0.message)" })
    }()

    static func run(_ bytes: [UInt8]) -> [String] {
        var broken = world.problems
        var checker = world.checker
        let source = Source(name: "fuzz.sendql", text: String(decoding: bytes, as: UTF8.self))
        let checked = checker.check(source)
        broken += Invariants.spansInside(checked.diagnostics)
        _ = DiagnosticRenderer().render(checked.diagnostics)
        _ = PlanPrinter.render(checked.program, tables: checker.tables)
        guard !checked.hasErrors, checked.program.statements.allSatisfy(isSmall) else { return broken }
        return broken + execute(checked.program, source: source)
    }

    /// Runs a checked program as a session would, checking every result against its checked schema.
    static func execute(_ program: Program, source: Source) -> [String] {
        var broken: [String] = []
        var tables = world.tables
        for statement in program.statements {
            let executor = Executor(context: context, tables: tables, source: source)
            do {
                switch statement {
                case .letTable(let name, let pipeline):
                    tables[name] = try executor.run(pipeline)
                case .query(let pipeline):
                    let result = try executor.run(pipeline)
                    broken += Invariants.wellFormed(result, what: "result")
                    if !pipeline.schema.isOpen, result.schema.fields != pipeline.schema.fields {
                        broken.append(
                            "result columns \(result.schema) differ from the checked \(pipeline.schema.schema)")
                    }
                    for format in ResultFormat.allCases { _ = ResultRenderer.render(result, as: format) }
                    _ = TableRenderer().render(result)
                case .expect(let condition, _, _):
                    _ = ExpressionEvaluator(context: context).evaluateConstant(condition)
                case .expectNone(let pipeline, _, _), .export(let pipeline, _, _), .table(let pipeline, _):
                    // Output statements run their pipelines; nothing is written.
                    broken += Invariants.wellFormed(try executor.run(pipeline), what: "output")
                case .chart(let plan, _):
                    let result = try executor.run(plan.pipeline)
                    broken += Invariants.wellFormed(result, what: "chart data")
                    do { _ = try SVGChartRenderer.render(result, spec: ChartSpec(plan)) } catch {
                        broken += Invariants.spansInside([error])
                    }
                case .report, .heading, .text, .figure, .snapshot, .publish:
                    break
                }
            } catch {
                broken += Invariants.spansInside([error.diagnostic])
                _ = DiagnosticRenderer().render(error.diagnostic)
                return broken
            }
        }
        return broken
    }

    /// False when a statement reads a `range` longer than `largestRunRange`.
    static func isSmall(_ statement: CheckedStatement) -> Bool {
        switch statement {
        case .letTable(_, let pipeline), .query(let pipeline), .expectNone(let pipeline, _, _),
            .export(let pipeline, _, _), .table(let pipeline, _):
            return isSmall(pipeline)
        case .chart(let plan, _): return isSmall(plan.pipeline)
        case .expect, .report, .heading, .text, .figure, .snapshot, .publish: return true
        }
    }

    static func isSmall(_ pipeline: CheckedPipeline) -> Bool {
        if let range = pipeline.range, range.upperBound - range.lowerBound >= largestRunRange { return false }
        return pipeline.steps.allSatisfy(isSmall)
    }

    static func isSmall(_ step: PlanStep) -> Bool {
        switch step.kind {
        case .join(let plan): return isSmall(plan.right)
        case .append(let other, _, _): return isSmall(other)
        case .group(_, _, let body): return body.allSatisfy(isSmall)
        default: return true
        }
    }
}
