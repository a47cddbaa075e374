/// `sendql compile`: a checked script (the prelude first) as one SQL script for an engine.
///
/// Each `let` table the result needs becomes a CTE named after it; the statement is the SELECT of
/// the script's last query (or of the `let` named as the output). The as-of date, the parameters
/// and the working-day calendar are inlined, so the SQL reads nothing but the contract's tables.
public enum SQLCompiler {
    public struct Request: Sendable {
        public var target: SQLTarget
        /// The schema the contract's tables are in (`--schema`); nil reads them unqualified.
        public var schema: String?
        /// The `let` table to select (`--output`); nil selects the last query.
        public var output: String?
        /// Lines for the header comment (how the SQL was made).
        public var header: [String]

        public init(target: SQLTarget, schema: String? = nil, output: String? = nil, header: [String] = []) {
            self.target = target
            self.schema = schema
            self.output = output
            self.header = header
        }
    }

    /// The SQL for `programs` (checked in order, in one scope), or the located reasons it cannot be written.
    public static func compile(
        _ programs: [Program], tables: [String: Schema], context: SessionContext, request: Request
    ) -> Result<String, DiagnosticList> {
        let writer = SQLScriptWriter(
            dialect: request.target.dialect, context: context, baseTables: tables, schema: request.schema)
        do {
            return .success(try writer.script(programs, output: request.output, header: request.header))
        } catch {
            return .failure(DiagnosticList([diagnostic(error, writer)]))
        }
    }
}

/// The state of one compilation: the `let`s seen, the CTEs written, the names taken.
final class SQLScriptWriter {
    /// A written CTE, as later pipelines read it.
    struct WrittenTable {
        var quotedName: String
        var fields: [Field]
        var order: [SQLOrderKey]?
    }

    let dialect: SQLDialect
    let context: SessionContext
    let baseTables: [String: Schema]
    let schema: String?
    var definitions: [SQLCatalog.Definition] = []
    var written: [Int: WrittenTable] = [:]
    var ctes: [String] = []
    var takenNames: Set<String> = []
    var usesCalendar = false
    let calendarName: String
    var hiddenCount = 0
    var aliasCount = 0
    /// The script whose statement is being compiled, for the location of an error.
    var source: Source = Source(name: "<none>", text: "")
    /// The scope of the definition being compiled.
    var scope: [String: Int] = [:]
    /// True when compiling for a session running in a database, whose other tables (a `load`ed
    /// file, the DfE statistics, the REPL's `_`) are in memory.
    var runsInSession = false

    init(dialect: SQLDialect, context: SessionContext, baseTables: [String: Schema], schema: String?) {
        self.dialect = dialect
        self.context = context
        self.baseTables = baseTables
        self.schema = schema
        calendarName = "sendql_calendar"
        for name in baseTables.keys { takenNames.insert(fold(name)) }
        takenNames.insert(fold(calendarName))
    }

    func fold(_ name: String) -> String { dialect.foldsIdentifierCase ? name.lowercased() : name }

