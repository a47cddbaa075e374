/// Writes an `SEN2Area` as an SEN2 XML return, with each record's `NativeId` so it loads back to the
/// same keys.
struct SEN2XMLWriter {
    let header: SEN2Header
    private var text = ""
    private var depth = 0

    init(header: SEN2Header) { self.header = header }

    /// The return's text.
    mutating func write(_ area: SEN2Area) -> String {
        text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        open("Message")
        open("Header")
        open("CollectionDetails")
        item("Collection", "SEN2")
        item("Year", header.year)
        item("ReferenceDate", header.referenceDate)
        close("CollectionDetails")
        open("Source")
        item("SourceLevel", "L")
        item("LEA", header.lea)
        item("SoftwareCode", "sendql")
        close("Source")
        close("Header")
        open("Persons")
        for person in area.people {
            element("Person", SEN2Items.person(person.person)) { writer in
                for request in person.requests { writer.write(request) }
            }
        }
        close("Persons")
        close("Message")
        return text
    }

    /// One request: its assessment, the plan under that, and the plan's active-plans record.
    private mutating func write(_ request: SEN2Area.Request) {
        element("Requests", SEN2Items.request(request)) { writer in
            if let assessment = SEN2Items.assessment(request) {
                writer.element("Assessment", assessment) { writer in
                    guard let plan = request.plan else { return }
                    writer.element("NamedPlan", SEN2Items.namedPlan(plan)) { writer in
                        if let detail = SEN2Items.planDetail(plan) { writer.element("PlanDetail", detail) }
                    }
                }
            }
            if let plan = request.plan {
                writer.element("ActivePlans", SEN2Items.activePlans(request)) { writer in
                    if let need = SEN2Items.senNeed(plan) { writer.element("SENneed", need) }
                }
            }
        }
    }

    /// An element holding `items`, then whatever `body` writes inside it.
    private mutating func element(
        _ name: String, _ items: SEN2Items.Items, _ body: (inout SEN2XMLWriter) -> Void = { _ in }
    ) {
        open(name)
        for (item, value) in items { self.item(item, value) }
        body(&self)
        close(name)
    }

    private mutating func open(_ name: String) {
        text += String(repeating: "  ", count: depth) + "<\(name)>\n"
        depth += 1
    }

    private mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "  ", count: depth) + "</\(name)>\n"
    }

    private mutating func item(_ name: String, _ value: String) {
        text += String(repeating: "  ", count: depth) + "<\(name)>\(Self.escape(value))</\(name)>\n"
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The header of a written return.
struct SEN2Header: Sendable {
    /// The collection year (`2025` for the January 2025 return, covering 2024).
    var year: String
    /// The census reference date, ISO.
    var referenceDate: String
    /// The LA's three-digit code.
    var lea: String
}

/// Each module's items for an `SEN2Area` record, in the order the guide lists them, absent ones left out.
enum SEN2Items {
    typealias Items = [(String, String)]

    private static func pick(_ row: SEN2Area.Row, _ pairs: [(String, String)], flags: Set<String> = []) -> Items {
        pairs.compactMap { item, column in
            row[column].map { (item, flags.contains(column) ? ($0 == "true" ? "1" : "0") : $0) }
        }
    }

    static func person(_ row: SEN2Area.Row) -> Items {
        pick(
            row,
            [("NativeId", "person_id"), ("PersonBirthDate", "birth_date"), ("Sex", "sex"), ("Ethnicity", "ethnicity")])
    }

    static func request(_ request: SEN2Area.Request) -> Items {
        guard let row = request.request else { return [("RequestOutcome", "H")] }
        var items = pick(row, [("NativeId", "request_id"), ("ReceivedDate", "received_date")])
        if let source = row["source"] {
            items.append(("RequestSource", SEN2TableMapper.sources.first { $0.value == source }!.key))
        }
        return items
            + pick(
                row,
                [
                    ("RequestOutcomeDate", "outcome_date"), ("RequestOutcome", "outcome"),
                    ("RequestMediation", "mediation"),
                    ("RequestTribunal", "tribunal"),
                ], flags: ["mediation", "tribunal"])
    }

    static func assessment(_ request: SEN2Area.Request) -> Items? {
        guard request.request != nil else { return request.plan == nil ? nil : [("AssessmentOutcome", "H")] }
        return request.assessment.map {
            pick(
                $0,
                [
                    ("AssessmentOutcome", "outcome"), ("AssessmentOutcomeDate", "outcome_date"),
                    ("AssessmentMediation", "mediation"), ("AssessmentTribunal", "tribunal"),
                    ("Week20", "week20_exception"),
                ], flags: ["mediation", "tribunal", "week20_exception"])
        }
    }

    static func namedPlan(_ row: SEN2Area.Row) -> Items {
        pick(
            row,
            [
                ("NativeId", "plan_id"), ("StartDate", "start_date"), ("CeaseDate", "cease_date"),
                ("CeaseReason", "cease_reason"),
            ])
    }

    static func planDetail(_ row: SEN2Area.Row) -> Items? {
        row["setting"].map { [("SENSetting", "OTH"), ("SENSettingOther", $0), ("PlacementRank", "1")] }
    }

    static func activePlans(_ request: SEN2Area.Request) -> Items {
        var items: Items = request.request == nil ? [("TransferLA", "999")] : []
        if let review = request.review {
            items =
                pick(review, [("NativeId", "review_id")]) + items
                + pick(
                    review,
                    [
                        ("ReviewMeeting", "meeting_date"), ("ReviewOutcome", "outcome"),
                        ("PhaseTransferDueDate", "phase_transfer_due_date"),
                        ("PhaseTransferFinalDate", "phase_transfer_final_date"), ("LastReview", "decision_date"),
                    ])
        }
        return items
    }

    static func senNeed(_ row: SEN2Area.Row) -> Items? {
        row["primary_need"].map { [("SENtype", $0), ("SENtypeRank", "1")] }
    }
}
