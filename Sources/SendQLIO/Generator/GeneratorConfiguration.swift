import SendQLCore

/// What to generate: how many requests, from which seed, over which window of dates.
public struct GeneratorConfiguration: Sendable, Hashable {
    /// Requests for an EHC needs assessment received inside the window. Everything else (plans made
    /// before the window, plans transferred in, complaints, ...) is scaled from this number.
    public var requests: Int
    /// The random seed; the same configuration always writes the same bytes.
    public var seed: UInt64
    /// First day of the window (day number).
    public var from: Int32
    /// Last day of the window (day number): the day the data is "extracted", so nothing after it exists.
    public var to: Int32

    /// The bundled sample area: an area the size of Kingston upon Thames, 2015-2024, seed 1.
    public static let sampleArea = GeneratorConfiguration(
        requests: 3_000, seed: 1,
        from: CivilDate(year: 2015, month: 1, day: 1).dayNumber,
        to: CivilDate(year: 2024, month: 12, day: 31).dayNumber
    )

    /// A configuration; `validate()` says whether it can be generated.
    public init(requests: Int, seed: UInt64, from: Int32, to: Int32) {
        self.requests = requests
        self.seed = seed
        self.from = from
        self.to = to
    }

    /// Throws when the configuration cannot be generated. Bank holidays are known for 2000-2040; outside
    /// those years only weekends are skipped when dates are moved to working days.
    public func validate() throws(GeneratorConfigurationError) {
        guard requests >= 0 else { throw .negativeRequestCount(requests) }
        guard from <= to else { throw .windowEndsBeforeItStarts(from: from, to: to) }
        guard CivilDate(dayNumber: from).year >= 1900, CivilDate(dayNumber: to).year <= 2100 else {
            throw .windowOutOfRange(from: from, to: to)
        }
    }
}

/// Why a generator configuration was refused.
public enum GeneratorConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `requests` was below zero.
    case negativeRequestCount(Int)
    /// `to` is before `from` (day numbers).
    case windowEndsBeforeItStarts(from: Int32, to: Int32)
    /// The window reaches outside 1900-2100, the years the generator's date tables cover.
    case windowOutOfRange(from: Int32, to: Int32)

    public var description: String {
        switch self {
        case .negativeRequestCount(let count):
            return "the number of requests must be 0 or more, found \(count)"
        case .windowEndsBeforeItStarts(let from, let to):
            return
                "the window must not end (\(CivilDate(dayNumber: to))) before it starts (\(CivilDate(dayNumber: from)))"
        case .windowOutOfRange(let from, let to):
            return "the window \(CivilDate(dayNumber: from))..\(CivilDate(dayNumber: to)) must lie within 1900-2100"
        }
    }
}
