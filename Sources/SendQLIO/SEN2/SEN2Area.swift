import SendQLCore

/// A local area's case data as an SEN2 return can hold it: people, each with their requests, each
/// with its assessment, plan and the plan's latest review. What SEN2 lacks is gone: draft dates,
/// review report and amended-plan dates, earlier reviews, and request sources finer than SEN2's five.
///
/// The generator writes this view as an XML return, a Blade export, or the contract's CSV files
/// (`--format sen2-xml|sen2-blade|sen2-csv`), so the three load to the same tables.
struct SEN2Area {
    /// Cells by contract column; a null cell is absent.
    typealias Row = [String: String]

    struct Request {
        /// Nil for the request behind a plan transferred in from another LA.
        var request: Row?
        var assessment: Row?
        var plan: Row?
        var review: Row?
    }

    struct Person {
        var person: Row
        var requests: [Request] = []
    }

    var people: [Person] = []

    /// Why an area cannot be written as SEN2.
    struct Unrepresentable: Error, CustomStringConvertible {
        var description: String
    }

    /// The contract's sources as SEN2's RequestSource words.
    static let sourceWords = [
        "parent": "parent", "young_person": "parent", "school": "school", "college": "school", "early_years": "school",
        "health": "health", "social_care": "social_care",
    ]

    init(_ data: CaseData) throws(Unrepresentable) {
        func rows(_ name: String) -> [Row] {
            guard let table = data.tables[name] else { return [] }
            return table.rows.map { values in
                var row: Row = [:]
                for (field, value) in zip(table.schema.fields, values) where !value.isNull {
                    row[field.name] = value.description
                }
                return row
            }
        }
        var personIndex: [String: Int] = [:]
        for row in rows("people") {
            personIndex[row["person_id"]!] = people.count
            people.append(Person(person: row))
        }
        let assessments = Dictionary(rows("assessments").map { ($0["request_id"]!, $0) }) { first, _ in first }
        var latestReview: [String: Row] = [:]
        for review in rows("reviews") {
            let plan = review["plan_id"]!
            if let kept = latestReview[plan],
                (kept["meeting_date"]!, kept["review_id"]!) >= (review["meeting_date"]!, review["review_id"]!)
            {
                continue
            }
            latestReview[plan] = review
        }
        var requestAt: [String: (person: Int, request: Int)] = [:]
        for var request in rows("requests") {
            let person = personIndex[request["person_id"]!]!
            request["source"] = request["source"].map { Self.sourceWords[$0] ?? "other" }
            var assessment = assessments[request["request_id"]!]
            assessment?["draft_date"] = nil
            requestAt[request["request_id"]!] = (person, people[person].requests.count)
            people[person].requests.append(Request(request: request, assessment: assessment))
        }
        for plan in rows("plans") {
            var review = latestReview[plan["plan_id"]!]
            if review != nil {
                for column in ["report_date", "amended_plan_date"] { review![column] = nil }
                review!["phase_transfer"] = review!["phase_transfer_due_date"] == nil ? "false" : "true"
            }
            if let requestID = plan["request_id"] {
                guard let at = requestAt[requestID], people[at.person].requests[at.request].assessment != nil else {
                    throw Unrepresentable(
                        description: "plan \(plan["plan_id"]!)'s request \(requestID) has no assessment: "
                            + "an SEN2 plan hangs off its request's assessment")
                }
                people[at.person].requests[at.request].plan = plan
                people[at.person].requests[at.request].review = review
            } else {
                people[personIndex[plan["person_id"]!]!].requests.append(Request(plan: plan, review: review))
            }
        }
    }

    /// The view as the contract's five SEN2 tables, rows in the order an SEN2 return lists them.
    var tables: [String: [Row]] {
        var tables: [String: [Row]] = [:]
        for person in people {
            tables["people", default: []].append(person.person)
            for request in person.requests {
                if let row = request.request { tables["requests", default: []].append(row) }
                if request.request != nil, let row = request.assessment {
                    tables["assessments", default: []].append(row)
                }
                if let row = request.plan { tables["plans", default: []].append(row) }
                if let row = request.review { tables["reviews", default: []].append(row) }
            }
        }
        return tables
    }
}
