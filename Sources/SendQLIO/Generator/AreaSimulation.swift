import SendQLCore

/// A child or young person known to the simulation.
struct SimulatedPerson {
    let number: Int
    let birth: Int32
    /// The September the child starts (or started) reception, the year they turn 5.
    let receptionYear: Int
}

/// Runs the synthetic area's history case by case, writing each table's rows as it goes.
///
/// One random stream drives everything in a fixed order, so a configuration always produces the
/// same bytes. Rows whose clock would start after the window's end do not exist, and events after
/// it are written as null: the files read like an extract taken on the window's last day.
final class AreaSimulation {
    let from: Int32
    let to: Int32
    let requestCount: Int
    let calendar = HolidayCalendar.englandAndWales
    let tables: AreaTableWriters
    var random: SplitMix64
    /// Identifiers are zero-padded to this many digits, so they sort in number order.
    let identifierDigits = 6

    var peopleWritten = 0
    var requestsWritten = 0
    var plansWritten = 0
    var adviceWritten = 0
    var reviewsWritten = 0
    var auditsWritten = 0
    var feedbackWritten = 0
    var complaintsWritten = 0
    var appealsWritten = 0

    /// People refused an assessment who will ask again, oldest first, with the day they may.
    var returningPeople: [(person: SimulatedPerson, from: Int32)] = []
    var nextReturningPerson = 0
    /// Reused for each plan's reviews, which must all be known before any is written.
    var reviewScratch: [SimulatedReview] = []
    /// `yearTable`, held by the instance so lookups skip the static's initialisation check.
    private let years = AreaSimulation.yearTable

    init(configuration: GeneratorConfiguration, tables: AreaTableWriters) {
        from = configuration.from
        to = configuration.to
        requestCount = configuration.requests
        self.tables = tables
        random = SplitMix64(seed: configuration.seed)
    }

    /// How long before the window the extract reaches back for requests still in progress at its
    /// start: without them the first year would have almost no plans issued and no decisions due.
    static let leadInDays: Int32 = 182

    /// The first day of the lead-in. Everything received before it is historical (outcome H).
    var leadInStart: Int32 { from - Self.leadInDays }

    /// Writes the whole area: the caseload inherited from before the lead-in, then every request
    /// (lead-in and window) and every transfer-in in date order, then complaints and general survey
    /// responses.
    func run() throws {
        let sampler = ReceivedDateSampler(from: leadInStart, to: to, calendar: calendar)
        try writePlansMadeBeforeLeadIn(count: requestCount * 31 / 100)

        // The lead-in holds as many requests as the story's volume gives it relative to the window.
        let leadIn = leadInStart...(from - 1)
        let leadInCount = requestCount * sampler.weight(of: leadIn) / sampler.weight(of: from...to)
        var requestDays = sampler.sortedDays(count: leadInCount, in: leadIn, random: &random)
        requestDays += sampler.sortedDays(count: requestCount, in: from...to, random: &random)
        ReceivedDateSampler.coverMonthEnds(&requestDays, to: to)
        let transferDays = sampler.sortedDays(count: requestCount * 7 / 100, in: from...to, random: &random)

        var nextTransfer = 0
        for received in requestDays {
            while nextTransfer < transferDays.count && transferDays[nextTransfer] < received {
                try writeTransferIn(arrival: transferDays[nextTransfer])
                nextTransfer += 1
            }
            try writeRequest(received: received)
        }
        for arrival in transferDays[nextTransfer...] { try writeTransferIn(arrival: arrival) }

        for received in sampler.sortedDays(count: requestCount / 10, in: from...to, random: &random) {
            try writeComplaint(received: received)
        }
        for received in sampler.sortedDays(count: requestCount / 25, in: from...to, random: &random) {
            try writeFeedback(survey: "local_offer", received: received, person: nil)
        }
    }

    // MARK: People

    /// A new person aged `years` (and some days) on `day`, written to `people`.
    func newPerson(agedYears years: Int, on day: Int32) throws -> SimulatedPerson {
        let birth = day - Int32(years * 365 + years / 4 + random.below(365))
        let date = CivilDate(dayNumber: birth)
        // Children born September to December start reception the September after they turn 4.
        let receptionYear = date.month >= 9 ? date.year + 5 : date.year + 4
        peopleWritten += 1
        let person = SimulatedPerson(number: peopleWritten, birth: birth, receptionYear: receptionYear)
        let row = tables.people
        row.writeIdentifier(prefix: "PER-", number: person.number, digits: identifierDigits)
        row.writeDate(birth)
        row.writeField(CodeLists.sex.draw(&random))
        if let ethnicity = CodeLists.ethnicity.draw(&random) { row.writeField(ethnicity) } else { row.writeNull() }
        try row.endRow()
        return person
    }

    /// Whole years of age on a day.
    func age(of person: SimulatedPerson, on day: Int32) -> Int {
        let birth = CivilDate(dayNumber: person.birth), date = CivilDate(dayNumber: day)
        let hadBirthday = (date.month, date.day) >= (birth.month, birth.day)
        return date.year - birth.year - (hadBirthday ? 0 : 1)
    }

    // MARK: Dates

    /// The calendar year of a day. Looked up, because the story asks it for nearly every date drawn.
    func year(_ day: Int32) -> Int {
        let offset = Int(day) - Int(Self.yearTableStart)
        guard offset >= 0 && offset < years.count else { return CivilDate(dayNumber: day).year }
        return Int(years[offset])
    }

    private static let yearTableStart = CivilDate(year: 1900, month: 1, day: 1).dayNumber
    /// The year of every day from 1900 to 2099.
    static let yearTable: [UInt16] = (1900...2099).flatMap { year in
        [UInt16](repeating: UInt16(year), count: CivilDate.isLeapYear(year) ? 366 : 365)
    }

    /// A day, or nil when it falls after the window: not yet happened when the data was extracted.
    func visible(_ day: Int32?) -> Int32? {
        guard let day, day <= to else { return nil }
        return day
    }

    /// The working day a letter dated around `day` goes out: the next working day, unless that would
    /// carry a case that met its `deadline` past it, in which case the working day before (but not
    /// before `earliest`). Lateness is decided by the story, not by where weekends happen to fall.
    func letterDay(_ day: Int32, deadline: Int32, earliest: Int32) -> Int32 {
        var next = day
        while !calendar.isWorkingDay(next) { next += 1 }
        guard day <= deadline && next > deadline else { return next }
        var previous = day
        while !calendar.isWorkingDay(previous) && previous > earliest { previous -= 1 }
        return previous
    }

    /// The next working day on or after `day`.
    func workingDayOnOrAfter(_ day: Int32) -> Int32 {
        var next = day
        while !calendar.isWorkingDay(next) { next += 1 }
        return next
    }

    /// A day of a given month and day-of-month as a day number.
    func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Int32 {
        CivilDate(year: year, month: month, day: dayOfMonth).dayNumber
    }
}
