/// The scripts every session runs first, written in sendql itself so that analysts can read, copy and
/// adapt them (`sendql prelude` prints them; docs/kpis.md shows them beside the rules in plain words).
/// They are the files beside this one, embedded in the binary when it is built (SwiftPM's
/// `embedInCode`, so the core needs no Foundation to find them), and diagnostics name those files.
///
/// 1. `as-of.sendql`: each data table as it could be known on the as-of date, under the same name.
/// 2. `clocks.sendql`: one table per statutory clock, and `deadlines`, all of them with their status.
/// 3. `kpis.sendql`: the standard KPI pack, `kpi_pack`, by the period kind in the parameter `kpi_period`.
///
/// Their tables are computed only when a script reads them.
public enum Prelude {
    /// Where the files are in the source tree, as diagnostics name them.
    public static let folder = "Sources/SendQLCore/Prelude"

    /// The three files' names and texts, in the order they run.
    public static var files: [(name: String, text: String)] {
        [
            ("as-of.sendql", String(decoding: PackageResources.as_of_sendql, as: UTF8.self)),
            ("clocks.sendql", String(decoding: PackageResources.clocks_sendql, as: UTF8.self)),
            ("kpis.sendql", String(decoding: PackageResources.kpis_sendql, as: UTF8.self)),
        ]
    }

    public static var sources: [Source] {
        files.map { Source(name: folder + "/" + $0.name, text: $0.text) }
    }

    /// The three scripts as one text, for `sendql prelude` and the documentation.
    public static var text: String { files.map(\.text).joined(separator: "\n") }
}
