/// The case-level data contract: the ten tables a local area's data folder holds, as data.
///
/// Follows the DfE SEN2 person-level return (modules person, requests, assessment, named plan, active
/// plans) with SEN2's code lists, plus local records SEN2 does not carry. `docs/data-contract.md`
/// describes the same tables for people; a test keeps the two in step.
public enum CaseContract {
    /// SEN2 outcome codes of a request or an assessment.
    public static let sen2Outcomes = CodeList(["Y", "N", "A", "W", "H"])
    /// SEN2 primary need types.
    public static let needTypes = CodeList(
        ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "DS", "OTH"])
    /// The audit rating scale.
    public static let ratings = CodeList(["outstanding", "good", "requires_improvement", "inadequate"])

    /// The tables, parents before the tables that refer to them.
    public static let tables: [TableContract] = [
        people, requests, assessments, plans, advice, reviews, audits, feedback, complaints, appeals,
    ]

    /// The contract of the table called `name`, or nil.
    public static func table(named name: String) -> TableContract? { tables.first { $0.name == name } }

    /// `people.csv`.
    public static let people = TableContract(
        name: "people", summary: "one row per child or young person (SEN2 module 1)", key: "person_id",
        columns: [
            ContractColumn(
                "person_id", .required, .string,
                meaning: "local identifier (never a UPN in shared outputs)"),
            ContractColumn("birth_date", .optional, .date),
            ContractColumn("sex", .optional, .code(CodeList(["M", "F", "U"]))),
            ContractColumn("ethnicity", .optional, .string, meaning: "DfE ethnicity code"),
        ])

    /// `requests.csv`.
    public static let requests = TableContract(
        name: "requests", summary: "requests for an EHC needs assessment (SEN2 module 2)", key: "request_id",
        columns: [
            ContractColumn("request_id", .required, .string),
            ContractColumn("person_id", .required, .string, references: "people"),
            ContractColumn(
                "received_date", .required, .date,
                meaning: "the day the LA received the request: every assessment clock starts here"),
            ContractColumn("source", .optional, .string, meaning: "who asked (parent, school, ...)"),
            ContractColumn(
                "outcome", .required, .code(sen2Outcomes),
                meaning: "Y decided to assess, N decided not to assess, A decision not yet made, "
                    + "W withdrawn before a decision, H historical"),
            ContractColumn(
                "outcome_date", .optional, .date,
                meaning: "the day the decision whether to assess was notified; null while A"),
            ContractColumn("mediation", .optional, .bool, meaning: "the decision went to mediation"),
            ContractColumn("tribunal", .optional, .bool, meaning: "the decision was appealed to the SEND Tribunal"),
        ])

    /// `assessments.csv`.
    public static let assessments = TableContract(
        name: "assessments", summary: "EHC needs assessments (SEN2 module 3), at most one per request",
        key: "request_id",
        columns: [
            ContractColumn("request_id", .required, .string, references: "requests"),
            ContractColumn(
                "outcome", .required, .code(sen2Outcomes),
                meaning: "Y plan issued, N decided not to issue, A not yet decided, W withdrawn, H historical"),
            ContractColumn(
                "outcome_date", .optional, .date,
                meaning: "the day the final plan was issued (Y) or the decision not to issue notified (N)"),
            ContractColumn("draft_date", .optional, .date, meaning: "draft plan sent to the family"),
            ContractColumn(
                "week20_exception", .optional, .bool,
                meaning: "a permitted exception to the 20-week limit applies (SEN2 week20)"),
            ContractColumn("mediation", .optional, .bool),
            ContractColumn("tribunal", .optional, .bool),
        ])

    /// `plans.csv`.
    public static let plans = TableContract(
        name: "plans", summary: "EHC plans (SEN2 module 4a, with the primary need from module 5c)", key: "plan_id",
        columns: [
            ContractColumn("plan_id", .required, .string),
            ContractColumn("person_id", .required, .string, references: "people"),
            ContractColumn(
                "request_id", .optional, .string, references: "requests",
                meaning: "null for plans transferred in from another LA"),
            ContractColumn("start_date", .required, .date, meaning: "the day the plan was first made (issued)"),
            ContractColumn("cease_date", .optional, .date, meaning: "the day the plan ended"),
            ContractColumn(
                "cease_reason", .optional, .int(range: 1...9),
                meaning: "SEN2 reason 1-9, stored as an int"),
            ContractColumn("primary_need", .optional, .code(needTypes), meaning: "SEN2 need type"),
            ContractColumn("setting", .optional, .string, meaning: "kind of setting named"),
        ])

    /// `advice.csv`.
    public static let advice = TableContract(
        name: "advice", summary: "advice requested from partners during an assessment (local records)",
        key: "advice_id",
        columns: [
            ContractColumn("advice_id", .required, .string),
            ContractColumn("request_id", .required, .string, references: "requests"),
            ContractColumn(
                "advice_type", .required,
                .code(CodeList(["educational_psychology", "health", "social_care", "education", "other"]))),
            ContractColumn("provider", .optional, .string, meaning: "the team or service asked"),
            ContractColumn(
                "requested_date", .required, .date,
                meaning: "the day the partner received the LA's request for advice"),
            ContractColumn(
                "received_date", .optional, .date,
                meaning: "the day the advice arrived; null while outstanding"),
            ContractColumn(
                "exception", .optional, .bool,
                meaning: "a permitted exception to the partner's 6-week duty applies"),
        ])

    /// `reviews.csv`.
    public static let reviews = TableContract(
        name: "reviews", summary: "annual review meetings of a plan (SEN2 module 5a, with local workflow dates)",
        key: "review_id",
        columns: [
            ContractColumn("review_id", .required, .string),
            ContractColumn("plan_id", .required, .string, references: "plans"),
            ContractColumn("meeting_date", .required, .date, meaning: "the review meeting"),
            ContractColumn("report_date", .optional, .date, meaning: "review report sent to all invited"),
            ContractColumn(
                "outcome", .optional, .code(CodeList(["M", "A", "C"])),
                meaning: "M maintain, A amend, C cease; null while undecided"),
            ContractColumn(
                "decision_date", .optional, .date,
                meaning: "the day the LA notified its decision (SEN2 lastreview)"),
            ContractColumn("amended_plan_date", .optional, .date, meaning: "final amended plan issued (outcome A)"),
            ContractColumn("phase_transfer", .optional, .bool, meaning: "the review is for a phase transfer"),
            ContractColumn(
                "phase_transfer_due_date", .optional, .date,
                meaning: "last permissible day for the amended plan naming the new setting"),
            ContractColumn(
                "phase_transfer_final_date", .optional, .date,
                meaning: "the day that amended plan was issued"),
        ])

    /// `audits.csv`.
    public static let audits = TableContract(
        name: "audits", summary: "quality assurance audits of EHC plans (local records)", key: "audit_id",
        columns: [
            ContractColumn("audit_id", .required, .string),
            ContractColumn("plan_id", .required, .string, references: "plans"),
            ContractColumn("audit_date", .required, .date),
            ContractColumn("rating", .required, .code(ratings)),
            ContractColumn(
                "health_rating", .optional, .code(ratings),
                meaning: "for the health sections; null if the plan has none"),
            ContractColumn("social_care_rating", .optional, .code(ratings), meaning: "for the social care sections"),
        ])

    /// `feedback.csv`.
    public static let feedback = TableContract(
        name: "feedback", summary: "parent and carer survey responses (local records)", key: "response_id",
        columns: [
            ContractColumn("response_id", .required, .string),
            ContractColumn("received_date", .required, .date),
            ContractColumn("survey", .required, .string, meaning: "e.g. assessment, annual_review, local_offer"),
            ContractColumn("score", .required, .int(range: 1...5), meaning: "5 = very satisfied"),
            ContractColumn("person_id", .optional, .string, references: "people"),
        ])

    /// `complaints.csv`.
    public static let complaints = TableContract(
        name: "complaints", summary: "SEND complaints (local records)", key: "complaint_id",
        columns: [
            ContractColumn("complaint_id", .required, .string),
            ContractColumn("received_date", .required, .date),
            ContractColumn(
                "stage", .required, .int(range: 1...3),
                meaning: "1 or 2 (council stages); 3 = Ombudsman"),
            ContractColumn("responded_date", .optional, .date),
            ContractColumn("upheld", .optional, .bool),
            ContractColumn("topic", .optional, .string),
        ])

    /// `appeals.csv`.
    public static let appeals = TableContract(
        name: "appeals", summary: "SEND Tribunal appeals (local records)", key: "appeal_id",
        columns: [
            ContractColumn("appeal_id", .required, .string),
            ContractColumn("person_id", .required, .string, references: "people"),
            ContractColumn("registered_date", .required, .date),
            ContractColumn(
                "decision_type", .required,
                .code(CodeList(["refusal_to_assess", "refusal_to_issue", "plan_content", "cease", "other"]))),
            ContractColumn(
                "outcome", .optional, .code(CodeList(["upheld", "dismissed", "withdrawn", "conceded"])),
                meaning: "null while pending"),
            ContractColumn("outcome_date", .optional, .date),
        ])
}
