import SendQLCore

/// `sendql compile`: a script (after the prelude) as SQL for an engine, checked against the
/// contract's tables alone, so it needs no data; or, with `--ddl`, the contract's tables.
public enum CompileJob {
    public struct Request: Sendable {
        /// The script; nil with `ddl`.
        public var source: Source?
        public var target: SQLTarget
        public var asOf: String?
        public var parameters: [String: String]
        public var closures: String?
        public var schema: String?
        public var output: String?
        public var ddl: Bool
        public var options: ScriptOptions

        public init(
            source: Source?, target: SQLTarget, asOf: String?, parameters: [String: String], closures: String?,
            schema: String?, output: String?, ddl: Bool, options: ScriptOptions
        ) {
            self.source = source
            self.target = target
            self.asOf = asOf
            self.parameters = parameters
            self.closures = closures
            self.schema = schema
            self.output = output
            self.ddl = ddl
            self.options = options
        }
    }

    public static func run(_ request: Request) -> JobOutput {
        if request.ddl { return JobOutput(stdout: ContractDDL.render(request.target.dialect, schema: request.schema)) }
        guard let source = request.source else {
            return JobOutput(stderr: "sendql: compile needs a script (FILE or -c), or --ddl\n", status: .usage)
        }
        let context: SessionContext
        switch makeContext(request) {
        case .success(let made): context = made
        case .failure(let output): return output
        }
        let tables = Dictionary(uniqueKeysWithValues: CaseContract.tables.map { ($0.name, $0.schema) })
        var checker = Checker(tables: tables, context: context, resources: FileResourceLoader())
        var programs: [Program] = []
        var diagnostics: [Diagnostic] = []
        for script in Prelude.sources + [source] {
            let checked = checker.check(script)
            diagnostics += checked.diagnostics
            programs.append(checked.program)
        }
        diagnostics += checker.unknownParameters()
        if diagnostics.contains(where: { $0.severity == .error }) {
            let usage = diagnostics.contains { ScriptJob.commandLineCodes.contains($0.code) }
            return JobOutput(
                stderr: ScriptJob.render(diagnostics, options: request.options),
                status: usage ? .usage : .scriptError)
        }
        var header = [
            "sendql compile --target \(request.target.rawValue): \(source.name), as at \(CivilDate(dayNumber: context.asOf).iso)"
        ]
        if !request.parameters.isEmpty {
            header.append(
                "parameters: "
                    + request.parameters.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: ", "))
        }
        let compiled = SQLCompiler.compile(
            programs, tables: tables, context: context,
            request: SQLCompiler.Request(
                target: request.target, schema: request.schema, output: request.output, header: header))
        switch compiled {
        case .success(let sql):
            return JobOutput(stdout: sql, stderr: ScriptJob.render(diagnostics, options: request.options))
        case .failure(let list):
            let usage = list.diagnostics.contains { $0.code == CompileErrorCode.unknownOutput.rawValue }
            return JobOutput(
                stderr: ScriptJob.render(diagnostics + list.diagnostics, options: request.options),
                status: usage ? .usage : .scriptError)
        }
    }

    private static func makeContext(_ request: Request) -> Result<SessionContext, JobOutput> {
        var calendar = HolidayCalendar.englandAndWales
        if let closures = request.closures {
            switch ClosureDays.read(closures) {
            case .success(let days): calendar = calendar.adding(closures: days)
            case .failure(let diagnostic):
                return .failure(
                    JobOutput(stderr: ScriptJob.render([diagnostic], options: request.options), status: .dataError))
            }
        }
        let today = RunJob.today()
        var asOf = today
        if let text = request.asOf {
            guard let date = CivilDate(iso: text) else {
                return .failure(
                    JobOutput(stderr: "sendql: --as-of needs a date as YYYY-MM-DD, found \"\(text)\"\n", status: .usage)
                )
            }
            asOf = date.dayNumber
        }
        var context = SessionContext(asOf: asOf, today: today, calendar: calendar, parameters: request.parameters)
        context.refusesUnknownParameters = true
        return .success(context)
    }
}
