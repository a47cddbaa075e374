extension Prelude {
    /// The standard KPI pack of deadlines-and-kpis.md, by the period kind in `kpi_period`.
    static let kpis = #"""
    # ---- The standard KPI pack --------------------------------------------------------------------
    # Set the period with --param kpi_period=year|academic_year|financial_year|quarter|month|rolling12.
    param kpi_period: string in ("year", "academic_year", "financial_year", "quarter", "month", "rolling12") = "year"

    # Each KPI is a cohort of rows, a date that places a row in a period, and whether it counts as met.
    # The plan a request led to: its first, should a request have several, so no row counts twice.
    let _request_plans = from plans
      | where request_id is not null
      | group request_id (sort start_date, plan_id | take 1)
      | select request_id, primary_need, setting

    let _ehcp_20wk_rows = from deadlines
      | where clock == "final_20wk" and done_date is not null and not disputed
      | join left _request_plans as p on p.request_id == subject_id

    let _advice_rows = from deadlines
      | where clock == "advice_6wk" and done_date is not null and not exempt
      | join (from advice | select advice_id, advice_type) on advice_id == subject_id

    let _review_rows = from deadlines
      | where clock in ("review_12m", "review_decision_4wk") and status != "pending"
      | derive plan_id = if clock == "review_12m" then subject_id else null,
               review_id = if clock == "review_12m" then null else subject_id
      | join left (from reviews | select review_id, review_plan = plan_id) on review_id
      | join left (from plans | select plan_id, setting) as p on p.plan_id == (plan_id ?? review_plan)

    let kpi_cohorts = from _ehcp_20wk_rows
      | where not exempt
      | select kpi = "ehcp_20wk", breakdown = "", period_date = done_date, met = status == "met"
      | append (from _ehcp_20wk_rows | where not exempt
          | select kpi = "ehcp_20wk", breakdown = "primary_need=" + (primary_need ?? "unknown"),
                   period_date = done_date, met = status == "met")
      | append (from _ehcp_20wk_rows | select kpi = "ehcp_20wk_incl", breakdown = "", period_date = done_date, met = status == "met")
      | append (from deadlines | where clock == "decision_6wk" and done_date is not null
          | select kpi = "decision_6wk", breakdown = "", period_date = done_date, met = status == "met")
      | append (from deadlines | where clock == "not_issue_16wk" and done_date is not null
          | select kpi = "not_issue_16wk", breakdown = "", period_date = done_date, met = status == "met")
      | append (from _advice_rows | select kpi = "advice_6wk", breakdown = "", period_date = done_date, met = status == "met")
      | append (from _advice_rows
          | select kpi = "advice_6wk", breakdown = "advice_type=" + advice_type, period_date = done_date, met = status == "met")
      | append (from _review_rows | where clock == "review_12m"
          | select kpi = "review_12m", breakdown = "", period_date = due_date, met = status == "met")
      | append (from _review_rows | where clock == "review_12m"
          | select kpi = "review_12m", breakdown = "setting=" + (setting ?? "unknown"), period_date = due_date, met = status == "met")
      | append (from _review_rows | where clock == "review_decision_4wk"
          | select kpi = "review_decision_4wk", breakdown = "", period_date = start_date, met = status == "met")
      | append (from _review_rows | where clock == "review_decision_4wk"
          | select kpi = "review_decision_4wk", breakdown = "setting=" + (setting ?? "unknown"), period_date = start_date,
                   met = status == "met")
      | append (from deadlines | where clock == "amendment_12wk" and status != "pending"
          | select kpi = "amendment_12wk", breakdown = "", period_date = start_date, met = status == "met")
      | append (from deadlines | where clock == "phase_transfer" and status != "pending"
          | select kpi = "phase_transfer_on_time", breakdown = "", period_date = due_date, met = status == "met")
      | append (from deadlines | where clock == "complaint_20wd" and status != "pending"
          | select kpi = "complaint_20wd", breakdown = "", period_date = start_date, met = status == "met")
      | append (from audits
          | select kpi = "ehcp_quality_good", breakdown = "", period_date = audit_date, met = rating in ("outstanding", "good"))
      | append (from audits | where health_rating is not null
          | select kpi = "health_quality_good", breakdown = "", period_date = audit_date,
                   met = health_rating in ("outstanding", "good"))
      | append (from feedback
          | select kpi = "parent_satisfaction", breakdown = "", period_date = received_date, met = score >= 4)

    # Counted by month first, so a rolling 12 months adds up twelve small rows rather than copying the cohort.
    let _kpi_month_counts = from kpi_cohorts
      | derive month = month_start(period_date)
      | group kpi, breakdown, month (aggregate numerator = count(where met), denominator = count())

    let kpi_period_kind = if kpi_period == "rolling12" then "month" else kpi_period
    let _kpi_offsets = from range(0, if kpi_period == "rolling12" then 11 else 0)
      | select offset = value, k = 1

    let kpi_order(kpi) = case when kpi == "ehcp_20wk" then 1 when kpi == "ehcp_20wk_incl" then 2
      when kpi == "decision_6wk" then 3 when kpi == "not_issue_16wk" then 4 when kpi == "advice_6wk" then 5
      when kpi == "review_12m" then 6 when kpi == "review_decision_4wk" then 7 when kpi == "amendment_12wk" then 8
      when kpi == "phase_transfer_on_time" then 9 when kpi == "complaint_20wd" then 10
      when kpi == "ehcp_quality_good" then 11 when kpi == "health_quality_good" then 12
      when kpi == "parent_satisfaction" then 13 else 14 end

    # What a board paper calls each KPI and each clock.
    let kpi_name(kpi) = case when kpi == "ehcp_20wk" then "EHC plans within 20 weeks"
      when kpi == "ehcp_20wk_incl" then "EHC plans within 20 weeks, exceptions included"
      when kpi == "decision_6wk" then "Decisions to assess within 6 weeks"
      when kpi == "not_issue_16wk" then "Decisions not to issue within 16 weeks"
      when kpi == "advice_6wk" then "Advice within 6 weeks" when kpi == "review_12m" then "Annual reviews within 12 months"
      when kpi == "review_decision_4wk" then "Review decisions within 4 weeks"
      when kpi == "amendment_12wk" then "Amended plans within 12 weeks"
      when kpi == "phase_transfer_on_time" then "Phase transfers on time"
      when kpi == "complaint_20wd" then "Complaints answered in 20 working days"
      when kpi == "ehcp_quality_good" then "Plans audited good or outstanding"
      when kpi == "health_quality_good" then "Health advice in plans good or outstanding"
      when kpi == "parent_satisfaction" then "Parents satisfied (4 or 5 out of 5)"
      when kpi == "overdue_now" then "Clocks overdue now" else kpi end
    let clock_name(clock) = case when clock == "decision_6wk" then "Decision to assess"
      when clock == "final_20wk" then "Final plan" when clock == "not_issue_16wk" then "Decision not to issue"
      when clock == "advice_6wk" then "Partner advice" when clock == "review_12m" then "Annual review"
      when clock == "review_decision_4wk" then "Review decision" when clock == "amendment_12wk" then "Amended plan"
      when clock == "phase_transfer" then "Phase transfer" when clock == "complaint_20wd" then "Complaint reply"
      else clock end

    # The rates: one row per KPI, breakdown and period; a rolling period is labelled by its last month.
    let _kpi_rates = from _kpi_month_counts
      | derive k = 1
      | join _kpi_offsets on k
      | derive period = period(add_months(month, offset), kpi_period_kind)
      | where period <= period(as_of(), kpi_period_kind)
      | group kpi, breakdown, period (aggregate numerator = sum(numerator), denominator = sum(denominator))
      | derive value = if denominator == 0 then null else 100 * numerator / denominator

    # The backlog now: overdue clocks at the as-of date, a count rather than a rate.
    let overdue_now = from deadlines
      | group clock (aggregate numerator = count(where status == "overdue"))
      | select kpi = "overdue_now", breakdown = clock, period = string(as_of()), numerator,
               denominator = int(null), value = double(null)

    let kpi_pack = from _kpi_rates
      | append overdue_now
      | sort kpi_order(kpi), breakdown, period

    """#
}
