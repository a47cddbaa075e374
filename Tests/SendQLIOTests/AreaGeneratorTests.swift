import Foundation
import Testing
import SendQLCore
@testable import SendQLIO

/// A Kingston-sized area generated once and shared by the tests that read it (about half a second).
enum KingstonSizedArea {
    static let configuration = GeneratorConfiguration(
        requests: 3_000, seed: 11, from: "2015-01-01".day, to: "2024-12-31".day)
    static let area = Result { try GeneratedArea.generate(configuration) }
}

struct AreaGeneratorTests {
    let small = GeneratorConfiguration(requests: 300, seed: 5, from: "2015-01-01".day, to: "2024-12-31".day)

    private func fileBytes(_ configuration: GeneratorConfiguration) throws -> [String: Data] {
        let directory = GeneratedArea.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try AreaGenerator(configuration: configuration).write(to: directory.path)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func sameConfigurationWritesTheSameBytes() throws {
        let first = try fileBytes(small), second = try fileBytes(small)
        #expect(first.keys.sorted() == GeneratedTable.allCases.map(\.fileName).sorted())
        #expect(first == second)
    }

    @Test func anotherSeedWritesAnotherArea() throws {
        var other = small
        other.seed = 6
        let first = try fileBytes(small), second = try fileBytes(other)
        #expect(first["requests.csv"] != second["requests.csv"])
        #expect(first["reviews.csv"] != second["reviews.csv"])
    }

    @Test func headersAreTheDataContractsColumns() throws {
        let area = try KingstonSizedArea.area.get()
        let contract: [GeneratedTable: [String]] = [
            .people: ["person_id", "birth_date", "sex", "ethnicity"],
            .requests: [
                "request_id", "person_id", "received_date", "source", "outcome", "outcome_date", "mediation",
                "tribunal",
            ],
            .assessments: [
                "request_id", "outcome", "outcome_date", "draft_date", "week20_exception", "mediation",
                "tribunal",
            ],
            .plans: [
                "plan_id", "person_id", "request_id", "start_date", "cease_date", "cease_reason", "primary_need",
                "setting",
            ],
            .advice: [
                "advice_id", "request_id", "advice_type", "provider", "requested_date", "received_date",
                "exception",
            ],
            .reviews: [
                "review_id", "plan_id", "meeting_date", "report_date", "outcome", "decision_date",
                "amended_plan_date", "phase_transfer", "phase_transfer_due_date", "phase_transfer_final_date",
            ],
            .audits: ["audit_id", "plan_id", "audit_date", "rating", "health_rating", "social_care_rating"],
            .feedback: ["response_id", "received_date", "survey", "score", "person_id"],
            .complaints: ["complaint_id", "received_date", "stage", "responded_date", "upheld", "topic"],
            .appeals: ["appeal_id", "person_id", "registered_date", "decision_type", "outcome", "outcome_date"],
        ]
        for table in GeneratedTable.allCases {
            #expect(area[table].columns == contract[table], "\(table)")
            #expect(area[table].rows.allSatisfy { $0.count == contract[table]!.count }, "\(table)")
        }
    }

    @Test func reportCountsTheRowsWritten() throws {
        let area = try KingstonSizedArea.area.get()
        for summary in area.report.tables {
            #expect(summary.rows == area[summary.table].rows.count, "\(summary.table)")
            #expect(summary.bytes > 0)
        }
        #expect(area.report.tables.map(\.table) == GeneratedTable.allCases)
    }

    @Test func rowCountsAreThoseOfAKingstonSizedArea() throws {
        let area = try KingstonSizedArea.area.get()
        let requests = 3_000
        let received = area[.requests].column("received_date").map { $0!.day }
        #expect(
            received.filter { KingstonSizedArea.configuration.from...KingstonSizedArea.configuration.to ~= $0 }.count
                == requests)
        #expect((requests * 8 / 10...requests * 14 / 10).contains(area[.plans].rows.count))
        #expect((requests * 3...requests * 9).contains(area[.reviews].rows.count))
        #expect((requests * 2...requests * 4).contains(area[.advice].rows.count))
        #expect(area[.complaints].rows.count == requests / 10)
        #expect(area[.feedback].column("survey").filter { $0 == "local_offer" }.count == requests / 25)
        #expect((20...400).contains(area[.appeals].rows.count))
        #expect(area[.people].rows.count >= area[.plans].rows.count)
    }

