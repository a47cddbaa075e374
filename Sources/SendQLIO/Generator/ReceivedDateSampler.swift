import SendQLCore

/// Draws the days on which things arrive (requests, complaints, survey responses) across the window,
/// weighted by the story's yearly volume, the school year's rhythm and the working week.
struct ReceivedDateSampler {
    let from: Int32
    let to: Int32
    /// Running total of the day weights, one entry per day of the window.
    private let cumulativeWeights: [Int]

    /// Relative volume by month: quiet in August and December, busy in the autumn and spring terms.
    private static let monthWeights = [10, 9, 11, 8, 10, 10, 9, 4, 8, 11, 11, 7]

    init(from: Int32, to: Int32, calendar: HolidayCalendar) {
        self.from = from
        self.to = to
        var running = 0
        var cumulative: [Int] = []
        cumulative.reserveCapacity(Int(to - from) + 1)
        for day in from...to {
            let date = CivilDate(dayNumber: day)
            // Post and email still arrive at weekends and on bank holidays, but far less.
            let dayWeight = calendar.isWorkingDay(day) ? 10 : 1
            running += Int(AreaStory.requestVolume[date.year]) * Self.monthWeights[date.month - 1] * dayWeight
            cumulative.append(running)
        }
        cumulativeWeights = cumulative
    }

    /// The total weight of the days in `range` (which must lie within the sampler's days).
    func weight(of range: ClosedRange<Int32>) -> Int {
        weightBefore(range.upperBound + 1) - weightBefore(range.lowerBound)
    }

    /// `count` days within `range`, ascending.
    func sortedDays(count: Int, in range: ClosedRange<Int32>, random: inout SplitMix64) -> [Int32] {
        precondition(range.lowerBound >= from && range.upperBound <= to)
        let base = weightBefore(range.lowerBound)
        let span = weight(of: range)
        var days: [Int32] = []
        days.reserveCapacity(count)
        for _ in 0..<count {
            let ticket = base + random.below(span)
            // The first day whose running total exceeds the ticket.
            var low = Int(range.lowerBound - from), high = Int(range.upperBound - from)
            while low < high {
                let middle = (low + high) / 2
                if cumulativeWeights[middle] > ticket { high = middle } else { low = middle + 1 }
            }
            days.append(from + Int32(low))
        }
        days.sort()
        return days
    }

    /// `count` days across the sampler's whole span, ascending.
    func sortedDays(count: Int, random: inout SplitMix64) -> [Int32] {
        sortedDays(count: count, in: from...to, random: &random)
    }

    /// The weight of the days before `day`.
    private func weightBefore(_ day: Int32) -> Int {
        day <= from ? 0 : cumulativeWeights[Int(day - from) - 1]
    }

    /// Moves the last day drawn in each month to that month's last day when no draw landed on it,
    /// so that month ends (and 29 February in leap years) always occur, whatever the sample size.
    /// Only a month's last draw moves, and only later within its month, so the days stay sorted.
    static func coverMonthEnds(_ days: inout [Int32], to windowEnd: Int32) {
        var index = 0
        while index < days.count {
            let date = CivilDate(dayNumber: days[index])
            let monthEnd = CivilDate(
                year: date.year, month: date.month, day: CivilDate.daysInMonth(year: date.year, month: date.month)
            ).dayNumber
            var last = index
            while last + 1 < days.count && days[last + 1] <= monthEnd { last += 1 }
            if days[last] < monthEnd && monthEnd <= windowEnd { days[last] = monthEnd }
            index = last + 1
        }
    }
}
