-- (e) The full standard KPI pack by calendar year: the prelude's kpi_pack with kpi_period = "year", as of
-- 2024-12-31. The CTEs up to `deadlines` are the same as (d)'s; the rest mirror the KPI tables. With a
-- "year" period the offsets table is the single row 0, so each month's counts fall in its own year.
with
-- requests (as-of view)
requests_asof as (
  select request_id, person_id, received_date, source, mediation, tribunal,
         case when outcome_date <= date '2024-12-31' then outcome_date end as outcome_date,
         case when outcome in ('Y', 'N') and (outcome_date is null or outcome_date > date '2024-12-31') then 'A'
              else outcome end as outcome
  from requests
  where received_date <= date '2024-12-31'
),
-- assessments (as-of view): only once the decision to assess is known
assessments_asof as (
  select a.request_id, a.week20_exception, a.mediation, a.tribunal,
         case when a.outcome_date <= date '2024-12-31' then a.outcome_date end as outcome_date,
         case when a.outcome in ('Y', 'N') and (a.outcome_date is null or a.outcome_date > date '2024-12-31') then 'A'
              else a.outcome end as outcome
  from assessments a
  join (select request_id from requests_asof where outcome in ('Y', 'H')) r on r.request_id = a.request_id
),
-- plans (as-of view)
plans_asof as (
  select plan_id, person_id, request_id, start_date, primary_need, setting,
         case when cease_date <= date '2024-12-31' then cease_date end as cease_date
  from plans
  where start_date <= date '2024-12-31'
),
-- advice (as-of view)
advice_asof as (
  select advice_id, request_id, advice_type, requested_date, exception,
         case when received_date <= date '2024-12-31' then received_date end as received_date
  from advice
  where requested_date <= date '2024-12-31'
),
-- reviews (as-of view): meetings held, of plans that exist
reviews_asof as (
  select v.review_id, v.plan_id, v.meeting_date, v.phase_transfer, v.phase_transfer_due_date,
         case when v.decision_date <= date '2024-12-31' then v.decision_date end as decision_date,
         case when v.decision_date <= date '2024-12-31' then v.outcome end as outcome,
         case when v.amended_plan_date <= date '2024-12-31' then v.amended_plan_date end as amended_plan_date,
         case when v.phase_transfer_final_date <= date '2024-12-31' then v.phase_transfer_final_date end
           as phase_transfer_final_date
  from reviews v
  join (select plan_id from plans_asof) p on p.plan_id = v.plan_id
  where v.meeting_date <= date '2024-12-31'
),
-- complaints (as-of view)
complaints_asof as (
  select complaint_id, received_date, stage,
         case when responded_date <= date '2024-12-31' then responded_date end as responded_date
  from complaints
  where received_date <= date '2024-12-31'
),
-- the working-day calendar: each day's count of working days up to and including it
calendar as (
  select day, working, sum(working::int) over (order by day) as working_rank
  from (select d::date as day, isodow(d) <= 5 and h.holiday is null as working
        from range(date '2000-01-01', date '2041-01-01', interval 1 day) t(d)
        left join bank_holidays h on h.holiday = d::date)
),
-- decision_6wk
decision_6wk as (
  select 'decision_6wk' as clock, 'assessment' as area, request_id as subject_id, person_id,
         received_date as start_date, received_date + 42 as due_date,
         case when outcome in ('Y', 'N') then outcome_date end as done_date,
         false as exempt, coalesce(mediation, false) or coalesce(tribunal, false) as disputed
  from requests_asof
  where outcome in ('Y', 'N', 'A')
),
-- _assessment_outcomes
assessment_outcomes as (
  select request_id, outcome as assessment, outcome_date as assessment_date, week20_exception,
         coalesce(mediation, false) or coalesce(tribunal, false) as assessment_disputed
  from assessments_asof
),
-- final_20wk
final_20wk as (
  select 'final_20wk' as clock, 'assessment' as area, r.request_id as subject_id, r.person_id,
         r.received_date as start_date, r.received_date + 140 as due_date,
         case when a.assessment = 'Y' then a.assessment_date end as done_date,
         coalesce(a.week20_exception, false) as exempt,
         coalesce(r.mediation, false) or coalesce(r.tribunal, false) or coalesce(a.assessment_disputed, false)
           as disputed
  from requests_asof r
  left join assessment_outcomes a on a.request_id = r.request_id
  where r.outcome = 'Y' and (a.assessment in ('Y', 'A') or a.assessment is null)
),
-- not_issue_16wk
not_issue_16wk as (
  select 'not_issue_16wk' as clock, 'assessment' as area, r.request_id as subject_id, r.person_id,
         r.received_date as start_date, r.received_date + 112 as due_date, a.assessment_date as done_date,
         false as exempt,
         coalesce(r.mediation, false) or coalesce(r.tribunal, false) or a.assessment_disputed as disputed
  from requests_asof r
  join assessment_outcomes a on a.request_id = r.request_id
  where a.assessment = 'N'
),
-- advice_6wk
advice_6wk as (
  select 'advice_6wk' as clock, 'advice' as area, a.advice_id as subject_id, r.person_id,
         a.requested_date as start_date, a.requested_date + 42 as due_date, a.received_date as done_date,
         coalesce(a.exception, false) as exempt, false as disputed
  from advice_asof a
  join requests_asof r on r.request_id = a.request_id
),
-- _review_points: each plan's start, then each review meeting
review_points as (
  select plan_id, person_id, start_date as point, cease_date from plans_asof
  union all
  select v.plan_id, p.person_id, v.meeting_date as point, p.cease_date
  from reviews_asof v
  join plans_asof p on p.plan_id = v.plan_id
),
-- review_12m: each point is due again 12 months less a day later, met by the next point
review_12m as (
  select 'review_12m' as clock, 'reviews' as area, plan_id as subject_id, person_id,
         point as start_date, due_date, next_point as done_date, false as exempt, false as disputed
  from (select *, (point + interval 12 month)::date - 1 as due_date
        from (select *, lead(point) over (partition by plan_id order by point) as next_point
              from review_points))
  -- no review is owed when the plan ceased on or before the due date
  where not (next_point is null and cease_date is not null and cease_date <= due_date)
),
-- _review_plans
review_plans as (
  select v.*, p.person_id
  from reviews_asof v
  join plans_asof p on p.plan_id = v.plan_id
),
-- review_decision_4wk
review_decision_4wk as (
  select 'review_decision_4wk' as clock, 'reviews' as area, review_id as subject_id, person_id,
         meeting_date as start_date, meeting_date + 28 as due_date, decision_date as done_date,
         false as exempt, false as disputed
  from review_plans
),
-- amendment_12wk
amendment_12wk as (
  select 'amendment_12wk' as clock, 'reviews' as area, review_id as subject_id, person_id,
         meeting_date as start_date, meeting_date + 84 as due_date, amended_plan_date as done_date,
         false as exempt, false as disputed
  from review_plans
  where outcome = 'A'
),
-- phase_transfer
phase_transfer as (
  select 'phase_transfer' as clock, 'reviews' as area, review_id as subject_id, person_id,
         meeting_date as start_date, phase_transfer_due_date as due_date, phase_transfer_final_date as done_date,
         false as exempt, false as disputed
  from review_plans
  where coalesce(phase_transfer, false) and phase_transfer_due_date is not null
),
-- complaint_20wd: due on the 20th working day after receipt
complaint_20wd as (
  select 'complaint_20wd' as clock, 'parents' as area, c.complaint_id as subject_id, null::varchar as person_id,
         c.received_date as start_date, w.day as due_date, c.responded_date as done_date,
         false as exempt, false as disputed
  from complaints_asof c
  join calendar s on s.day = c.received_date
  join calendar w on w.working and w.working_rank = s.working_rank + 20
  where c.stage = 1
),
-- deadlines: all the clocks, with their status at the as-of date
deadlines as (
  select *, case when status = 'overdue' then date '2024-12-31' - due_date end as days_overdue
  from (select *,
               case when done_date <= due_date then 'met'
                    when done_date > due_date then 'late'
                    when due_date < date '2024-12-31' then 'overdue'
                    else 'pending' end as status,
               done_date - start_date as days_taken
        from (select * from decision_6wk
              union all select * from final_20wk
              union all select * from not_issue_16wk
              union all select * from advice_6wk
              union all select * from review_12m
              union all select * from review_decision_4wk
              union all select * from amendment_12wk
              union all select * from phase_transfer
              union all select * from complaint_20wd))
),
-- _ehcp_20wk_rows: final plans issued, not disputed, with the plan's primary need
ehcp_20wk_rows as (
  select d.*, p.primary_need
  from deadlines d
  -- _request_plans: a request's first plan, by start date then plan id
  left join (select request_id, primary_need, setting from plans_asof where request_id is not null
             qualify row_number() over (partition by request_id order by start_date, plan_id) = 1) p
    on p.request_id = d.subject_id
  where d.clock = 'final_20wk' and d.done_date is not null and not d.disputed
),
-- _advice_rows: advice received, not exempt, with its type
advice_rows as (
  select d.*, a.advice_type
  from deadlines d
  join advice_asof a on a.advice_id = d.subject_id
  where d.clock = 'advice_6wk' and d.done_date is not null and not d.exempt
),
-- _review_rows: review clocks no longer pending, with the plan's setting
review_rows as (
  select d.*, p.setting
  from (select *,
               case when clock = 'review_12m' then subject_id end as plan_id,
               case when clock = 'review_12m' then null else subject_id end as review_id
        from deadlines
        where clock in ('review_12m', 'review_decision_4wk') and status != 'pending') d
  left join (select review_id, plan_id as review_plan from reviews_asof) v on v.review_id = d.review_id
  left join plans_asof p on p.plan_id = coalesce(d.plan_id, v.review_plan)
),
-- kpi_cohorts: one row per KPI instance, with the date placing it in a period and whether it was met
kpi_cohorts as (
  select 'ehcp_20wk' as kpi, '' as breakdown, done_date as period_date, status = 'met' as met
  from ehcp_20wk_rows where not exempt
  union all
  select 'ehcp_20wk', 'primary_need=' || coalesce(primary_need, 'unknown'), done_date, status = 'met'
  from ehcp_20wk_rows where not exempt
  union all
  select 'ehcp_20wk_incl', '', done_date, status = 'met' from ehcp_20wk_rows
  union all
  select 'decision_6wk', '', done_date, status = 'met'
  from deadlines where clock = 'decision_6wk' and done_date is not null
  union all
  select 'not_issue_16wk', '', done_date, status = 'met'
  from deadlines where clock = 'not_issue_16wk' and done_date is not null
  union all
  select 'advice_6wk', '', done_date, status = 'met' from advice_rows
  union all
  select 'advice_6wk', 'advice_type=' || advice_type, done_date, status = 'met' from advice_rows
  union all
  select 'review_12m', '', due_date, status = 'met' from review_rows where clock = 'review_12m'
  union all
  select 'review_12m', 'setting=' || coalesce(setting, 'unknown'), due_date, status = 'met'
  from review_rows where clock = 'review_12m'
  union all
  select 'review_decision_4wk', '', start_date, status = 'met' from review_rows where clock = 'review_decision_4wk'
  union all
  select 'review_decision_4wk', 'setting=' || coalesce(setting, 'unknown'), start_date, status = 'met'
  from review_rows where clock = 'review_decision_4wk'
  union all
  select 'amendment_12wk', '', start_date, status = 'met'
  from deadlines where clock = 'amendment_12wk' and status != 'pending'
  union all
  select 'phase_transfer_on_time', '', due_date, status = 'met'
  from deadlines where clock = 'phase_transfer' and status != 'pending'
  union all
  select 'complaint_20wd', '', start_date, status = 'met'
  from deadlines where clock = 'complaint_20wd' and status != 'pending'
  union all
  select 'ehcp_quality_good', '', audit_date, rating in ('outstanding', 'good')
  from audits where audit_date <= date '2024-12-31'
  union all
  select 'health_quality_good', '', audit_date, health_rating in ('outstanding', 'good')
  from audits where audit_date <= date '2024-12-31' and health_rating is not null
  union all
  select 'parent_satisfaction', '', received_date, score >= 4
  from feedback where received_date <= date '2024-12-31'
),
-- _kpi_month_counts
kpi_month_counts as (
  select kpi, breakdown, date_trunc('month', period_date) as month,
         count(*) filter (where met) as numerator, count(*) as denominator
  from kpi_cohorts
  group by kpi, breakdown, month
),
-- _kpi_rates: by calendar year up to the as-of year
kpi_rates as (
  select kpi, breakdown, period, numerator, denominator,
         case when denominator = 0 then null else (100 * numerator)::double / denominator end as value
  from (select kpi, breakdown, strftime(month, '%Y') as period,
               sum(numerator) as numerator, sum(denominator) as denominator
        from kpi_month_counts
        where strftime(month, '%Y') <= '2024'
        group by kpi, breakdown, period)
),
-- overdue_now: the backlog at the as-of date, a count per clock
overdue_now as (
  select 'overdue_now' as kpi, clock as breakdown, '2024-12-31' as period,
         count(*) filter (where status = 'overdue') as numerator,
         null::bigint as denominator, null::double as value
  from deadlines
  group by clock
)
-- kpi_pack
select kpi, breakdown, period, numerator, denominator, value
from (select * from kpi_rates union all select * from overdue_now)
order by case kpi when 'ehcp_20wk' then 1 when 'ehcp_20wk_incl' then 2 when 'decision_6wk' then 3
                  when 'not_issue_16wk' then 4 when 'advice_6wk' then 5 when 'review_12m' then 6
                  when 'review_decision_4wk' then 7 when 'amendment_12wk' then 8
                  when 'phase_transfer_on_time' then 9 when 'complaint_20wd' then 10
                  when 'ehcp_quality_good' then 11 when 'health_quality_good' then 12
                  when 'parent_satisfaction' then 13 else 14 end,
         breakdown, period
