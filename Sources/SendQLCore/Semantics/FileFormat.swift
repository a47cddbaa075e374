/// The kinds of file a script writes, named by their extension. The checker refuses any other
/// extension where a statement names a file, and the output writer picks its renderer by it.
public enum FileFormat: String, Sendable, CaseIterable {
    case csv, json, md, html, svg, png

    /// What `export` writes.
    public static let tables: [FileFormat] = [.csv, .json, .md, .html]
    /// What `report` writes.
    public static let reports: [FileFormat] = [.md, .html]
    /// What `chart` writes (a PNG beside it when `rsvg-convert` is installed).
    public static let charts: [FileFormat] = [.svg]
    /// What a report's `figure` may show: a chart, or its PNG.
    public static let figures: [FileFormat] = [.svg, .png]

    /// The format of `path` by its extension, ignoring case; nil when it has none of these.
    public init?(path: String) {
        guard path.contains("."), let suffix = path.split(separator: ".").last else { return nil }
        self.init(rawValue: suffix.lowercased())
    }
}
