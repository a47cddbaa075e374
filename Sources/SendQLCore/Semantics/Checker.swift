/// Resolves names and types of a parsed script against the tables in scope, before any data is read.
///
/// The checker keeps its scope between calls, so a REPL can check one entry after another and
/// see earlier `let`s. It reports every error it can find in one pass.
public struct Checker: Sendable {
    /// A user-defined function: parameters and body, expanded at each call.
    struct UserFunction: Sendable {
        var parameters: [String]
        var body: Expression
    }

    /// The schema of every table in scope (data tables, `let` tables, loaded files).
    public internal(set) var tables: [String: FrameSchema]
    /// `let` values and parameters, as constant literals.
    public private(set) var values: [String: BoundExpression] = [:]
    var functions: [String: UserFunction] = [:]
    /// Every parameter a checked script has declared (`param`), to refuse a `--param` no script reads.
    public private(set) var declaredParameters: Set<String> = []
    /// Tables read by `load` while checking, for the executor.
    public internal(set) var loadedTables: [String: Table] = [:]
    public var context: SessionContext
    public var resources: (any ResourceLoader)?

    var diagnostics: [Diagnostic] = []
    var source: Source
    /// What the resolve stage read for the script being checked.
    var resolution = Resolution()
    /// User functions that call themselves, directly or through others (E0322).
    var recursiveFunctions: Set<String> = []
    /// How many user-function expansions the expression being bound is inside.
    var expansionDepth = 0
    /// True after a `report` statement: headings, text, tables and figures have somewhere to go.
    var reportOpen = false
    /// How deep `bind` is in the expression tree, expansions included: a parsed expression is never
    /// deeper than `Parser.maximumNesting`, but functions called in functions' bodies can expand deeper.
    var bindDepth = 0
    /// Set when an expansion went deeper than `Parser.maximumNesting`, for the outermost call to report.
    var expansionTooDeep = false
    /// Expression nodes bound inside user-function expansions in this `check`, to refuse functions
    /// that expand to an enormous expression (each call copies the body, so sizes multiply).
    var expansionWork = 0
    /// How many expression nodes the user-function calls of one `check` may expand to (E0328).
    public static let maximumExpansionWork = 1_000_000
    /// What is being bound outside any table (`let x = ...`, `expect ...`), for the message when it names a column.
    var constantContext: String?

    public init(tables: [String: Schema], context: SessionContext, resources: (any ResourceLoader)? = nil) {
        self.tables = tables.mapValues { FrameSchema(fields: $0.fields) }
        self.context = context
        self.resources = resources
        self.source = Source(name: "<none>", text: "")
    }

    /// The user-defined function names, for completion and suggestions.
    public var functionNames: [String] { Array(functions.keys) }

    /// Checks a script against what the resolve stage read for it, reading nothing itself; the
    /// program is runnable only when no diagnostic is an error.
    mutating func check(_ script: Script, resolution: Resolution) -> (Program, [Diagnostic]) {
        diagnostics = []
        expansionWork = 0
        self.resolution = resolution
        defer { self.resolution = Resolution() }
        let statements = checkStatements(script)
        return (Program(statements: statements, source: script.source), diagnostics)
    }

    mutating func checkStatements(_ script: Script) -> [CheckedStatement] {
        let saved = source
        source = script.source
        defer { source = saved }
        var result: [CheckedStatement] = []
        for statement in script.statements {
            result += checkStatement(statement)
        }
        return result
    }

