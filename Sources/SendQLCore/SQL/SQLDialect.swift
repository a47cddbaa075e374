/// The engines `sendql compile` writes SQL for: one dialect description each, so another engine
/// is one more description rather than another code generator.
public enum SQLTarget: String, Sendable, Hashable, CaseIterable {
    case duckdb, postgres, spark

    public var dialect: SQLDialect {
        switch self {
        case .duckdb: return .duckdb
        case .postgres: return .postgres
        case .spark: return .spark
        }
    }
}

/// What one SQL engine spells differently: quoting, type names, date functions, and which
/// constructs it has. Templates take `$1`, `$2`... for their arguments (already SQL text).
public struct SQLDialect: Sendable {
    /// The engine's name in messages and comments.
    public var name: String
    /// The character that quotes an identifier (doubled inside one).
    public var identifierQuote: Character
    /// True when the engine reads backslash escapes inside string literals (Spark), so a
    /// backslash of the data must be doubled.
    public var escapesBackslash: Bool
    /// The engine's names for sendql's types (durations are whole days, as BIGINT).
    public var typeNames: [DataType: String]
    /// Appended to string operands of comparisons and sorts, so text orders by code point as in
    /// memory whatever the database's locale (`COLLATE "C"` on PostgreSQL); empty where that is so already.
    public var binaryCollation: String
    /// True when identifiers differ by case only are the same name (DuckDB, Spark even quoted).
    public var foldsIdentifierCase: Bool
    /// True when `CREATE TABLE` may carry primary and foreign keys.
    public var hasConstraints: Bool

    // Dates: `$1` a date, `$2` a count.
    public var addDays: String
    /// Days from `$2` to `$1`, as BIGINT.
    public var daysBetween: String
    /// Calendar months later, clamped to the month's last day.
    public var addMonths: String
    public var monthStart: String
    public var monthEnd: String
    public var quarterStart: String
    /// Monday 1 to Sunday 7.
    public var isoWeekday: String
    /// `yyyy-MM` of a date.
    public var yearMonth: String
    /// A date from year, month and day.
    public var makeDate: String

    // Conversions that give null for text that does not read as the type.
    public var textToInt: String
    public var textToDouble: String
    public var textToDate: String
    /// A double to a BIGINT towards zero.
    public var truncateToInt: String

    // Aggregates. `$1` the value, `$2` the fraction, `$3` a window clause (empty outside a window).
    /// nil: the engine has no continuous percentile.
    public var percentile: String
    /// False when the percentile cannot be a window function (PostgreSQL's is an ordered-set aggregate).
    public var percentileAsWindow: Bool
    /// The first value of a group in an order: `$1` the value, `$2` the ORDER BY list, `$3` a FILTER
    /// clause or nothing. nil: the
    /// engine has no ordered aggregate, and the group's rows are collected and sorted instead.
    public var firstInOrder: String?
    public var minBool: String
    public var maxBool: String

    /// A relation of one BIGINT column `value` from `$1` to `$2`, as a SELECT.
    public var integerSeries: String
    /// True when text `$1` matches the anchored regular expression `$2` (a literal).
    public var matchesPattern: String

    public static let duckdb = SQLDialect(
        name: "DuckDB", identifierQuote: "\"", escapesBackslash: false,
        typeNames: [
            .int: "BIGINT", .double: "DOUBLE", .bool: "BOOLEAN", .date: "DATE", .duration: "BIGINT",
            .string: "VARCHAR",
        ],
        binaryCollation: "", foldsIdentifierCase: true, hasConstraints: true,
        addDays: "($1 + CAST($2 AS INTEGER))", daysBetween: "CAST(($1 - $2) AS BIGINT)",
        addMonths: "CAST($1 + to_months(CAST($2 AS INTEGER)) AS DATE)",
        monthStart: "CAST(date_trunc('month', $1) AS DATE)", monthEnd: "last_day($1)",
        quarterStart: "CAST(date_trunc('quarter', $1) AS DATE)", isoWeekday: "CAST(isodow($1) AS BIGINT)",
        yearMonth: "strftime($1, '%Y-%m')", makeDate: "make_date($1, $2, $3)",
        textToInt: "TRY_CAST(trim($1) AS BIGINT)", textToDouble: "TRY_CAST(trim($1) AS DOUBLE)",
        textToDate: "TRY_CAST($1 AS DATE)", truncateToInt: "CAST(trunc($1) AS BIGINT)",
        percentile: "quantile_cont($1, $2)$3", percentileAsWindow: true,
        firstInOrder: "first($1 ORDER BY $2)$3", minBool: "bool_and($1)$2", maxBool: "bool_or($1)$2",
        integerSeries: "SELECT CAST(range AS BIGINT) AS \"value\" FROM range($1, $2 + 1)",
        matchesPattern: "regexp_matches($1, $2)")

