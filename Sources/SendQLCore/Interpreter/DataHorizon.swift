/// The latest event date in an area's tables: an as-of date after it asks about days the data
/// cannot know, so every clock not done by then reads as overdue. Worth a word to the user.
public enum DataHorizon {
    /// The latest date in any date column of `tables`, leaving out deadlines given in the data
    /// (columns named `*_due_date`, which may lie in the future) and tables named with a leading `_`
    /// or `dfe_` (results and published statistics, not the area's records).
    public static func latestDate(in tables: [String: Table]) -> Int32? {
        var latest: Int32?
        for (name, table) in tables where isRecords(name) {
            for (field, column) in zip(table.schema.fields, table.columns) where isEventDate(field) {
                guard case .date(let days) = column.storage else { continue }
                for row in days.indices where !column.isNull(row) {
                    if latest.map({ days[row] > $0 }) ?? true { latest = days[row] }
                }
            }
        }
        return latest
    }

    /// True for a table of the area's records.
    static func isRecords(_ table: String) -> Bool {
        !table.hasPrefix("_") && !table.hasPrefix("dfe_") && table != "snapshot_history"
    }

    /// True for a column of event dates.
    static func isEventDate(_ field: Field) -> Bool { field.type == .date && !field.name.hasSuffix("_due_date") }

    /// The latest date in a database's tables, asked of the database (nil when it has none, or cannot say).
    static func latestDate(in database: any Database) -> Int32? {
        let dialect = database.target.dialect
        let prefix = database.schema.map { dialect.qualifiedName($0) + "." } ?? ""
        let parts = database.tables.sorted { $0.key < $1.key }.filter { isRecords($0.key) }.flatMap { table, schema in
            schema.fields.filter(isEventDate).map {
                "SELECT max(\(dialect.quote($0.name))) AS d FROM \(prefix)\(dialect.quote(table))"
            }
        }
        guard !parts.isEmpty else { return nil }
        let sql = "SELECT max(d) AS d FROM (\n" + parts.joined(separator: "\nUNION ALL\n") + "\n) AS dates"
        guard let table = try? database.fetch(sql, fields: [Field("d", .date)], isCancelled: nil),
            table.rowCount == 1, case .date(let days) = table.columns[0].storage, !table.columns[0].isNull(0)
        else { return nil }
        return days[0]
    }

    /// A note when `asOf` is after the latest date in the session's data, else nil.
    public static func note(for session: Session) -> String? {
        let memory = latestDate(in: session.dataTables)
        let database = session.database.flatMap { latestDate(in: $0) }
        guard let latest = [memory, database].compactMap({ $0 }).max() else { return nil }
        return note(asOf: session.context.asOf, latest: latest)
    }

    /// A note when `asOf` is after `latest`, else nil.
    static func note(asOf: Int32, latest: Int32) -> String? {
        guard asOf > latest else { return nil }
        let asOfText = CivilDate(dayNumber: asOf).iso, latestText = CivilDate(dayNumber: latest).iso
        return "note: the as-of date \(asOfText) is after the latest date in the data (\(latestText)): "
            + "a clock not done by then counts as overdue or pending as at \(asOfText); "
            + "give --as-of \(latestText) (.asof \(latestText) in the REPL) to see the data as it ends"
    }
}
