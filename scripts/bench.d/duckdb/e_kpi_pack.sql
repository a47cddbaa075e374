-- (e) The full standard KPI pack by calendar year: the prelude's kpi_pack with kpi_period = "year", as of
-- 2024-12-31. The clocks and `deadlines` are the views of prelude.sql; the CTEs here mirror the KPI
-- tables. With a "year" period the offsets table is the single row 0, so each month's counts fall in its own year.
with
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
