import SendQLCore

/// A local area's case data, loaded from its folder: one table per contract table.
///
/// Every contract table is present, absent files as empty tables with the contract's schema. A table's
/// columns are the contract's (in contract order, optional ones missing from the file as all-null
/// columns of their declared type) followed by the file's extra columns, typed by inference.
public struct CaseData: Sendable {
    /// The folder as the user named it.
    public var directory: String
    /// Every contract table by name.
    public var tables: [String: Table]
    /// Rows set aside in lenient mode (none in strict mode: the load fails instead).
    public var rejects: [Reject]
    /// Date-order findings over the loaded rows.
    public var findings: [Finding]
    /// Notes about the load, one per absent file among them (`E0721`).
    public var notes: [Diagnostic]
    /// The contract tables whose files were absent, so a query naming one can say so.
    public var absentTables: [String]

    /// Loaded data from its parts.
    public init(
        directory: String, tables: [String: Table], rejects: [Reject], findings: [Finding],
        notes: [Diagnostic], absentTables: [String]
    ) {
        self.directory = directory
        self.tables = tables
        self.rejects = rejects
        self.findings = findings
        self.notes = notes
        self.absentTables = absentTables
    }

    /// The table called `name`, or nil when it is not a contract table.
    public func table(_ name: String) -> Table? { tables[name] }

    /// The note saying the table's file was absent, or nil when it was present.
    public func absenceNote(for table: String) -> Diagnostic? {
        absentTables.contains(table) ? Self.absenceNote(for: table) : nil
    }

    /// The note for an absent table file (`E0721`).
    static func absenceNote(for table: String) -> Diagnostic {
        Diagnostic(.absentFile, "\(table).csv is absent: the \(table) table is empty", severity: .note)
    }
}
