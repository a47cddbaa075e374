import SendQLCore

/// Everything a load found, whether or not the data turned out loadable: what `sendql check` reports.
public struct CaseDataLoadResult: Sendable {
    /// The folder as the user named it.
    public var directory: String
    /// The mode the load ran in.
    public var mode: CSVReadMode
    /// One per contract table, in contract order (empty when the folder itself is missing).
    public var summaries: [TableLoadSummary]
    /// Problems that stop a file (or the folder) being used at all: fatal in both modes.
    public var fatalIssues: [DataIssue]
    /// Rows with a bad value, a duplicate key or a dangling reference, by table then line.
    public var rejects: [Reject]
    /// Date-order findings over the kept rows.
    public var findings: [Finding]
    /// Absent files, files that are not contract tables, references left unchecked.
    public var notes: [Diagnostic]
    /// The loaded data; nil when the data is not loadable.
    public var caseData: CaseData?

    /// A result from its parts.
    public init(
        directory: String, mode: CSVReadMode, summaries: [TableLoadSummary], fatalIssues: [DataIssue],
        rejects: [Reject], findings: [Finding], notes: [Diagnostic], caseData: CaseData?
    ) {
        self.directory = directory
        self.mode = mode
        self.summaries = summaries
        self.fatalIssues = fatalIssues
        self.rejects = rejects
        self.findings = findings
        self.notes = notes
        self.caseData = caseData
    }

    /// True when every table could be read and, in strict mode, no row has a problem.
    public var isLoadable: Bool { caseData != nil }

    /// The problems that make the data unloadable: the fatal ones, then (strict mode) every row's.
    public var errors: [DataIssue] {
        fatalIssues + (mode == .strict ? rejects.flatMap(\.issues) : [])
    }
}
