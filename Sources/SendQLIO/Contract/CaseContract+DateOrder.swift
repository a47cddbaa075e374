extension CaseContract {
    /// The date orders the loader checks, table by table. Equal dates are allowed throughout.
    public static let dateOrderRules: [DateOrderRule] = [
        DateOrderRule(
            "requests", "received_date", notBefore: .via("person_id", "birth_date"),
            reason: "a request is made for a child who has been born"),
        DateOrderRule(
            "requests", "outcome_date", notBefore: .own("received_date"),
            reason: "the decision whether to assess follows the request"),
        DateOrderRule(
            "assessments", "draft_date", notBefore: .via("request_id", "received_date"),
            reason: "a draft plan follows the request"),
        DateOrderRule(
            "assessments", "outcome_date", notBefore: .via("request_id", "received_date"),
            reason: "the assessment outcome follows the request"),
        DateOrderRule(
            "assessments", "outcome_date", notBefore: .own("draft_date"),
            reason: "the final plan follows its draft"),
        DateOrderRule(
            "plans", "start_date", notBefore: .via("request_id", "received_date"),
            reason: "a plan is made after its request is received"),
        DateOrderRule(
            "plans", "cease_date", notBefore: .own("start_date"),
            reason: "a plan ceases after it starts"),
        DateOrderRule(
            "advice", "requested_date", notBefore: .via("request_id", "received_date"),
            reason: "advice is sought for a request already received"),
        DateOrderRule(
            "advice", "received_date", notBefore: .own("requested_date"),
            reason: "advice arrives after it is requested"),
        DateOrderRule(
            "reviews", "meeting_date", notBefore: .via("plan_id", "start_date"),
            reason: "a plan is reviewed after it is made"),
        DateOrderRule(
            "reviews", "report_date", notBefore: .own("meeting_date"),
            reason: "the review report follows the meeting"),
        DateOrderRule(
            "reviews", "decision_date", notBefore: .own("meeting_date"),
            reason: "the LA decides after the review meeting"),
        DateOrderRule(
            "reviews", "amended_plan_date", notBefore: .own("meeting_date"),
            reason: "the amended plan follows the review meeting"),
        DateOrderRule(
            "reviews", "phase_transfer_final_date", notBefore: .own("meeting_date"),
            reason: "the phase transfer plan follows the review meeting"),
        DateOrderRule(
            "audits", "audit_date", notBefore: .via("plan_id", "start_date"),
            reason: "a plan is audited after it is made"),
        DateOrderRule(
            "complaints", "responded_date", notBefore: .own("received_date"),
            reason: "a complaint is answered after it is received"),
        DateOrderRule(
            "appeals", "outcome_date", notBefore: .own("registered_date"),
            reason: "an appeal is decided after it is registered"),
    ]
}
