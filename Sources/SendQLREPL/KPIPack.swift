import SendQLCore

/// The standard KPI pack that `.kpis` runs at the current as-of date: the prelude's `kpi_pack`
/// (see docs/kpis.md), by the period the session was started with (`--param kpi_period=...`).
public enum KPIPack {
    /// The script `.kpis` runs.
    public static var standardScript: Source? {
        Source(name: "<.kpis>", text: "from kpi_pack | select kpi, breakdown, period, numerator, denominator, value")
    }
}
