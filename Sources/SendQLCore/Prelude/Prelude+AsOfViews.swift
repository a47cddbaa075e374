extension Prelude {
    /// Nothing after the as-of date is visible: rows whose first event is later do not exist yet,
    /// later event dates read as null, and a decision without a visible date is not yet known.
    static let asOfViews = #"""
    # ---- As-of views ------------------------------------------------------------------------------
    # Each data table again, under its own name, as it could have been known on the as-of date.
    let visible(d) = if d <= as_of() then d else null

    let requests = from requests
      | where received_date <= as_of()
      | derive outcome_date = visible(outcome_date),
               outcome = if outcome in ("Y", "N") and outcome_date is null then "A" else outcome

    # An assessment exists once the decision to assess is known (or was made before the data begins).
    let assessments = from assessments
      | join (from requests | where outcome in ("Y", "H") | select request_id) on request_id
      | derive outcome_date = visible(outcome_date), draft_date = visible(draft_date),
               outcome = if outcome in ("Y", "N") and outcome_date is null then "A" else outcome

    let plans = from plans
      | where start_date <= as_of()
      | derive cease_reason = if cease_date <= as_of() then cease_reason else null,
               cease_date = visible(cease_date)

    let advice = from advice
      | where requested_date <= as_of()
      | derive received_date = visible(received_date)

    let reviews = from reviews
      | where meeting_date <= as_of()
      | join (from plans | select plan_id) on plan_id
      | derive report_date = visible(report_date), decision_date = visible(decision_date),
               outcome = if decision_date is null then null else outcome,
               amended_plan_date = visible(amended_plan_date),
               phase_transfer_final_date = visible(phase_transfer_final_date)

    let audits = from audits | where audit_date <= as_of()

    let feedback = from feedback | where received_date <= as_of()

    let complaints = from complaints
      | where received_date <= as_of()
      | derive responded_date = visible(responded_date),
               upheld = if responded_date is null then null else upheld

    let appeals = from appeals
      | where registered_date <= as_of()
      | derive outcome_date = visible(outcome_date),
               outcome = if outcome_date is null then null else outcome

    """#
}