    func script(_ programs: [Program], output: String?, header: [String]) throws(SQLCompileError) -> String {
        var lastQuery: (pipeline: CheckedPipeline, scope: [String: Int], source: Source)?
        var skipped: [String] = []
        var catalog = SQLCatalog()
        // Errors about the script as a whole name the user's script.
        if let last = programs.last { source = last.source }
        for (index, program) in programs.enumerated() {
            let isUserScript = index == programs.count - 1
            for statement in program.statements {
                switch statement {
                case .letTable(let name, let pipeline):
                    catalog.define(name, pipeline, source: program.source)
                case .query(let pipeline) where isUserScript:
                    lastQuery = (pipeline, catalog.scope, program.source)
                case .publish where isUserScript:
                    // Compiling without the suppression would hand small numbers to whoever reads the SQL's rows.
                    throw SQLCompileError(
                        code: .unsupportedStep,
                        message:
                            "publish cannot be compiled: small-number suppression is done by sendql, not the engine",
                        notes: [
                            "help: compile the query without `publish`, and publish the rows the engine returns through sendql"
                        ])
                case .query, .heading, .text, .publish: break
                default:
                    if isUserScript { skipped.append(Self.describe(statement, in: program.source)) }
                }
            }
        }
        definitions = catalog.definitions
        let final: SQLRelation
        if let output {
            guard let index = catalog.scope[output] else {
                throw SQLCompileError(
                    code: .unknownOutput, message: "--output \(output): no `let` table of that name",
                    notes: Suggestions.closest(to: output, among: Array(catalog.scope.keys)).map {
                        ["help: did you mean --output \($0)?"]
                    } ?? [])
            }
            final = try table(index)
        } else {
            guard let (pipeline, queryScope, querySource) = lastQuery else {
                throw SQLCompileError(
                    code: .nothingToCompile, message: "the script has no query to compile",
                    notes: [
                        "help: end the script with a pipeline (`from kpi_pack`), or name a `let` table with --output NAME"
                    ])
            }
            source = querySource
            scope = queryScope
            final = try relation(pipeline)
        }
        return assemble(final, header: header, skipped: skipped)
    }

    /// One pipeline, seeing the `let`s of `scope`, as a statement (run against a database).
    func query(_ pipeline: CheckedPipeline, scope: [String: Int], source: Source) throws(SQLCompileError) -> String {
        self.source = source
        self.scope = scope
        return assemble(try relation(pipeline), header: [], skipped: [])
    }

    /// The `let` table at `index` as a statement.
    func query(definition index: Int) throws(SQLCompileError) -> String {
        source = definitions[index].source
        return assemble(try table(index), header: [], skipped: [])
    }

    /// The SQL text: the header, the CTEs in the order they were written, then the SELECT.
    private func assemble(_ final: SQLRelation, header: [String], skipped: [String]) -> String {
        var lines = header.map { "-- " + SQLText.comment($0) }
        lines += skipped.map { "-- not compiled (only a query is): " + SQLText.comment($0) }
        var blocks = ctes
        if usesCalendar { blocks.insert(calendarCTE(), at: 0) }
        let columns = final.fields.map { "t." + dialect.quote($0.name) }.joined(separator: ", ")
        var select = "SELECT \(columns)\nFROM \(final.from("t"))"
        if let order = final.order, !order.isEmpty {
            select += "\nORDER BY " + orderList(order.map { (column: "t." + dialect.quote($0.column), key: $0) })
        }
        var text = lines.joined(separator: "\n")
        if !text.isEmpty { text += "\n" }
        if !blocks.isEmpty { text += "WITH\n" + blocks.joined(separator: ",\n") + "\n" }
        return text + select + ";\n"
    }

    /// The `let` table at `index` as a relation to read, writing its CTE (and those it reads) first.
    func table(_ index: Int) throws(SQLCompileError) -> SQLRelation {
        if let table = written[index] {
            return SQLRelation(sql: table.quotedName, isTable: true, fields: table.fields, order: table.order)
        }
        let definition = definitions[index]
        let (savedSource, savedScope) = (source, scope)
        source = definition.source
        scope = definition.scope
        let body = try relation(definition.pipeline)
        source = savedSource
        scope = savedScope
        var name = definition.name
        var suffix = 1
        while takenNames.contains(fold(name)) {
            suffix += 1
            name = "\(definition.name)_\(suffix)"
        }
        takenNames.insert(fold(name))
        let quoted = dialect.quote(name)
        let line = definition.source.location(of: definition.span.start).line
        ctes.append(
            "-- \(SQLText.comment(definition.source.name)) line \(line): let \(SQLText.comment(definition.name))\n"
                + "\(quoted) AS (\n\(SQLText.indent(body.select(dialect)))\n)")
        let table = WrittenTable(quotedName: quoted, fields: body.fields, order: body.order)
        written[index] = table
        return SQLRelation(sql: quoted, isTable: true, fields: table.fields, order: table.order)
    }

