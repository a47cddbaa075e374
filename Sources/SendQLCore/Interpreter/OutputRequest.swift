/// A file a script asks for; the session computes the table, and the I/O layer writes it.
public enum OutputRequest: Sendable {
    /// A table for `name.csv`, `.json`, `.md` or `.html`.
    case export(Table, path: String, span: Span)
    /// A chart of a table.
    case chart(ChartPlan, Table, span: Span)
    /// A report assembled from headings, text, tables and figures.
    case report(ReportRequest)
    /// The KPI pack to append to the snapshot history under a name.
    case snapshot(name: String, Table, span: Span)
}

/// A report a script builds with `report`, `heading`, `text`, `table` and `figure`.
public struct ReportRequest: Sendable {
    /// Each file the report is written to (its extension chooses Markdown or HTML).
    public var paths: [String]
    public var title: String?
    public var blocks: [ReportBlock]
    public var span: Span
}

/// One part of a report, in order.
public enum ReportBlock: Sendable {
    case heading(String)
    case text(String)
    case table(Table, caption: String?)
    case figure(path: String, caption: String?)
}
