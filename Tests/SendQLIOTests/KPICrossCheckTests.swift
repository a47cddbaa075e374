import Testing
import SendQLCore
import SendQLIO
import SendQLTestSupport

/// The KPI pack computed by the prelude must equal a direct computation from the rules, written here
/// in plain Swift over the sample area's rows (no query language involved).
struct KPICrossCheckTests {
    static let asOf = CivilDate(iso: "2024-12-31")!.dayNumber

    /// One table's rows as dictionaries of column name to value.
    static func records(_ table: Table) -> [[String: Value]] {
        let names = table.schema.names
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
    }

    static func day(_ value: Value?) -> Int32? {
        if case .date(let d)? = value, d <= asOf { return d }
        return nil
    }

    static func flag(_ value: Value?) -> Bool { value == .bool(true) }

    static func year(_ day: Int32) -> String { String(CivilDate(dayNumber: day).year) }

    /// (numerator, denominator) by year from a list of (period day, met).
    static func byYear(_ rows: [(Int32, Bool)]) -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        for (day, met) in rows {
            var counts = result[year(day), default: [0, 0]]
            counts[1] += 1
            if met { counts[0] += 1 }
            result[year(day)] = counts
        }
        return result
    }

    /// The whole pack as at the as-of date, computed once for all the tests.
    static let packRows: [[Value]] = {
        guard let data = try? CaseDataLoader().load(directory: RepositoryPaths.sampleArea.path) else { return [] }
        var session = Session(
            tables: data.tables,
            context: SessionContext(asOf: asOf, today: asOf, calendar: HolidayCalendar.englandAndWales),
            prelude: Prelude.sources)
        let outcome = session.run(
            Source(name: "check", text: "from kpi_pack | select kpi, breakdown, period, numerator, denominator"))
        return outcome.results.first?.table.rows ?? []
    }()

    /// (numerator, denominator) by period of one KPI and breakdown, from the pack.
    static func pack(_ kpi: String, breakdown: String = "") throws -> [String: [Int64]] {
        #expect(!packRows.isEmpty, "the KPI pack could not be computed")
        var result: [String: [Int64]] = [:]
        for row in packRows where row[0] == .string(kpi) && row[1] == .string(breakdown) {
            guard case .string(let period) = row[2], case .int(let n) = row[3], case .int(let d) = row[4] else {
                continue
            }
            result[period] = [n, d]
        }
        return result
    }

    static var data: [String: Table] {
        get throws { try CaseDataLoader().load(directory: RepositoryPaths.sampleArea.path).tables }
    }

    @Test func headlineTwentyWeekTimelinessMatchesADirectCount() throws {
        let tables = try Self.data
        let requests = Dictionary(
            uniqueKeysWithValues: Self.records(tables["requests"]!).map { ($0["request_id"]!, $0) })
        var rows: [(Int32, Bool)] = []
        for assessment in Self.records(tables["assessments"]!) {
            guard assessment["outcome"] == .string("Y"), let issued = Self.day(assessment["outcome_date"]),
                let request = requests[assessment["request_id"]!], request["outcome"] == .string("Y"),
                Self.day(request["outcome_date"]) != nil, let received = Self.day(request["received_date"])
            else { continue }
            let disputed = [request["mediation"], request["tribunal"], assessment["mediation"], assessment["tribunal"]]
                .contains { Self.flag($0) }
            if disputed || Self.flag(assessment["week20_exception"]) { continue }
            rows.append((issued, issued - received <= 140))
        }
        let expected = Self.byYear(rows)
        #expect(expected.count >= 10)
        #expect(try Self.pack("ehcp_20wk") == expected)
    }

    @Test func decisionsWithinSixWeeksMatchADirectCount() throws {
        var rows: [(Int32, Bool)] = []
        for request in Self.records(try Self.data["requests"]!) {
            guard [Value.string("Y"), .string("N")].contains(request["outcome"]!),
                let decided = Self.day(request["outcome_date"]),
                let received = Self.day(request["received_date"])
            else { continue }
            rows.append((decided, decided - received <= 42))
        }
        #expect(try Self.pack("decision_6wk") == Self.byYear(rows))
    }

    @Test func healthAdviceWithinSixWeeksMatchesADirectCount() throws {
        var rows: [(Int32, Bool)] = []
        for advice in Self.records(try Self.data["advice"]!) {
            guard advice["advice_type"] == .string("health"), let received = Self.day(advice["received_date"]),
                let requested = Self.day(advice["requested_date"]), !Self.flag(advice["exception"])
            else { continue }
            rows.append((received, received - requested <= 42))
        }
        #expect(try Self.pack("advice_6wk", breakdown: "advice_type=health") == Self.byYear(rows))
    }

    @Test func annualReviewsWithinTwelveMonthsMatchADirectCount() throws {
        let tables = try Self.data
        var meetings: [Value: [Int32]] = [:]
        for review in Self.records(tables["reviews"]!) {
            if let day = Self.day(review["meeting_date"]) { meetings[review["plan_id"]!, default: []].append(day) }
        }
        var rows: [(Int32, Bool)] = []
        for plan in Self.records(tables["plans"]!) {
            guard let start = Self.day(plan["start_date"]) else { continue }
            let ceased = Self.day(plan["cease_date"])
            let points = [start] + (meetings[plan["plan_id"]!] ?? []).sorted()
            for (i, point) in points.enumerated() {
                let due = DateArithmetic.addMonths(point, 12) - 1
                let done: Int32? = i + 1 < points.count ? points[i + 1] : nil
                if done == nil, let ceased, ceased <= due { continue }
                if done == nil && due >= Self.asOf { continue }  // pending: not in the KPI
                rows.append((due, done.map { $0 <= due } ?? false))
            }
        }
        // A snapshot reports periods up to the one holding the as-of date; early reviews of later periods wait.
        var expected = Self.byYear(rows)
        expected["2025"] = nil
        #expect(try Self.pack("review_12m") == expected)
    }
}
