-- (d) The deadlines table: every statutory clock at the as-of date (2024-12-31), counted by clock and status.
-- Mirrors sendql's prelude: the as-of views, the nine clock tables appended into `deadlines`, then the group.
-- The clocks and `deadlines` are the views of prelude.sql.
select clock, status, count(*) as n,
       count(*) filter (where exempt) as exempt,
       count(*) filter (where disputed) as disputed,
       sum(days_taken) as days_taken,
       sum(days_overdue) as days_overdue
from deadlines
group by clock, status
order by clock, status
