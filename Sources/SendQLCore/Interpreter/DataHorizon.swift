/// The latest event date in an area's tables: an as-of date after it asks about days the data
/// cannot know, so every clock not done by then reads as overdue. Worth a word to the user.
public enum DataHorizon {
    /// The latest date in any date column of `tables`, leaving out deadlines given in the data
    /// (columns named `*_due_date`, which may lie in the future) and tables named with a leading `_`
    /// or `dfe_` (results and published statistics, not the area's records).
    public static func latestDate(in tables: [String: Table]) -> Int32? {
        var latest: Int32?
        for (name, table) in tables where !name.hasPrefix("_") && !name.hasPrefix("dfe_") && name != "snapshot_history"
        {
            for (field, column) in zip(table.schema.fields, table.columns) where !field.name.hasSuffix("_due_date") {
                guard case .date(let days) = column.storage else { continue }
                for row in days.indices where !column.isNull(row) {
                    if latest.map({ days[row] > $0 }) ?? true { latest = days[row] }
                }
            }
        }
        return latest
    }

    /// A note when `asOf` is after the latest date in the data, else nil.
    public static func note(asOf: Int32, tables: [String: Table]) -> String? {
        guard let latest = latestDate(in: tables), asOf > latest else { return nil }
        let asOfText = CivilDate(dayNumber: asOf).iso, latestText = CivilDate(dayNumber: latest).iso
        return "note: the as-of date \(asOfText) is after the latest date in the data (\(latestText)): "
            + "a clock not done by then counts as overdue or pending as at \(asOfText); "
            + "give --as-of \(latestText) (.asof \(latestText) in the REPL) to see the data as it ends"
    }
}