    @Test func keysAreUnique() throws {
        let area = try KingstonSizedArea.area.get()
        let keys: [(GeneratedTable, String)] = [
            (.people, "person_id"), (.requests, "request_id"), (.assessments, "request_id"), (.plans, "plan_id"),
            (.advice, "advice_id"), (.reviews, "review_id"), (.audits, "audit_id"), (.feedback, "response_id"),
            (.complaints, "complaint_id"), (.appeals, "appeal_id"),
        ]
        for (table, key) in keys {
            let values = area[table].column(key)
            #expect(values.allSatisfy { $0 != nil }, "\(table).\(key) has nulls")
            #expect(Set(values).count == values.count, "\(table).\(key) has duplicates")
        }
    }

    @Test func referencesResolve() throws {
        let area = try KingstonSizedArea.area.get()
        let people = Set(area[.people].column("person_id"))
        let requests = Set(area[.requests].column("request_id"))
        let plans = Set(area[.plans].column("plan_id"))
        let references: [(GeneratedTable, String, Set<String?>)] = [
            (.requests, "person_id", people), (.assessments, "request_id", requests), (.plans, "person_id", people),
            (.plans, "request_id", requests), (.advice, "request_id", requests), (.reviews, "plan_id", plans),
            (.audits, "plan_id", plans), (.feedback, "person_id", people), (.appeals, "person_id", people),
        ]
        for (table, column, keys) in references {
            let dangling = area[table].column(column).filter { $0 != nil && !keys.contains($0) }
            #expect(dangling.isEmpty, "\(table).\(column): \(dangling.prefix(3))")
        }
        // A plan's request is about the plan's person.
        let requestPerson = Dictionary(
            uniqueKeysWithValues: area[.requests].records.map {
                ($0["request_id"]!!, $0["person_id"]!!)
            })
        for plan in area[.plans].records {
            if let request = plan["request_id"]!, let person = plan["person_id"]! {
                #expect(requestPerson[request] == person)
            }
        }
    }

    @Test func codesAreFromTheContractsLists() throws {
        let area = try KingstonSizedArea.area.get()
        let ratings: Set<String?> = ["outstanding", "good", "requires_improvement", "inadequate"]
        let lists: [(GeneratedTable, String, Set<String?>)] = [
            (.people, "sex", ["M", "F", "U"]),
            (.requests, "outcome", ["Y", "N", "A", "W", "H"]),
            (.assessments, "outcome", ["Y", "N", "A", "W", "H"]),
            (.plans, "cease_reason", Set((1...9).map(String.init) + [nil])),
            (
                .plans, "primary_need",
                Set("SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD DS OTH".split(separator: " ").map(String.init))
            ),
            (.advice, "advice_type", ["educational_psychology", "health", "social_care", "education", "other"]),
            (.reviews, "outcome", ["M", "A", "C", nil]),
            (.audits, "rating", ratings),
            (.audits, "health_rating", ratings.union([nil])),
            (.audits, "social_care_rating", ratings.union([nil])),
            (.feedback, "score", ["1", "2", "3", "4", "5"]),
            (.complaints, "stage", ["1", "2", "3"]),
            (.appeals, "decision_type", ["refusal_to_assess", "refusal_to_issue", "plan_content", "cease", "other"]),
            (.appeals, "outcome", ["upheld", "dismissed", "withdrawn", "conceded", nil]),
        ]
        for (table, column, allowed) in lists {
            let found = Set(area[table].column(column))
            #expect(found.isSubset(of: allowed), "\(table).\(column): \(found.subtracting(allowed))")
        }
        let booleans: [(GeneratedTable, String)] = [
            (.requests, "mediation"), (.requests, "tribunal"), (.assessments, "week20_exception"),
            (.assessments, "mediation"), (.assessments, "tribunal"), (.advice, "exception"),
            (.reviews, "phase_transfer"),
        ]
        for (table, column) in booleans {
            #expect(Set(area[table].column(column)).isSubset(of: ["true", "false"]), "\(table).\(column)")
        }
        #expect(Set(area[.complaints].column("upheld")).isSubset(of: ["true", "false", nil]))
    }

