/// The `let` tables in scope, as the SQL compiler reads them: every definition with the names it
/// could see when it was written, so `let requests = from requests | ...` reads the table before it.
public struct SQLCatalog: Sendable {
    /// A `let` table with the names it could see when it was defined.
    struct Definition: Sendable {
        var name: String
        var pipeline: CheckedPipeline
        var scope: [String: Int]
        var source: Source
        var span: Span
    }

    private(set) var definitions: [Definition] = []
    /// Each name's latest definition.
    public private(set) var scope: [String: Int] = [:]
    /// Names that now mean a table held in memory (a `load`ed file, the REPL's `_`), which the
    /// database does not have: a pipeline reading one is not compiled.
    public private(set) var hidden: Set<String> = []

    public init() {}

    /// Records `let name = pipeline`; returns the definition's index.
    @discardableResult
    public mutating func define(_ name: String, _ pipeline: CheckedPipeline, source: Source) -> Int {
        definitions.append(
            Definition(name: name, pipeline: pipeline, scope: scope, source: source, span: pipeline.span))
        scope[name] = definitions.count - 1
        hidden.remove(name)
        return definitions.count - 1
    }

    /// Records that `name` now means a table held in memory.
    public mutating func hide(_ name: String) {
        scope[name] = nil
        hidden.insert(name)
    }
}

extension SQLCompiler {
    /// What a session running in a database compiles: one pipeline seeing the catalog's `let`s
    /// (`definition` nil), or one `let` table of it.
    public struct Statement: Sendable {
        public var target: SQLTarget
        public var schema: String?
        /// The database's tables.
        public var tables: [String: Schema]
        public var context: SessionContext

        public init(target: SQLTarget, schema: String?, tables: [String: Schema], context: SessionContext) {
            self.target = target
            self.schema = schema
            self.tables = tables
            self.context = context
        }
    }

    /// `pipeline`, read in `source`, as one SELECT over the database's tables and the catalog's `let`s.
    public static func compile(
        _ pipeline: CheckedPipeline, source: Source, catalog: SQLCatalog, as statement: Statement
    ) -> Result<String, Diagnostic> {
        let writer = makeWriter(catalog, statement)
        do {
            return .success(try writer.query(pipeline, scope: catalog.scope, source: source))
        } catch {
            return .failure(diagnostic(error, writer))
        }
    }

    /// The catalog's `let` table at `index` as one SELECT.
    public static func compile(
        definition index: Int, catalog: SQLCatalog, as statement: Statement
    ) -> Result<
        String, Diagnostic
    > {
        let writer = makeWriter(catalog, statement)
        do {
            return .success(try writer.query(definition: index))
        } catch {
            return .failure(diagnostic(error, writer))
        }
    }

    private static func makeWriter(_ catalog: SQLCatalog, _ statement: Statement) -> SQLScriptWriter {
        let writer = SQLScriptWriter(
            dialect: statement.target.dialect, context: statement.context,
            baseTables: statement.tables.filter { !catalog.hidden.contains($0.key) }, schema: statement.schema)
        writer.definitions = catalog.definitions
        writer.runsInSession = true
        return writer
    }

    static func diagnostic(_ error: SQLCompileError, _ writer: SQLScriptWriter) -> Diagnostic {
        Diagnostic(
            .error, code: error.code.rawValue, message: error.message, source: writer.source, span: error.span,
            notes: error.notes)
    }
}
