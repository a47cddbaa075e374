extension Prelude {
    /// The statutory clocks of deadlines-and-kpis.md, one table each, and `deadlines`, all of them.
    static let clocks = #"""
    # ---- Statutory clocks -------------------------------------------------------------------------
    # One row per clock instance. Every clock table has the same columns, so `deadlines` appends them.
    # `ended_date` is the day the plan a review clock belongs to ended (null for the other clocks and
    # for plans still running): `deadlines` uses it to tell a `missed` clock from an overdue one.

    # 6 weeks to decide whether to assess, from the request.
    let decision_6wk = from requests
      | where outcome in ("Y", "N", "A")
      | select clock = "decision_6wk", area = "assessment", subject_id = request_id, person_id,
               start_date = received_date, due_date = received_date + 6 weeks,
               done_date = if outcome in ("Y", "N") then outcome_date else null,
               exempt = false, disputed = (mediation ?? false) or (tribunal ?? false), ended_date = date(null)

    let _assessment_outcomes = from assessments
      | select request_id, assessment = outcome, assessment_date = outcome_date, week20_exception,
               assessment_disputed = (mediation ?? false) or (tribunal ?? false)

    # 20 weeks to issue the final plan, from the request.
    let final_20wk = from requests
      | where outcome == "Y"
      | join left _assessment_outcomes on request_id
      | where assessment in ("Y", "A") or assessment is null
      | select clock = "final_20wk", area = "assessment", subject_id = request_id, person_id,
               start_date = received_date, due_date = received_date + 20 weeks,
               done_date = if assessment == "Y" then assessment_date else null,
               exempt = week20_exception ?? false,
               disputed = (mediation ?? false) or (tribunal ?? false) or (assessment_disputed ?? false),
               ended_date = date(null)

    # 16 weeks to say a plan will not be issued, from the request.
    let not_issue_16wk = from requests
      | join _assessment_outcomes on request_id
      | where assessment == "N"
      | select clock = "not_issue_16wk", area = "assessment", subject_id = request_id, person_id,
               start_date = received_date, due_date = received_date + 16 weeks, done_date = assessment_date,
               exempt = false, disputed = (mediation ?? false) or (tribunal ?? false) or assessment_disputed,
               ended_date = date(null)

    # 6 weeks for a partner's advice, from its receiving the request (health advice is the commissioner's duty).
    let advice_6wk = from advice
      | join (from requests | select request_id, person_id) on request_id
      | select clock = "advice_6wk", area = "advice", subject_id = advice_id, person_id,
               start_date = requested_date, due_date = requested_date + 6 weeks, done_date = received_date,
               exempt = exception ?? false, disputed = false, ended_date = date(null)

    # Reviews within 12 months starting with the plan, then with each review meeting.
    let _review_points = from plans
      | select plan_id, person_id, point = start_date, cease_date
      | append (from reviews
          | join (from plans | select plan_id, person_id, cease_date) on plan_id
          | select plan_id, person_id, point = meeting_date, cease_date)

    # A clock of a plan that has ended with nothing done: nothing was owed any more when the plan
    # ended on or before the due date; otherwise it is kept, and `deadlines` calls it missed.
    let owed(done, due, ended) = done is not null or ended is null or ended > due

    let review_12m = from _review_points
      | group plan_id (sort point | derive next_point = lead(point))
      | derive due_date = point + 12 months - 1 day
      | where owed(next_point, due_date, cease_date)
      | select clock = "review_12m", area = "reviews", subject_id = plan_id, person_id,
               start_date = point, due_date, done_date = next_point, exempt = false, disputed = false,
               ended_date = cease_date

    let _review_plans = from reviews | join (from plans | select plan_id, person_id, cease_date) on plan_id

    # 4 weeks from the meeting to the decision to maintain, amend or cease.
    let review_decision_4wk = from _review_plans
      | where owed(decision_date, meeting_date + 4 weeks, cease_date)
      | select clock = "review_decision_4wk", area = "reviews", subject_id = review_id, person_id,
               start_date = meeting_date, due_date = meeting_date + 4 weeks, done_date = decision_date,
               exempt = false, disputed = false, ended_date = cease_date

    # 12 weeks from the meeting to the final amended plan.
    let amendment_12wk = from _review_plans
      | where outcome == "A" and owed(amended_plan_date, meeting_date + 12 weeks, cease_date)
      | select clock = "amendment_12wk", area = "reviews", subject_id = review_id, person_id,
               start_date = meeting_date, due_date = meeting_date + 12 weeks, done_date = amended_plan_date,
               exempt = false, disputed = false, ended_date = cease_date

    # Phase transfers: the amended plan naming the new setting by 15 February (31 March for post-16).
    let phase_transfer = from _review_plans
      | where (phase_transfer ?? false) and phase_transfer_due_date is not null
          and owed(phase_transfer_final_date, phase_transfer_due_date, cease_date)
      | select clock = "phase_transfer", area = "reviews", subject_id = review_id, person_id,
               start_date = meeting_date, due_date = phase_transfer_due_date, done_date = phase_transfer_final_date,
               exempt = false, disputed = false, ended_date = cease_date

    # 20 working days to answer a stage 1 complaint.
    let complaint_20wd = from complaints
      | where stage == 1
      | select clock = "complaint_20wd", area = "parents", subject_id = complaint_id, person_id = string(null),
               start_date = received_date, due_date = received_date + 20 working_days, done_date = responded_date,
               exempt = false, disputed = false, ended_date = date(null)

    let deadlines = from decision_6wk
      | append final_20wk
      | append not_issue_16wk
      | append advice_6wk
      | append review_12m
      | append review_decision_4wk
      | append amendment_12wk
      | append phase_transfer
      | append complaint_20wd
      | derive status = case when done_date <= due_date then "met"
                             when done_date > due_date then "late"
                             when ended_date is not null then "missed"
                             when due_date < as_of() then "overdue"
                             else "pending" end,
               days_taken = done_date - start_date,
               days_overdue = if status == "overdue" then as_of() - due_date else null
      | select clock, area, subject_id, person_id, start_date, due_date, done_date, exempt, disputed, status,
               days_taken, days_overdue

    """#
}
