/// What the checker and executor may ask of the outside world; the I/O library supplies it, tests fake it.
public protocol ResourceLoader: Sendable {
    /// The text of a script named by `include`, resolved against the including script's name.
    func readScript(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Source
    /// A CSV file named by `load`, read with inferred types.
    func loadTable(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Table
}

/// Working-day arithmetic as the session's calendar defines it.
public protocol WorkingDayCalendar: Sendable {
    func isWorkingDay(_ day: Int32) -> Bool
    func addWorkingDays(_ day: Int32, _ n: Int) -> Int32
    func workingDaysBetween(_ start: Int32, _ end: Int32) -> Int
}

/// What every expression may read besides its columns.
public struct SessionContext: Sendable {
    /// The as-of date: nothing after it is visible.
    public var asOf: Int32
    public var today: Int32
    public var calendar: any WorkingDayCalendar
    /// Script parameters set from outside (`--param name=value`), as text.
    public var parameters: [String: String]
    /// Largest number of rows a join, window or pivot may produce.
    public var rowLimit: Int
    /// True when a `--param` that no checked script declares is an error (E0341): a misspelt
    /// parameter must not quietly leave its default in force. The REPL leaves it false, since a
    /// script read later may declare it.
    public var refusesUnknownParameters = false
    /// Asked between pipeline steps: true stops the run with E0405 (the REPL's Ctrl-C). nil: never.
    public var isCancelled: (@Sendable () -> Bool)?

    public init(
        asOf: Int32, today: Int32, calendar: any WorkingDayCalendar,
        parameters: [String: String] = [:], rowLimit: Int = 200_000_000
    ) {
        self.asOf = asOf
        self.today = today
        self.calendar = calendar
        self.parameters = parameters
        self.rowLimit = rowLimit
    }
}

extension HolidayCalendar: WorkingDayCalendar {}
