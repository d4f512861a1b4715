-- name: reject-bursts
-- version: 1
-- description: Five-minute bursts of rejected flows from one source, the sign of an attack, a misconfigured client or a retry storm.
-- requires: action, srcaddr, dstaddr, dstport, start, end
-- param: min_rejects integer = 100 | rejected flows from one source within five minutes that make a burst
-- param: limit integer = 50 | rows to show
-- chart: bar x=srcaddr y=rejected_flows
SELECT
    srcaddr,
    -- Five-minute buckets on the clock (10:00, 10:05, ...): a burst that straddles two is split between them.
    from_unixtime("start" - "start" % 300) AS burst_start,
    count(*) AS rejected_flows,
    count(DISTINCT dstport) AS rejected_ports,
    count(DISTINCT dstaddr) AS rejected_hosts,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen
FROM flow_logs
WHERE {{window}}
  AND action = 'REJECT'
GROUP BY 1, 2
HAVING count(*) >= :min_rejects
ORDER BY rejected_flows DESC, burst_start, srcaddr
LIMIT :limit
