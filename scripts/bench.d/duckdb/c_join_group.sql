-- (c) A join of reviews to plans with a group-by: review decisions within 4 weeks, by setting.
select p.setting,
       count(*) as reviews,
       100.0 * count(*) filter (where r.decision_date - r.meeting_date <= 28)
             / nullif(count(r.decision_date - r.meeting_date), 0) as decided_in_4_weeks,
       count(*) filter (where r.decision_date - r.meeting_date <= 28) as decided_in_4_weeks_numerator,
       count(r.decision_date - r.meeting_date) as decided_in_4_weeks_denominator
from reviews r
join plans p on r.plan_id = p.plan_id
group by p.setting
order by p.setting nulls last
