-- The prelude's as-of views and statutory clocks as DuckDB views, for lines (d) and (e).
-- run_engine.py creates them after the timed load. A view is only a name for its query, so every
-- query that reads one still computes it in full, as the sendql prelude computes its tables anew in
-- each session. The as-of date is 2024-12-31, scripts/bench's.
-- d + 20 working_days is the 20th working day after d (weekends and bank_holidays excluded).
-- requests (as-of view)
create or replace view requests_asof as (
  select request_id, person_id, received_date, source, mediation, tribunal,
         case when outcome_date <= date '2024-12-31' then outcome_date end as outcome_date,
         case when outcome in ('Y', 'N') and (outcome_date is null or outcome_date > date '2024-12-31') then 'A'
              else outcome end as outcome
  from requests
  where received_date <= date '2024-12-31'
);
-- assessments (as-of view): only once the decision to assess is known
create or replace view assessments_asof as (
  select a.request_id, a.week20_exception, a.mediation, a.tribunal,
         case when a.outcome_date <= date '2024-12-31' then a.outcome_date end as outcome_date,
         case when a.outcome in ('Y', 'N') and (a.outcome_date is null or a.outcome_date > date '2024-12-31') then 'A'
              else a.outcome end as outcome
  from assessments a
  join (select request_id from requests_asof where outcome in ('Y', 'H')) r on r.request_id = a.request_id
);
-- plans (as-of view)
create or replace view plans_asof as (
  select plan_id, person_id, request_id, start_date, primary_need, setting,
         case when cease_date <= date '2024-12-31' then cease_date end as cease_date
  from plans
  where start_date <= date '2024-12-31'
);
-- advice (as-of view)
create or replace view advice_asof as (
  select advice_id, request_id, advice_type, requested_date, exception,
         case when received_date <= date '2024-12-31' then received_date end as received_date
  from advice
  where requested_date <= date '2024-12-31'
);
-- reviews (as-of view): meetings held, of plans that exist
create or replace view reviews_asof as (
  select v.review_id, v.plan_id, v.meeting_date, v.phase_transfer, v.phase_transfer_due_date,
         case when v.decision_date <= date '2024-12-31' then v.decision_date end as decision_date,
         case when v.decision_date <= date '2024-12-31' then v.outcome end as outcome,
         case when v.amended_plan_date <= date '2024-12-31' then v.amended_plan_date end as amended_plan_date,
         case when v.phase_transfer_final_date <= date '2024-12-31' then v.phase_transfer_final_date end
           as phase_transfer_final_date
  from reviews v
  join (select plan_id from plans_asof) p on p.plan_id = v.plan_id
  where v.meeting_date <= date '2024-12-31'
);
-- complaints (as-of view)
create or replace view complaints_asof as (
  select complaint_id, received_date, stage,
         case when responded_date <= date '2024-12-31' then responded_date end as responded_date
  from complaints
  where received_date <= date '2024-12-31'
);
-- the working-day calendar: each day's count of working days up to and including it
create or replace view calendar as (
  select day, working, sum(working::int) over (order by day) as working_rank
  from (select d::date as day, isodow(d) <= 5 and h.holiday is null as working
        from range(date '2000-01-01', date '2041-01-01', interval 1 day) t(d)
        left join bank_holidays h on h.holiday = d::date)
);
-- decision_6wk
create or replace view decision_6wk as (
  select 'decision_6wk' as clock, 'assessment' as area, request_id as subject_id, person_id,
         received_date as start_date, received_date + 42 as due_date,
         case when outcome in ('Y', 'N') then outcome_date end as done_date,
         false as exempt, coalesce(mediation, false) or coalesce(tribunal, false) as disputed,
         null::date as ended_date
  from requests_asof
  where outcome in ('Y', 'N', 'A')
);
-- _assessment_outcomes
create or replace view assessment_outcomes as (
  select request_id, outcome as assessment, outcome_date as assessment_date, week20_exception,
         coalesce(mediation, false) or coalesce(tribunal, false) as assessment_disputed
  from assessments_asof
);
-- final_20wk
create or replace view final_20wk as (
  select 'final_20wk' as clock, 'assessment' as area, r.request_id as subject_id, r.person_id,
         r.received_date as start_date, r.received_date + 140 as due_date,
         case when a.assessment = 'Y' then a.assessment_date end as done_date,
         coalesce(a.week20_exception, false) as exempt,
         coalesce(r.mediation, false) or coalesce(r.tribunal, false) or coalesce(a.assessment_disputed, false)
           as disputed, null::date as ended_date
  from requests_asof r
  left join assessment_outcomes a on a.request_id = r.request_id
  where r.outcome = 'Y' and (a.assessment in ('Y', 'A') or a.assessment is null)
);
-- not_issue_16wk
create or replace view not_issue_16wk as (
  select 'not_issue_16wk' as clock, 'assessment' as area, r.request_id as subject_id, r.person_id,
         r.received_date as start_date, r.received_date + 112 as due_date, a.assessment_date as done_date,
         false as exempt,
         coalesce(r.mediation, false) or coalesce(r.tribunal, false) or a.assessment_disputed as disputed,
         null::date as ended_date
  from requests_asof r
  join assessment_outcomes a on a.request_id = r.request_id
  where a.assessment = 'N'
);
-- advice_6wk
create or replace view advice_6wk as (
  select 'advice_6wk' as clock, 'advice' as area, a.advice_id as subject_id, r.person_id,
         a.requested_date as start_date, a.requested_date + 42 as due_date, a.received_date as done_date,
         coalesce(a.exception, false) as exempt, false as disputed, null::date as ended_date
  from advice_asof a
  join requests_asof r on r.request_id = a.request_id
);
-- _review_points: each plan's start, then each review meeting
create or replace view review_points as (
  select plan_id, person_id, start_date as point, cease_date from plans_asof
  union all
  select v.plan_id, p.person_id, v.meeting_date as point, p.cease_date
  from reviews_asof v
  join plans_asof p on p.plan_id = v.plan_id
);
-- review_12m: each point is due again 12 months less a day later, met by the next point
create or replace view review_12m as (
  select 'review_12m' as clock, 'reviews' as area, plan_id as subject_id, person_id,
         point as start_date, due_date, next_point as done_date, false as exempt, false as disputed,
         cease_date as ended_date
  from (select *, (point + interval 12 month)::date - 1 as due_date
        from (select *, lead(point) over (partition by plan_id order by point) as next_point
              from review_points))
  -- nothing is owed when the plan ceased on or before the due date with nothing done
  where next_point is not null or cease_date is null or cease_date > due_date
);
-- _review_plans
create or replace view review_plans as (
  select v.*, p.person_id, p.cease_date
  from reviews_asof v
  join plans_asof p on p.plan_id = v.plan_id
);
-- review_decision_4wk
create or replace view review_decision_4wk as (
  select 'review_decision_4wk' as clock, 'reviews' as area, review_id as subject_id, person_id,
         meeting_date as start_date, meeting_date + 28 as due_date, decision_date as done_date,
         false as exempt, false as disputed, cease_date as ended_date
  from review_plans
  where decision_date is not null or cease_date is null or cease_date > meeting_date + 28
);
-- amendment_12wk
create or replace view amendment_12wk as (
  select 'amendment_12wk' as clock, 'reviews' as area, review_id as subject_id, person_id,
         meeting_date as start_date, meeting_date + 84 as due_date, amended_plan_date as done_date,
         false as exempt, false as disputed, cease_date as ended_date
  from review_plans
  where outcome = 'A' and (amended_plan_date is not null or cease_date is null or cease_date > meeting_date + 84)
);
-- phase_transfer
create or replace view phase_transfer as (
  select 'phase_transfer' as clock, 'reviews' as area, review_id as subject_id, person_id,
         meeting_date as start_date, phase_transfer_due_date as due_date, phase_transfer_final_date as done_date,
         false as exempt, false as disputed, cease_date as ended_date
  from review_plans
  where coalesce(phase_transfer, false) and phase_transfer_due_date is not null
    and (phase_transfer_final_date is not null or cease_date is null or cease_date > phase_transfer_due_date)
);
-- complaint_20wd: due on the 20th working day after receipt
create or replace view complaint_20wd as (
  select 'complaint_20wd' as clock, 'parents' as area, c.complaint_id as subject_id, null::varchar as person_id,
         c.received_date as start_date, w.day as due_date, c.responded_date as done_date,
         false as exempt, false as disputed, null::date as ended_date
  from complaints_asof c
  join calendar s on s.day = c.received_date
  join calendar w on w.working and w.working_rank = s.working_rank + 20
  where c.stage = 1
);
-- deadlines: all the clocks, with their status at the as-of date
create or replace view deadlines as (
  select * exclude (ended_date), case when status = 'overdue' then date '2024-12-31' - due_date end as days_overdue
  from (select *,
               case when done_date <= due_date then 'met'
                    when done_date > due_date then 'late'
                    when ended_date is not null then 'missed'
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
);
