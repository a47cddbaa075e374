import SendQLCore

/// One published statistics file read as a table a script can query.
public struct DfETable: Sendable {
    /// How the file lays its figures out.
    public enum Layout: String, Sendable, Hashable {
        /// A tidy Explore Education Statistics data file: a header row, then one row per period,
        /// geography and breakdown.
        case exploreEducationStatistics
        /// The SEND Tribunal appeal rate table: a formatted table, one row per authority and three
        /// columns per year, read into one row per authority and year.
        case tribunalAppealRates
    }

    /// The name scripts use: `dfe_` and the file name without `.csv` (`dfe_timeliness_20_week`).
    public var name: String
    /// The file as messages name it.
    public var file: String
    public var layout: Layout
    public var table: Table
    /// The numeric columns, each with a `<name>_symbol` companion holding the symbols of its cells.
    public var numericColumns: [String]
    /// What the loader changed about the file's shape (a repeated column renamed), for the report.
    public var notes: [String]
    /// Cells read against the publisher's guidance (E0724 warnings), located in the file.
    public var findings: [Diagnostic]

    public init(
        name: String, file: String, layout: Layout, table: Table, numericColumns: [String], notes: [String] = [],
        findings: [Diagnostic] = []
    ) {
        self.findings = findings
        self.name = name
        self.file = file
        self.layout = layout
        self.table = table
        self.numericColumns = numericColumns
        self.notes = notes
    }
}
