/// The code lists and local vocabularies the generator draws from, with their weights.
enum CodeLists {
    static let sex = WeightedChoice<StaticString>([("M", 70), ("F", 29), ("U", 1)])

    /// DfE ethnicity codes, roughly as a south-west London borough's SEND cohort; nil = not recorded.
    static let ethnicity = WeightedChoice<StaticString?>([
        ("WBRI", 56), ("WIRI", 1), ("WOTH", 12), ("MWBC", 2), ("MWBA", 1), ("MWAS", 3), ("MOTH", 3),
        ("AIND", 3), ("APKN", 2), ("ABAN", 1), ("AOTH", 5), ("BCRB", 1), ("BAFR", 2), ("BOTH", 1),
        ("CHNE", 1), ("OOTH", 2), ("REFU", 1), ("NOBT", 1), (nil, 2),
    ])

    /// SEN2 primary need types, close to England's mix of EHC plans, with the share of school-age
    /// children with that need who attend a special school.
    static let primaryNeed = WeightedChoice<NeedType>([
        (NeedType("ASD", 0.38), 320), (NeedType("SLCN", 0.12), 200), (NeedType("SEMH", 0.30), 150),
        (NeedType("MLD", 0.20), 90), (NeedType("SLD", 0.85), 60), (NeedType("SPLD", 0.04), 45),
        (NeedType("PD", 0.30), 40), (NeedType("PMLD", 0.95), 20), (NeedType("HI", 0.15), 17),
        (NeedType("VI", 0.15), 8), (NeedType("MSI", 0.60), 5), (NeedType("DS", 0.40), 15),
        (NeedType("OTH", 0.10), 30),
    ])

    /// Age in whole years when a request is made: mostly early years and primary school.
    static let requestAge = WeightedChoice<Int>([
        (0, 6), (1, 10), (2, 16), (3, 20), (4, 20), (5, 18), (6, 16), (7, 16), (8, 14), (9, 12), (10, 12),
        (11, 10), (12, 10), (13, 8), (14, 8), (15, 8), (16, 6), (17, 4), (18, 2), (19, 2), (20, 2), (21, 1),
        (22, 1), (23, 1), (24, 1),
    ])

    /// Age in whole years, at the start of the window, of a child whose plan was made before it.
    static let caseloadAge = WeightedChoice<Int>([
        (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 7), (7, 7), (8, 7), (9, 7), (10, 7), (11, 7), (12, 7),
        (13, 7), (14, 7), (15, 7), (16, 6), (17, 6), (18, 5), (19, 4), (20, 3), (21, 2), (22, 2), (23, 1),
        (24, 1),
    ])

    /// Age in whole years of a child arriving with a plan from another local authority.
    static let transferInAge = WeightedChoice<Int>([
        (3, 3), (4, 5), (5, 6), (6, 6), (7, 6), (8, 6), (9, 6), (10, 6), (11, 7), (12, 5), (13, 5), (14, 5),
        (15, 4), (16, 4), (17, 3), (18, 2),
    ])

    /// The age a young person leaves education (the end of that academic year ends the plan).
    static let leavingAge = WeightedChoice<Int>([
        (16, 6), (17, 5), (18, 12), (19, 30), (20, 13), (21, 10), (22, 8), (23, 6), (24, 5), (25, 5),
    ])

    /// Cease reason when a plan ends with the young person leaving education.
    static let leavingCeaseReason = WeightedChoice<Int>([(1, 40), (3, 20), (4, 18), (6, 12), (2, 10)])

    static let sourceUnderFive = WeightedChoice<StaticString>([("parent", 45), ("early_years", 30), ("health", 25)])
    static let sourceOfSchoolAge = WeightedChoice<StaticString>([
        ("parent", 46), ("school", 46), ("health", 4), ("social_care", 4),
    ])
    static let sourceOfYoungPerson = WeightedChoice<StaticString>([
        ("parent", 35), ("school", 25), ("college", 20), ("young_person", 15), ("social_care", 5),
    ])

    static let psychologyProvider = WeightedChoice<StaticString>([
        ("Educational psychology service", 88), ("Locum educational psychologist", 12),
    ])
    /// Health advice providers; one name holds commas, as real service names do.
    static let healthProvider = WeightedChoice<StaticString>([
        ("Community paediatrics", 35), ("Speech and language therapy", 25), ("Occupational therapy", 12),
        ("Physiotherapy", 6), ("CAMHS", 15), ("Therapies (speech, language and occupational)", 7),
    ])
    static let socialCareProvider = WeightedChoice<StaticString>([
        ("Children's social care", 50), ("Disabled children's team", 50),
    ])
    static let educationProvider = WeightedChoice<StaticString>([
        ("Current school or setting", 85), ("Early years SEN team", 15),
    ])
    static let otherProvider = WeightedChoice<StaticString>([
        ("Sensory impairment service", 60), ("Virtual school", 40),
    ])

    /// Complaint topics; one quotes a plan section, so the CSV must quote and double its quotes.
    static let complaintTopic = WeightedChoice<StaticString>([
        ("delay in assessment", 22), ("annual review delay", 18), ("plan content", 14),
        ("school placement", 12), ("transport", 8), ("health provision", 10), ("communication", 12),
        ("named setting (\"section I\")", 4),
    ])

    static let appealOutcome = WeightedChoice<AppealOutcome>([
        (AppealOutcome(code: "conceded", beforeHearing: true), 28),
        (AppealOutcome(code: "withdrawn", beforeHearing: true), 22),
        (AppealOutcome(code: "upheld", beforeHearing: false), 38),
        (AppealOutcome(code: "dismissed", beforeHearing: false), 12),
    ])

    static let ratings: [StaticString] = ["outstanding", "good", "requires_improvement", "inadequate"]
    /// Plan quality ratings before the WSoA and at its best.
    static let planRating = BlendedChoice(ratings, before: [3, 34, 45, 18], after: [12, 66, 19, 3])
    /// Health section ratings start worse than the plan as a whole.
    static let healthRating = BlendedChoice(ratings, before: [1, 24, 50, 25], after: [8, 62, 26, 4])
    /// Parents' satisfaction scores, 1 (very dissatisfied) to 5 (very satisfied).
    static let satisfaction = BlendedChoice([1, 2, 3, 4, 5], before: [16, 22, 28, 24, 10], after: [4, 7, 18, 42, 29])
}

/// A SEN2 primary need type.
struct NeedType: Sendable {
    let code: StaticString
    /// Share of school-age children with this need in a special school.
    let specialSchoolShare: Double

    init(_ code: StaticString, _ specialSchoolShare: Double) {
        self.code = code
        self.specialSchoolShare = specialSchoolShare
    }
}

/// How a tribunal appeal ended.
struct AppealOutcome: Sendable {
    let code: StaticString
    /// Conceded by the LA or withdrawn by the family, before any hearing.
    let beforeHearing: Bool
}
