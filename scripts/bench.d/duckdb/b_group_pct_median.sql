-- (b) A group-by with pct and median, by quarter: the 6-week decision measure.
-- pct(c) is 100 * rows where c / rows where c is not null; median interpolates (quantile_cont).
select year(received_date) || '-Q' || quarter(received_date) as quarter,
       count(*) as decisions,
       100.0 * count(*) filter (where outcome_date - received_date <= 42)
             / nullif(count(outcome_date - received_date), 0) as within_6_weeks,
       count(*) filter (where outcome_date - received_date <= 42) as within_6_weeks_numerator,
       count(outcome_date - received_date) as within_6_weeks_denominator,
       median(outcome_date - received_date) as median_days
from requests
where outcome in ('Y', 'N')
group by 1
order by 1
