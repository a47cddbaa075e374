import Foundation
import SendQLCore
import SendQLIO

/// What the REPL needs from the world around it, so tests can supply every piece.
public struct REPLConfiguration {
    /// The data folder the session was loaded from, as the banner names it.
    public var dataFolder: String
    /// ANSI colour in results and errors: only on a terminal, never with NO_COLOR.
    public var colour: Bool
    /// How results are shown at first (`.mode` changes it).
    public var format: ResultFormat
    /// The terminal's width now (it can change between results); nil: no limit.
    public var terminalWidth: () -> Int?
    /// Ctrl-C.
    public var interrupts: any InterruptSource
    /// A monotonic clock in nanoseconds, for `.timer`.
    public var clock: () -> UInt64
    /// The script `.kpis` runs; nil when this build has no KPI pack.
    public var kpiScript: () -> Source?
    /// Where `export`, `chart`, `report` and `snapshot` write (`--out`, default the current folder).
    public var outputs: OutputSettings
    /// Lines shown under the banner (an as-of date past the data, a `--param` nothing declares).
    public var startupNotes: [String]

    /// A configuration; the defaults suit the real program (monotonic clock, the built-in KPI pack).
    public init(
        dataFolder: String, colour: Bool, format: ResultFormat = .table, terminalWidth: @escaping () -> Int? = { nil },
        interrupts: any InterruptSource, clock: @escaping () -> UInt64 = { DispatchTime.now().uptimeNanoseconds },
        kpiScript: @escaping () -> Source? = { KPIPack.standardScript },
        outputs: OutputSettings = OutputSettings(), startupNotes: [String] = []
    ) {
        self.outputs = outputs
        self.startupNotes = startupNotes
        self.dataFolder = dataFolder
        self.colour = colour
        self.format = format
        self.terminalWidth = terminalWidth
        self.interrupts = interrupts
        self.clock = clock
        self.kpiScript = kpiScript
    }
}
