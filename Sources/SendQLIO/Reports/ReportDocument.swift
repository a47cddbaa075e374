/// A report for a board paper or the written statement: a title and blocks in order, rendered by
/// `MarkdownReportRenderer` or `HTMLReportRenderer`.
public struct ReportDocument: Sendable, Equatable {
    /// The report's title (the page title and the first heading).
    public var title: String
    public var blocks: [ReportBlock]

    public init(title: String, blocks: [ReportBlock] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Adds a block at the end.
    public mutating func append(_ block: ReportBlock) {
        blocks.append(block)
    }
}
