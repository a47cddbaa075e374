/// A relation on the way to SQL: a SELECT (or a table's name) with the frame's columns, and hidden
/// columns carrying what SQL tables lack: the row order a `sort` gave, and the group of a `group`.
struct SQLRelation {
    /// A SELECT statement, a UNION of them, or a quoted table name when `isTable`.
    var sql: String
    var isTable = false
    /// The visible columns, in frame order.
    var fields: [Field]
    /// The row order, as hidden columns; nil when no order is known (a table's rows have none).
    var order: [SQLOrderKey]?
    /// The hidden columns holding the keys of the enclosing `group` (empty outside one).
    var partition: [String] = []
    /// The SELECTs of a UNION ALL, so that a chain of `append`s stays one flat union.
    var unionParts: [String]? = nil

    /// Hidden columns every step carries on.
    var hidden: [String] { (order ?? []).map(\.column) + partition }

    /// The relation as a FROM item, named `alias`.
    func from(_ alias: String) -> String {
        isTable ? "\(sql) AS \(alias)" : "(\n\(SQLText.indent(sql))\n) AS \(alias)"
    }

    /// The relation as a SELECT statement.
    func select(_ dialect: SQLDialect) -> String {
        isTable ? "SELECT * FROM \(sql)" : sql
    }
}

/// One key of a known row order: a hidden column, its direction and whether it holds text.
struct SQLOrderKey {
    var column: String
    var descending: Bool
    var isText: Bool
}

/// Text helpers shared by the compiler's writers.
public enum SQLText {
    public static func indent(_ text: String, by spaces: Int = 2) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    /// Text safe inside a `--` comment: one line, whatever the user wrote.
    public static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }
}
