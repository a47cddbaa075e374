/// The ten tables of the data contract, with their columns exactly as the contract names them.
public enum GeneratedTable: String, CaseIterable, Sendable {
    case people, requests, assessments, plans, advice, reviews, audits, feedback, complaints, appeals

    /// The file the table is written to: `<table>.csv`.
    public var fileName: String { "\(rawValue).csv" }

    /// The header row, in the order the generator writes the columns.
    public var columns: [String] {
        switch self {
        case .people: ["person_id", "birth_date", "sex", "ethnicity"]
        case .requests:
            ["request_id", "person_id", "received_date", "source", "outcome", "outcome_date", "mediation", "tribunal"]
        case .assessments:
            ["request_id", "outcome", "outcome_date", "draft_date", "week20_exception", "mediation", "tribunal"]
        case .plans:
            [
                "plan_id", "person_id", "request_id", "start_date", "cease_date", "cease_reason", "primary_need",
                "setting",
            ]
        case .advice:
            ["advice_id", "request_id", "advice_type", "provider", "requested_date", "received_date", "exception"]
        case .reviews:
            [
                "review_id", "plan_id", "meeting_date", "report_date", "outcome", "decision_date", "amended_plan_date",
                "phase_transfer", "phase_transfer_due_date", "phase_transfer_final_date",
            ]
        case .audits: ["audit_id", "plan_id", "audit_date", "rating", "health_rating", "social_care_rating"]
        case .feedback: ["response_id", "received_date", "survey", "score", "person_id"]
        case .complaints: ["complaint_id", "received_date", "stage", "responded_date", "upheld", "topic"]
        case .appeals: ["appeal_id", "person_id", "registered_date", "decision_type", "outcome", "outcome_date"]
        }
    }
}
