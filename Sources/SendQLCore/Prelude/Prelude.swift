/// The scripts every session runs first, written in sendql itself so that analysts can read, copy and
/// adapt them (`sendql prelude` prints them; docs/kpis.md shows them beside the rules in plain words).
///
/// 1. `asOfViews`: each data table as it could be known on the as-of date, under the same name.
/// 2. `clocks`: one table per statutory clock, and `deadlines`, all of them with their status.
/// 3. `kpis`: the standard KPI pack, `kpi_pack`, by the period kind in the parameter `kpi_period`.
///
/// Their tables are computed only when a script reads them.
public enum Prelude {
    public static var sources: [Source] {
        [
            Source(name: "<prelude:as-of>", text: asOfViews),
            Source(name: "<prelude:clocks>", text: clocks),
            Source(name: "<prelude:kpis>", text: kpis),
        ]
    }

    /// The three scripts as one text, for `sendql prelude` and the documentation.
    public static var text: String { [asOfViews, clocks, kpis].joined(separator: "\n") }
}
