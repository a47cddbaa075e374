import SendQLCore

/// The standard KPI pack that `.kpis` runs at the current as-of date.
///
/// The pack itself (a prelude script of KPI definitions) is written on another branch. This is the one
/// place to wire it: return its script here and `.kpis` runs it. Until then `.kpis` says plainly that
/// the pack is not in this build; it never makes up figures.
public enum KPIPack {
    /// The pack's script, or nil when this build has none.
    public static var standardScript: Source? { nil }
}