    /// A step's input read more than once, as a CTE of its own (`sendql_fill1`), so it is written and
    /// computed once.
    func shared(_ relation: SQLRelation, _ kind: String) -> SQLRelation {
        let name = hiddenName(kind)
        takenNames.insert(fold(name))
        let quoted = dialect.quote(name)
        ctes.append("\(quoted) AS (\n\(SQLText.indent(relation.select(dialect)))\n)")
        var table = relation
        table.sql = quoted
        table.isTable = true
        table.unionParts = nil
        return table
    }

    /// The table a pipeline starts from: a `let` in scope, a contract table, or `range`.
    func start(_ pipeline: CheckedPipeline) throws(SQLCompileError) -> SQLRelation {
        if let range = pipeline.range {
            let column = hiddenName("o")
            let series = SQLDialect.fill(dialect.integerSeries, [String(range.lowerBound), String(range.upperBound)])
            return SQLRelation(
                sql: "SELECT s.\(dialect.quote("value")), s.\(dialect.quote("value")) AS \(dialect.quote(column))\n"
                    + "FROM (\(series)) AS s",
                fields: [Field("value", .int)], order: [SQLOrderKey(column: column, descending: false, isText: false)])
        }
        if let index = scope[pipeline.table] { return try table(index) }
        guard let schema = baseTables[pipeline.table] else {
            if runsInSession {
                throw SQLCompileError(
                    code: .notATable,
                    message: "`\(pipeline.table)` is held in sendql's memory, not in the database",
                    span: pipeline.span)
            }
            throw SQLCompileError(
                code: .notATable,
                message:
                    "`\(pipeline.table)` is not a table of the database: \(dialect.name) cannot read a file `load`ed by the script",
                span: pipeline.span,
                notes: [
                    "help: put the file's rows in a table beside the contract's (`sendql push`, or the engine's own CSV reader)"
                ])
        }
        let quoted = self.schema.map { dialect.qualifiedName($0) + "." } ?? ""
        return SQLRelation(
            sql: quoted + dialect.quote(pipeline.table), isTable: true, fields: schema.fields, order: nil)
    }

    /// A fresh name for a hidden column (`sendql_o3`): the counter keeps it apart from every other.
    func hiddenName(_ kind: String) -> String {
        hiddenCount += 1
        return "sendql_\(kind)\(hiddenCount)"
    }

    /// A fresh table alias for a calendar lookup.
    func alias(_ kind: String) -> String {
        aliasCount += 1
        return "\(kind)\(aliasCount)"
    }

    /// `ORDER BY` items for order keys: nulls last either way, text by code point.
    func orderList(_ keys: [(column: String, key: SQLOrderKey)], reversed: Bool = false) -> String {
        keys.map { column, key in
            let descending = key.descending != reversed
            let collated = key.isText ? column + dialect.binaryCollation : column
            return collated + (descending ? " DESC" : " ASC") + (reversed ? " NULLS FIRST" : " NULLS LAST")
        }.joined(separator: ", ")
    }

    static func describe(_ statement: CheckedStatement, in source: Source) -> String {
        let span: Span?
        let kind: String
        switch statement {
        case .expect(_, _, let s): (kind, span) = ("expect", s)
        case .expectNone(_, _, let s): (kind, span) = ("expect none", s)
        case .export(_, _, let s): (kind, span) = ("export", s)
        case .chart(_, let s): (kind, span) = ("chart", s)
        case .report(_, _, let s): (kind, span) = ("report", s)
        case .snapshot(_, let s): (kind, span) = ("snapshot", s)
        case .table(let p, _): (kind, span) = ("table", p.span)
        case .figure: (kind, span) = ("figure", nil)
        default: (kind, span) = ("statement", nil)
        }
        guard let span else { return kind }
        return "\(kind) at line \(source.location(of: span.start).line)"
    }
}