    mutating func checkStatement(_ statement: Statement) -> [CheckedStatement] {
        switch statement.kind {
        case .query(let pipeline):
            guard let checked = checkPipeline(pipeline) else { return [] }
            return [.query(checked)]
        case .letTable(let name, let pipeline):
            guard let checked = checkPipeline(pipeline) else {
                // Keep the name known so later uses do not add a second, misleading error.
                tables[name.name] = FrameSchema(fields: [], isOpen: true)
                return []
            }
            tables[name.name] = checked.schema
            values[name.name] = nil
            return [.letTable(name: name.name, pipeline: checked)]
        case .letValue(let name, let value):
            values[name.name] = constant(value, naming: name.name)
            return []
        case .function(let name, let parameters, let body):
            for (index, parameter) in parameters.enumerated()
            where parameters[..<index].contains(where: { $0.name == parameter.name }) {
                report(.nameTwice, "the parameter `\(parameter.name)` is named twice in `\(name.name)`", parameter.span)
            }
            functions[name.name] = UserFunction(parameters: parameters.map(\.name), body: body)
            recursiveFunctions = Checker.recursive(functions)
            return []
        case .parameter(let name, let type, let allowed, let defaultValue):
            checkParameter(name: name, typeName: type, allowed: allowed, defaultValue: defaultValue)
            return []
        case .include(let path):
            return checkInclude(path, at: statement.span.start)
        case .load(let path, let name):
            checkLoad(path: path, name: name, at: statement.span.start)
            return []
        case .expect(let condition, let message):
            constantContext = "an `expect` condition"
            defer { constantContext = nil }
            let bound = bindScalar(condition, in: FrameSchema(fields: []))
            if bound.type != .bool && bound.type != .error && bound.type != .null {
                report(.expectNotBoolean, "expect needs a true/false condition, found \(bound.type)", condition.span)
                return []
            }
            return [.expect(condition: bound, message: message?.value, span: statement.span)]
        case .expectNone(let relation, let message):
            guard let pipeline = checkRelation(relation) else { return [] }
            return [.expectNone(pipeline, message: message?.value, span: statement.span)]
        case .export, .chart, .report, .heading, .text, .table, .figure, .snapshot, .publish:
            return checkOutput(statement)
        }
    }

    /// Binds an expression that reads no column and folds it to a literal.
    mutating func constant(_ expression: Expression, naming name: String) -> BoundExpression {
        constantContext = "the value of `\(name)`"
        defer { constantContext = nil }
        let bound = bindScalar(expression, in: FrameSchema(fields: []))
        if bound.type == .error { return bound }
        return fold(bound)
    }

    /// Evaluates a column-free expression now, keeping months and working-day spans as they are.
    func fold(_ bound: BoundExpression) -> BoundExpression {
        if case .literal = bound.node { return bound }
        guard bound.type.dataType != nil else { return bound }
        let value = ExpressionEvaluator(context: context).evaluateConstant(bound)
        return BoundExpression(.literal(value), type: bound.type, span: bound.span)
    }

    mutating func checkParameter(
        name: Identifier, typeName: Identifier, allowed: [Expression]?, defaultValue: Expression?
    ) {
        declaredParameters.insert(name.name)
        let types: [String: DataType] = [
            "int": .int, "double": .double, "bool": .bool, "date": .date, "string": .string, "duration": .duration,
        ]
        guard let type = types[typeName.name] else {
            report(
                .badParameter, "unknown parameter type `\(typeName.name)`", typeName.span,
                notes: ["help: the types are int, double, bool, date, string, duration"])
            values[name.name] = BoundExpression(.literal(.null), type: .error, span: name.span)
            return
        }
        if let text = context.parameters[name.name] {
            guard let value = ParameterParser.parse(text, as: type) else {
                report(
                    .badParameter, "parameter `\(name.name)` is \(type), but the command line gave \"\(text)\"",
                    name.span)
                values[name.name] = BoundExpression(.literal(.null), type: .error, span: name.span)
                return
            }
            values[name.name] = BoundExpression(.literal(value), type: .value(type), span: name.span)
            checkAllowed(name: name, value: value, allowed: allowed, type: type, fromCommandLine: text)
            return
        }
        guard let defaultValue else {
            report(
                .badParameter, "parameter `\(name.name)` has no default; set it with --param \(name.name)=VALUE",
                name.span)
            values[name.name] = BoundExpression(.literal(.null), type: .error, span: name.span)
            return
        }
        var bound = constant(defaultValue, naming: name.name)
        if bound.type == .int && type == .double, case .literal(.int(let v)) = bound.node {
            bound = BoundExpression(.literal(.double(Double(v))), type: .double, span: bound.span)
        }
        if bound.type != .value(type) && bound.type != .error && bound.type != .null {
            report(
                .badParameter, "parameter `\(name.name)` is \(type), but its default is \(bound.type)",
                defaultValue.span)
            bound.type = .error
        }
        values[name.name] =
            bound.type == .null ? BoundExpression(.literal(.null), type: .value(type), span: bound.span) : bound
        if bound.type != .error, case .literal(let value) = bound.node {
            checkAllowed(name: name, value: value, allowed: allowed, type: type, fromCommandLine: nil)
        }
    }