    @Test func everyOutcomeCodeOccurs() throws {
        let area = try KingstonSizedArea.area.get()
        #expect(Set(area[.requests].column("outcome")) == ["Y", "N", "A", "W", "H"])
        #expect(Set(area[.assessments].column("outcome")) == ["Y", "N", "A", "W", "H"])
        #expect(Set(area[.reviews].column("outcome")) == ["M", "A", "C", nil])
        let reasons = area[.plans].column("cease_reason").compactMap { $0 }
        #expect(Set(reasons) == Set((1...9).map(String.init)))
        // Most plans end at the end of education, with needs met, or with a move to another LA.
        #expect(reasons.filter { ["1", "2", "5"].contains($0) }.count * 2 > reasons.count)
    }

    @Test func datesAreInAPlausibleOrder() throws {
        let area = try KingstonSizedArea.area.get()
        var problems: [String] = []
        func check(_ condition: Bool, _ what: @autoclosure () -> String) { if !condition { problems.append(what()) } }

        let births = Dictionary(
            uniqueKeysWithValues: area[.people].records.map {
                ($0["person_id"]!!, $0["birth_date"]!!.day)
            })
        var requestDecided: [String: Int32] = [:]
        var requestReceived: [String: Int32] = [:]
        for request in area[.requests].records {
            let id = request["request_id"]!!, received = request["received_date"]!!.day
            requestReceived[id] = received
            check(received >= births[request["person_id"]!!]!, "\(id) received before birth")
            let outcome = request["outcome"]!!
            let decided = request["outcome_date"]!?.day
            check((decided == nil) == (outcome == "A" || outcome == "W"), "\(id) outcome \(outcome) vs date")
            if let decided {
                check(decided > received, "\(id) decided before received")
                requestDecided[id] = decided
            }
        }
        var assessmentIssued: [String: Int32] = [:]
        for assessment in area[.assessments].records {
            let id = assessment["request_id"]!!
            let decided = requestDecided[id]!
            if let issued = assessment["outcome_date"]!?.day {
                check(issued > decided, "\(id) assessment outcome before decision to assess")
                if ["Y", "H"].contains(assessment["outcome"]!!) { assessmentIssued[id] = issued }
            }
            if let draft = assessment["draft_date"]!?.day {
                check(draft > decided, "\(id) draft before decision")
                if let issued = assessment["outcome_date"]!?.day {
                    check(issued - draft >= 15, "\(id) less than 15 days for parents' comments")
                }
            }
        }
        var planLife: [String: (start: Int32, cease: Int32?)] = [:]
        for plan in area[.plans].records {
            let id = plan["plan_id"]!!, start = plan["start_date"]!!.day, cease = plan["cease_date"]!?.day
            planLife[id] = (start, cease)
            if let request = plan["request_id"]! {
                check(assessmentIssued[request] == start, "\(id) start is not its assessment's issue date")
            }
            check(start > births[plan["person_id"]!!]!, "\(id) starts before birth")
            if let cease { check(cease > start, "\(id) ceases before it starts") }
            check((cease == nil) == (plan["cease_reason"]! == nil), "\(id) cease date without reason")
        }
        for advice in area[.advice].records {
            let id = advice["advice_id"]!!, requested = advice["requested_date"]!!.day
            check(requested > requestDecided[advice["request_id"]!!]!, "\(id) requested before decision")
            if let received = advice["received_date"]!?.day { check(received > requested, "\(id) received early") }
        }
        for review in area[.reviews].records {
            let id = review["review_id"]!!, meeting = review["meeting_date"]!!.day
            let life = planLife[review["plan_id"]!!]!
            check(meeting > life.start, "\(id) meeting before the plan")
            for column in ["report_date", "decision_date", "amended_plan_date", "phase_transfer_final_date"] {
                guard let day = review[column]!?.day else { continue }
                check(day > meeting, "\(id) \(column) before meeting")
                if let cease = life.cease { check(day < cease, "\(id) \(column) after the plan ceased") }
            }
            if let cease = life.cease { check(meeting < cease, "\(id) meeting after the plan ceased") }
            check((review["outcome"]! == nil) == (review["decision_date"]! == nil), "\(id) outcome without decision")
            if let amended = review["amended_plan_date"]!?.day {
                check(review["outcome"]! == "A" && amended > review["decision_date"]!!.day, "\(id) amendment")
            }
            check(
                (review["phase_transfer"]! == "true") == (review["phase_transfer_due_date"]! != nil), "\(id) transfer")
        }
        for audit in area[.audits].records {
            let day = audit["audit_date"]!!.day, life = planLife[audit["plan_id"]!!]!
            check(day >= life.start && (life.cease.map { day < $0 } ?? true), "\(audit["audit_id"]!!) outside plan")
        }
        for complaint in area[.complaints].records {
            if let responded = complaint["responded_date"]!?.day {
                check(responded > complaint["received_date"]!!.day, "\(complaint["complaint_id"]!!) answered early")
            }
        }
        for appeal in area[.appeals].records {
            if let decided = appeal["outcome_date"]!?.day {
                check(decided > appeal["registered_date"]!!.day, "\(appeal["appeal_id"]!!) decided early")
            }
            check((appeal["outcome"]! == nil) == (appeal["outcome_date"]! == nil), "\(appeal["appeal_id"]!!) outcome")
        }
        #expect(problems.isEmpty, "\(problems.count) problems, e.g. \(problems.prefix(5))")
    }

