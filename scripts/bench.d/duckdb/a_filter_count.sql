-- (a) A filter and a count: requests decided "assess" since 2018.
select count(*) as n
from requests
where outcome = 'Y' and received_date >= date '2018-01-01'