    public static let postgres = SQLDialect(
        name: "PostgreSQL", identifierQuote: "\"", escapesBackslash: false,
        typeNames: [
            .int: "BIGINT", .double: "DOUBLE PRECISION", .bool: "BOOLEAN", .date: "DATE", .duration: "BIGINT",
            .string: "TEXT",
        ],
        binaryCollation: " COLLATE \"C\"", foldsIdentifierCase: false, hasConstraints: true,
        addDays: "($1 + CAST($2 AS INTEGER))", daysBetween: "CAST(($1 - $2) AS BIGINT)",
        addMonths: "CAST($1 + make_interval(months => CAST($2 AS INTEGER)) AS DATE)",
        monthStart: "CAST(date_trunc('month', $1) AS DATE)",
        monthEnd: "CAST(date_trunc('month', $1) + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)",
        quarterStart: "CAST(date_trunc('quarter', $1) AS DATE)",
        isoWeekday: "CAST(EXTRACT(ISODOW FROM $1) AS BIGINT)", yearMonth: "to_char($1, 'YYYY-MM')",
        makeDate: "make_date(CAST($1 AS INTEGER), CAST($2 AS INTEGER), CAST($3 AS INTEGER))",
        textToInt: "(CASE WHEN trim($1) ~ '^[+-]?[0-9]{1,18}$' THEN CAST(trim($1) AS BIGINT) END)",
        textToDouble:
            "(CASE WHEN trim($1) ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$' THEN CAST(trim($1) AS DOUBLE PRECISION) END)",
        textToDate: "(CASE WHEN $1 ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN CAST($1 AS DATE) END)",
        truncateToInt: "CAST(trunc($1) AS BIGINT)",
        percentile: "percentile_cont($2) WITHIN GROUP (ORDER BY $1)$3", percentileAsWindow: false,
        firstInOrder: "(array_agg($1 ORDER BY $2)$3)[1]", minBool: "bool_and($1)$2", maxBool: "bool_or($1)$2",
        integerSeries: "SELECT CAST(g AS BIGINT) AS \"value\" FROM generate_series($1, $2) AS s(g)",
        matchesPattern: "($1 ~ $2)")

    public static let spark = SQLDialect(
        name: "Spark SQL", identifierQuote: "`", escapesBackslash: true,
        typeNames: [
            .int: "BIGINT", .double: "DOUBLE", .bool: "BOOLEAN", .date: "DATE", .duration: "BIGINT",
            .string: "STRING",
        ],
        binaryCollation: "", foldsIdentifierCase: true, hasConstraints: false,
        addDays: "date_add($1, CAST($2 AS INT))", daysBetween: "CAST(datediff($1, $2) AS BIGINT)",
        addMonths: "add_months($1, CAST($2 AS INT))", monthStart: "trunc($1, 'MM')", monthEnd: "last_day($1)",
        quarterStart: "trunc($1, 'QUARTER')", isoWeekday: "CAST((dayofweek($1) + 5) % 7 + 1 AS BIGINT)",
        yearMonth: "date_format($1, 'yyyy-MM')",
        makeDate: "make_date(CAST($1 AS INT), CAST($2 AS INT), CAST($3 AS INT))",
        textToInt: "TRY_CAST(trim($1) AS BIGINT)", textToDouble: "TRY_CAST(trim($1) AS DOUBLE)",
        textToDate: "TRY_CAST($1 AS DATE)", truncateToInt: "CAST($1 AS BIGINT)",
        percentile: "percentile($1, $2)$3", percentileAsWindow: true,
        firstInOrder: nil, minBool: "bool_and($1)$2", maxBool: "bool_or($1)$2",
        integerSeries: "SELECT id AS `value` FROM range($1, $2 + 1)", matchesPattern: "($1 RLIKE $2)")

    /// The engine's name for a sendql type.
    public func typeName(_ type: DataType) -> String { typeNames[type] ?? "VARCHAR" }

    /// A schema name as `--schema` gives it: `send` or `catalog.send` (Databricks), each part quoted.
    public func qualifiedName(_ dotted: String) -> String {
        dotted.split(separator: ".", omittingEmptySubsequences: false).map { quote(String($0)) }.joined(separator: ".")
    }

    /// An identifier, always quoted, so no name can be read as SQL.
    public func quote(_ identifier: String) -> String {
        var quoted = String(identifierQuote)
        for character in identifier {
            quoted.append(character)
            if character == identifierQuote { quoted.append(character) }
        }
        quoted.append(identifierQuote)
        return quoted
    }

    /// A string literal. Control characters (newlines among them) are spelled with `chr`, so a
    /// literal stays on one line whatever indentation surrounds it.
    public func literal(_ text: String) -> String {
        var pieces: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty || pieces.isEmpty { pieces.append("'" + current + "'") }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                if !current.isEmpty { flush() }
                pieces.append("chr(\(scalar.value))")
                continue
            }
            switch scalar {
            case "'": current += escapesBackslash ? "\\'" : "''"
            case "\\": current += escapesBackslash ? "\\\\" : "\\"
            default: current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty || pieces.isEmpty { flush() }
        return pieces.count == 1 ? pieces[0] : "(" + pieces.joined(separator: " || ") + ")"
    }

    /// A template with its `$n` placeholders replaced in one pass (an argument's own text, which
    /// may hold `$2` inside a literal, is never read again).
    public static func fill(_ template: String, _ arguments: [String]) -> String {
        var out = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "$", next < template.endIndex, let digit = template[next].wholeNumberValue, digit >= 1 {
                out += digit <= arguments.count ? arguments[digit - 1] : ""
                index = template.index(after: next)
            } else {
                out.append(character)
                index = next
            }
        }
        return out
    }
}
