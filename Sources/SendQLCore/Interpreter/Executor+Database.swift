extension Executor {
    /// The table a statement's pipeline produces: with a database, compiled and run there when it
    /// can be; otherwise (or when it cannot) in memory, reading its tables from the database.
    func result(of pipeline: CheckedPipeline) throws(RuntimeFailure) -> Table {
        guard let database = store.database else { return try run(pipeline) }
        switch SQLCompiler.compile(pipeline, source: source, catalog: store.catalog, as: statement(database)) {
        case .success(let sql):
            return try fetch(sql, fields: pipeline.schema.fields, from: database, span: pipeline.span)
        case .failure(let refusal):
            store.ranInMemory.append(Self.ranInMemory(refusal))
            return try run(pipeline)
        }
    }

    /// The catalog's `let` table at `index`, computed in the database; nil when it cannot be
    /// compiled (the caller computes it in memory).
    func runInDatabase(definition index: Int) throws(RuntimeFailure) -> Table? {
        guard let database = store.database else { return nil }
        switch SQLCompiler.compile(definition: index, catalog: store.catalog, as: statement(database)) {
        case .success(let sql):
            let definition = store.catalog.definitions[index]
            return try reading(definition.source).fetch(
                sql, fields: definition.pipeline.schema.fields, from: database, span: definition.span)
        case .failure(let refusal):
            store.ranInMemory.append(Self.ranInMemory(refusal))
            return nil
        }
    }

    /// A whole table of the database, for a pipeline that runs in memory.
    func fetch(_ table: String, from database: any Database, span: Span?) throws(RuntimeFailure) -> Table {
        let fields = database.tables[table]?.fields ?? []
        let dialect = database.target.dialect
        let name = (database.schema.map { dialect.qualifiedName($0) + "." } ?? "") + dialect.quote(table)
        let columns = fields.map { dialect.quote($0.name) }.joined(separator: ", ")
        return try fetch("SELECT \(columns) FROM \(name)", fields: fields, from: database, span: span)
    }

    private func fetch(
        _ sql: String, fields: [Field], from database: any Database, span: Span?
    ) throws(RuntimeFailure)
        -> Table
    {
        do {
            return try database.fetch(sql, fields: fields, isCancelled: context.isCancelled)
        } catch {
            if error.wasCancelled {
                throw RuntimeFailure(
                    diagnostic: Diagnostic(
                        .error, code: RuntimeErrorCode.interrupted.rawValue, message: "interrupted", source: source,
                        span: span, notes: ["note: the statement was cancelled on the server"]))
            }
            throw RuntimeFailure(diagnostic: error.diagnostic(source: span == nil ? nil : source, span: span))
        }
    }

    private func statement(_ database: any Database) -> SQLCompiler.Statement {
        SQLCompiler.Statement(
            target: database.target, schema: database.schema, tables: database.tables, context: context)
    }

    /// A note saying a pipeline ran in sendql, and why the database could not run it.
    static func ranInMemory(_ refusal: Diagnostic) -> Diagnostic {
        var note = refusal
        note.severity = .note
        note.message = "this pipeline ran in sendql over rows read from the database: " + refusal.message
        note.notes = []
        return note
    }
}