    /// The files read like an extract taken on the window's last day: no event after it.
    @Test func nothingHappensAfterTheWindowEnds() throws {
        let area = try KingstonSizedArea.area.get()
        let end = "2024-12-31"
        for table in GeneratedTable.allCases {
            for column in area[table].columns where column.hasSuffix("_date") && column != "phase_transfer_due_date" {
                let late = area[table].column(column).compactMap { $0 }.filter { $0 > end }
                #expect(late.isEmpty, "\(table).\(column): \(late.prefix(3))")
            }
        }
    }

    @Test func monthEndsAndLeapDaysOccur() throws {
        let area = try KingstonSizedArea.area.get()
        let received = Set(area[.requests].column("received_date").compactMap { $0 })
        for leapDay in ["2016-02-29", "2020-02-29", "2024-02-29"] { #expect(received.contains(leapDay)) }
        for year in 2015...2024 {
            for month in 1...12 {
                let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
                #expect(received.contains(last.iso), "no request received on \(last.iso)")
            }
        }
    }

    @Test func theCaseloadIncludesInheritedAndTransferredPlans() throws {
        let area = try KingstonSizedArea.area.get()
        let plans = area[.plans].records
        let from = "2015-01-01"
        #expect(plans.filter { $0["start_date"]!! < from }.count > 500)
        let transfers = plans.filter { $0["request_id"]! == nil }
        #expect(transfers.count > 100)
        #expect(transfers.allSatisfy { $0["start_date"]!! >= from })
        func live(on day: String) -> Int {
            plans.filter { $0["start_date"]!! <= day && ($0["cease_date"]! ?? "9999") > day }.count
        }
        let census2016 = live(on: "2016-01-21"), census2024 = live(on: "2024-01-18")
        #expect(census2016 > 700 && census2016 < census2024)
        #expect((1_500...2_500).contains(live(on: "2024-12-31")))
    }

    /// The headline: % of plans issued within 20 weeks, excluding exceptions and disputed cases, by
    /// year of issue, computed from the rows: the 2018 dip, the 2019 recovery, 2023 and 2024.
    @Test func twentyWeekTimelinessTellsTheStory() throws {
        let area = try KingstonSizedArea.area.get()
        let requests = Dictionary(uniqueKeysWithValues: area[.requests].records.map { ($0["request_id"]!!, $0) })
        var issuedByYear: [Int: (within: Int, all: Int)] = [:]
        for assessment in area[.assessments].records where assessment["outcome"]! == "Y" {
            let request = requests[assessment["request_id"]!!]!
            guard request["outcome"]! == "Y" else { continue }
            let disputed = [
                request["mediation"]!, request["tribunal"]!, assessment["mediation"]!, assessment["tribunal"]!,
            ]
            .contains("true")
            guard !disputed && assessment["week20_exception"]! == "false" else { continue }
            let issued = assessment["outcome_date"]!!.day
            let year = CivilDate(dayNumber: issued).year
            let within = issued - request["received_date"]!!.day <= 140
            issuedByYear[year, default: (0, 0)].all += 1
            if within { issuedByYear[year, default: (0, 0)].within += 1 }
        }
        func rate(_ year: Int) -> Double {
            let counts = issuedByYear[year] ?? (0, 0)
            return counts.all == 0 ? 0 : Double(counts.within) / Double(counts.all)
        }
        #expect(rate(2018) < rate(2017))
        #expect(rate(2018) < rate(2019))
        #expect(rate(2019) > 0.9)
        #expect(rate(2023) < 0.6)
        #expect(rate(2024) > rate(2023) + 0.25)
        #expect((2015...2024).allSatisfy { (issuedByYear[$0]?.all ?? 0) >= 100 })
    }

    @Test func healthAdviceIsSlowerThanOtherPartners() throws {
        let area = try KingstonSizedArea.area.get()
        var byType: [String: (within: Int, all: Int)] = [:]
        for advice in area[.advice].records where advice["exception"]! == "false" {
            guard let received = advice["received_date"]!?.day else { continue }
            let within = received - advice["requested_date"]!!.day <= 42
            byType[advice["advice_type"]!!, default: (0, 0)].all += 1
            if within { byType[advice["advice_type"]!!, default: (0, 0)].within += 1 }
        }
        func rate(_ type: String) -> Double { Double(byType[type]!.within) / Double(byType[type]!.all) }
        #expect(rate("health") + 0.1 < rate("educational_psychology"))
        #expect(rate("health") + 0.1 < rate("social_care"))
        #expect(area[.advice].records.contains { $0["advice_type"]! == "health" && $0["exception"]! == "true" })
    }

    @Test func qualityAndSatisfactionImproveAfterTheWrittenStatement() throws {
        let area = try KingstonSizedArea.area.get()
        func goodShare(_ years: ClosedRange<Int>) -> Double {
            let audits = area[.audits].records.filter {
                years.contains(CivilDate(dayNumber: $0["audit_date"]!!.day).year)
            }
            let good = audits.filter { ["outstanding", "good"].contains($0["rating"]!!) }.count
            return Double(good) / Double(audits.count)
        }
        func meanScore(_ years: ClosedRange<Int>) -> Double {
            let scores = area[.feedback].records
                .filter { years.contains(CivilDate(dayNumber: $0["received_date"]!!.day).year) }
                .map { Double($0["score"]!!)! }
            return scores.reduce(0, +) / Double(scores.count)
        }
        #expect(goodShare(2015...2018) + 0.2 < goodShare(2022...2024))
        #expect(meanScore(2015...2018) + 0.5 < meanScore(2022...2024))
        #expect(area[.audits].column("health_rating").contains(nil))
    }

    @Test func reviewsAreOftenLateAndPhaseTransfersHaveTheirDeadlines() throws {
        let area = try KingstonSizedArea.area.get()
        let reviews = area[.reviews].records
        let lateDecisions = reviews.filter { review in
            guard let decided = review["decision_date"]!?.day else { return false }
            return decided - review["meeting_date"]!!.day > 28
        }
        #expect(lateDecisions.count * 4 > reviews.count)
        let lateAmendments = reviews.filter { review in
            guard let amended = review["amended_plan_date"]!?.day else { return false }
            return amended - review["meeting_date"]!!.day > 84
        }
        #expect(!lateAmendments.isEmpty)
        let transfers = reviews.filter { $0["phase_transfer"]! == "true" }
        #expect(transfers.count > 500)
        let dueDays = Set(transfers.map { String($0["phase_transfer_due_date"]!!.suffix(5)) })
        #expect(dueDays == ["02-15", "03-31"])
    }

    @Test func invalidConfigurationsAreRefused() {
        var reversed = small
        reversed.from = "2020-01-01".day
        reversed.to = "2019-12-31".day
        #expect(throws: GeneratorConfigurationError.windowEndsBeforeItStarts(from: reversed.from, to: reversed.to)) {
            _ = try AreaGenerator(configuration: reversed).write(to: GeneratedArea.temporaryDirectory().path)
        }
        var negative = small
        negative.requests = -1
        #expect(throws: GeneratorConfigurationError.negativeRequestCount(-1)) { try negative.validate() }
    }

    @Test func otherFilesInTheDirectoryAreLeftAlone() throws {
        let directory = GeneratedArea.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        _ = try AreaGenerator(configuration: small).write(to: directory.path)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == (GeneratedTable.allCases.map(\.fileName) + ["notes.txt"]).sorted())
    }

    @Test func anEmptyAreaHasHeadersOnly() throws {
        var empty = small
        empty.requests = 0
        let area = try GeneratedArea.generate(empty)
        #expect(area.report.totalRows == 0)
        #expect(GeneratedTable.allCases.allSatisfy { area[$0].columns == $0.columns })
    }
}