    /// A parameter declared `in (...)` takes one of those values: E0340 lists them all (from the
    /// command line, the mistake is the user's, and the status is usage).
    mutating func checkAllowed(
        name: Identifier, value: Value, allowed: [Expression]?, type: DataType, fromCommandLine text: String?
    ) {
        guard let allowed else { return }
        var choices: [Value] = []
        for expression in allowed {
            let bound = constant(expression, naming: name.name)
            guard bound.type != .error else { return }
            guard case .literal(let choice) = bound.node, bound.type == .value(type) else {
                report(
                    .badParameter, "the values of parameter `\(name.name)` must be \(type) constants", expression.span)
                return
            }
            choices.append(choice)
        }
        guard !choices.contains(value) else { return }
        let list = choices.map { $0.description }
        let found = text ?? value.description
        let message =
            text == nil
            ? "the default of parameter `\(name.name)` is \(found), which is not one of its values"
            : "--param \(name.name)=\(found): `\(name.name)` is one of " + list.joined(separator: ", ")
        var notes = Suggestions.closest(to: found, among: list).map { ["help: did you mean \($0)?"] } ?? []
        notes.append("note: `\(name.name)` takes " + list.joined(separator: ", "))
        report(.parameterValueNotAllowed, message, name.span, notes: notes)
        values[name.name] = BoundExpression(.literal(.null), type: .error, span: name.span)
    }

    mutating func checkInclude(_ path: StringLiteral, at offset: Int) -> [CheckedStatement] {
        switch resolution.includes[Resolution.Key(source: source.name, offset: offset)] {
        case .script(let script):
            return checkStatements(script)
        case .failed(let code, let message, let notes):
            report(code, message, path.span, notes: notes)
            return []
        case nil:
            report(.badInclude, "include is not available here", path.span)
            return []
        }
    }

    mutating func checkLoad(path: StringLiteral, name: Identifier, at offset: Int) {
        switch resolution.loads[Resolution.Key(source: source.name, offset: offset)] {
        case .table(let table):
            loadedTables[name.name] = table
            tables[name.name] = FrameSchema(fields: table.schema.fields)
        case .unavailable, nil:
            report(.loadNotAvailable, "load is not available here", path.span)
        case .failed, .notRead:
            // The resolver reported why (or the script does not parse and will not run).
            tables[name.name] = FrameSchema(fields: [], isOpen: true)
        }
    }

    /// A syntax error only the checker sees (`from` in the middle of a pipeline built elsewhere).
    mutating func report(_ code: SyntaxErrorCode, _ message: String, _ span: Span, notes: [String] = []) {
        diagnostics.append(
            Diagnostic(.error, code: code.rawValue, message: message, source: source, span: span, notes: notes))
    }

    /// Records an error at a span of the current source.
    mutating func report(
        _ code: CheckErrorCode, _ message: String, _ span: Span, notes: [String] = [], fixIts: [FixIt] = []
    ) {
        diagnostics.append(
            Diagnostic(
                .error, code: code.rawValue, message: message, source: source, span: span, notes: notes, fixIts: fixIts)
        )
    }
}
