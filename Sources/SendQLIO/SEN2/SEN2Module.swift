/// The modules of the SEN2 person-level return (DfE's guide, version 1.4 for 2026), as a tree:
/// each module's element name, its Blade export name, its items and where it hangs.
enum SEN2Module: String, CaseIterable, Sendable {
    case person, requests, assessment, namedPlan, planDetail, activePlans, placementDetail, senNeed

    /// The element name in the XML (case-sensitive).
    var element: String {
        switch self {
        case .person: "Person"
        case .requests: "Requests"
        case .assessment: "Assessment"
        case .namedPlan: "NamedPlan"
        case .planDetail: "PlanDetail"
        case .activePlans: "ActivePlans"
        case .placementDetail: "PlacementDetail"
        case .senNeed: "SENneed"
        }
    }

    /// The module in Blade export file names (`Blade-Export_<DD-MM-YYYY>_<blade>.csv`) and key columns.
    var blade: String { element.lowercased() }

    /// The Blade column holding a row's own key.
    var keyColumn: String { blade + "tableid" }

    /// The module this one hangs off (nil for Person, which sits in Persons).
    var parent: SEN2Module? {
        switch self {
        case .person: nil
        case .requests: .person
        case .assessment, .activePlans: .requests
        case .namedPlan: .assessment
        case .planDetail: .namedPlan
        case .placementDetail, .senNeed: .activePlans
        }
    }

    /// The modules that hang off this one.
    var children: [SEN2Module] { Self.allCases.filter { $0.parent == self } }

    /// At most one per parent (Assessment, NamedPlan, ActivePlans), else any number.
    var isSingle: Bool { [.assessment, .namedPlan, .activePlans].contains(self) }

    /// The items (leaf elements) the module holds. `NativeId` is the LA's own id of the record,
    /// which Blade exports carry and an XML return may.
    var items: [String] {
        switch self {
        case .person:
            [
                "NativeId", "Surname", "Forename", "PersonBirthDate", "Sex", "GenderCurrent", "Ethnicity", "PostCode",
                "UPN", "UniqueLearnerNumber", "UPNunknown",
            ]
        case .requests:
            [
                "NativeId", "ReceivedDate", "RequestSource", "RYA", "RequestOutcomeDate", "RequestOutcome",
                "RequestMediation", "RequestTribunal", "Exported",
            ]
        case .assessment:
            [
                "NativeId", "AssessmentOutcome", "AssessmentOutcomeDate", "AssessmentMediation", "AssessmentTribunal",
                "OtherMediation", "OtherTribunal", "Week20",
            ]
        case .namedPlan:
            ["NativeId", "StartDate", "PlanRes", "PlanWPB", "PB", "OA", "DP", "CeaseDate", "CeaseReason"]
        case .planDetail:
            [
                "NativeId", "URN", "UKPRN", "SENSetting", "SENSettingOther", "PlacementRank", "SENunitIndicator",
                "ResourcedProvisionIndicator",
            ]
        case .activePlans:
            [
                "NativeId", "TransferLA", "RES", "WPB", "ReviewMeeting", "ReviewOutcome", "ReviewDraft",
                "PhaseTransferDueDate", "PhaseTransferFinalDate", "LastReview",
            ]
        case .placementDetail:
            [
                "NativeId", "URN", "UKPRN", "SENSetting", "SENSettingOther", "PlacementRank", "EntryDate",
                "LeavingDate",
                "SENunitIndicator", "ResourcedProvisionIndicator",
            ]
        case .senNeed:
            ["NativeId", "SENtype", "SENtypeRank"]
        }
    }

    /// Items that identify a child: read only when asked for (`SEN2Options.identifiers`), never published.
    static let identifierItems: [String: String] = [
        "UPN": "upn", "UniqueLearnerNumber": "uln", "Surname": "surname", "Forename": "forename",
        "PostCode": "postcode",
    ]

    /// The module whose element is `name`.
    static func module(element name: String) -> SEN2Module? { allCases.first { $0.element == name } }
}
