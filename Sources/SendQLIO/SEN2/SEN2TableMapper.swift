import SendQLCore

/// Maps an SEN2 return's records onto the contract's people, requests, assessments, plans and reviews,
/// as CSV text the contract loader then validates (see `docs/sen2.md` for the mapping).
struct SEN2TableMapper {
    /// The contract tables an SEN2 return gives.
    static let tables = ["people", "requests", "assessments", "plans", "reviews"]
    /// The columns the identifying items are read into, when asked for.
    static let identifierColumns = ["upn", "uln", "surname", "forename", "postcode"]

    let content: SEN2ReturnContent
    /// Read UPN, ULN, names and postcodes into `people` (never by default).
    let identifiers: Bool

    /// One mapped table per contract table the return gives.
    func map() -> [String: MappedCSV] {
        var people = MappedCSV(columns: columns("people") + (identifiers ? Self.identifierColumns : []))
        var requests = MappedCSV(columns: columns("requests"))
        var assessments = MappedCSV(columns: columns("assessments"))
        var plans = MappedCSV(columns: columns("plans"))
        var reviews = MappedCSV(columns: columns("reviews"))
        for (personIndex, person) in content.people.enumerated() {
            let personID = person.text("NativeId") ?? "person-\(personIndex + 1)"
            let sex = person.items["Sex"] != nil ? person.field("Sex") : person.field("GenderCurrent")
            var row: [(String?, FieldOrigin)] = [
                (personID, person.items["NativeId"]?.origin ?? person.origin), person.field("PersonBirthDate"), sex,
                person.field("Ethnicity"),
            ]
            if identifiers {
                for item in ["UPN", "UniqueLearnerNumber", "Surname", "Forename", "PostCode"] {
                    row.append(person.field(item))
                }
            }
            people.appendRow(row)
            for (requestIndex, request) in person.children(.requests).enumerated() {
                let requestID = request.text("NativeId") ?? "\(personID)-R\(requestIndex + 1)"
                let idOrigin = request.items["NativeId"]?.origin ?? request.origin
                let active = request.children(.activePlans).first
                let assessment = request.children(.assessment).first
                // A plan transferred in from another LA: its request is that LA's, not one made here.
                let transferredIn = active?.text("TransferLA") != nil
                if !transferredIn {
                    requests.appendRow([
                        (requestID, idOrigin), (personID, request.origin), request.field("ReceivedDate"),
                        Self.source(request.field("RequestSource")), request.field("RequestOutcome"),
                        request.field("RequestOutcomeDate"), request.field("RequestMediation"),
                        request.field("RequestTribunal"),
                    ])
                    if let assessment {
                        assessments.appendRow([
                            (requestID, assessment.origin), assessment.field("AssessmentOutcome"),
                            assessment.field("AssessmentOutcomeDate"), (nil, assessment.origin.absent("draft date")),
                            assessment.field("Week20"),
                            Self.either(assessment.field("AssessmentMediation"), assessment.field("OtherMediation")),
                            Self.either(assessment.field("AssessmentTribunal"), assessment.field("OtherTribunal")),
                        ])
                    }
                }
                let named = assessment?.children(.namedPlan).first
                guard let holder = named ?? active else { continue }
                let planID = named?.text("NativeId") ?? "\(requestID)-P"
                let planOrigin = named?.items["NativeId"]?.origin ?? holder.origin
                let start = named?.field("StartDate") ?? (nil, holder.origin.absent("NamedPlan/StartDate"))
                plans.appendRow([
                    (planID, planOrigin), (personID, holder.origin), (transferredIn ? nil : requestID, holder.origin),
                    start, named?.field("CeaseDate") ?? (nil, holder.origin.absent("NamedPlan/CeaseDate")),
                    named?.field("CeaseReason") ?? (nil, holder.origin.absent("NamedPlan/CeaseReason")),
                    Self.rankOne(active?.children(.senNeed) ?? [], rank: "SENtypeRank")?.field("SENtype")
                        ?? (nil, holder.origin.absent("SENneed")),
                    Self.setting(named: named, active: active, at: holder.origin),
                ])
                if let active, active.items["ReviewMeeting"].map({ !$0.text.isEmpty }) == true {
                    let due = active.field("PhaseTransferDueDate")
                    reviews.appendRow([
                        (
                            active.text("NativeId") ?? "\(requestID)-AP",
                            active.items["NativeId"]?.origin ?? active.origin
                        ),
                        (planID, active.origin), active.field("ReviewMeeting"),
                        (nil, active.origin.absent("report date")),
                        active.field("ReviewOutcome"), active.field("LastReview"),
                        (nil, active.origin.absent("amended plan date")), (due.0 == nil ? "false" : "true", due.1), due,
                        active.field("PhaseTransferFinalDate"),
                    ])
                }
            }
        }
        return ["people": people, "requests": requests, "assessments": assessments, "plans": plans, "reviews": reviews]
    }

    private func columns(_ table: String) -> [String] { CaseContract.table(named: table)!.columns.map(\.name) }

    /// RequestSource 1-5 as the contract's words; any other value is kept as written.
    static let sources = ["1": "parent", "2": "school", "3": "health", "4": "social_care", "5": "other"]

    static func source(_ field: (String?, FieldOrigin)) -> (String?, FieldOrigin) {
        (field.0.map { sources[$0] ?? $0 }, field.1)
    }

    /// Two yes/no items as one: true when either is. A value that is not yes/no is passed on as written,
    /// for the contract's check to report.
    static func either(_ first: (String?, FieldOrigin), _ second: (String?, FieldOrigin)) -> (String?, FieldOrigin) {
        var result: Bool?
        for field in [first, second] {
            guard let text = field.0 else { continue }
            var bytes = Array(text.utf8)
            let flag = bytes.withUnsafeMutableBufferPointer { FieldParsers.parseBool(UnsafeBufferPointer($0)) }
            guard let flag else { return field }
            result = (result ?? false) || flag
        }
        guard let result else { return first }
        return (result ? "true" : "false", first.0 == nil ? second.1 : first.1)
    }

    /// The record ranked 1 among `records`.
    static func rankOne(_ records: [SEN2Record], rank: String) -> SEN2Record? {
        records.first { $0.text(rank) == "1" }
    }

    /// The setting named by the rank-1 PlanDetail, else the rank-1 PlacementDetail: its SENSettingOther,
    /// SENSetting, URN or UKPRN.
    static func setting(named: SEN2Record?, active: SEN2Record?, at origin: FieldOrigin) -> (String?, FieldOrigin) {
        let detail =
            rankOne(named?.children(.planDetail) ?? [], rank: "PlacementRank")
            ?? rankOne(active?.children(.placementDetail) ?? [], rank: "PlacementRank")
        guard let detail else { return (nil, origin.absent("PlanDetail")) }
        for item in ["SENSettingOther", "SENSetting"] where detail.text(item) != nil { return detail.field(item) }
        for item in ["URN", "UKPRN"] where detail.text(item) != nil {
            return ("\(item) \(detail.text(item)!)", detail.items[item]!.origin)
        }
        return (nil, detail.origin.absent("SENSetting"))
    }
}
