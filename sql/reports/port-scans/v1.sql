-- name: port-scans
-- version: 1
-- description: Sources turned away on many distinct ports or hosts, the trace of a port scan or a host sweep.
-- requires: action, srcaddr, dstaddr, dstport, start, end
-- param: min_ports integer = 20 | distinct rejected destination ports that make a scan
-- param: min_hosts integer = 20 | distinct rejected destination hosts that make a sweep
-- param: limit integer = 50 | rows to show
-- chart: bar x=srcaddr y=rejected_ports,rejected_hosts
SELECT
    srcaddr,
    count(DISTINCT dstport) AS rejected_ports,
    count(DISTINCT dstaddr) AS rejected_hosts,
    count(*) AS rejected_flows,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen,
    -- The ten lowest rejected ports, as a sample of what was tried.
    array_join(slice(array_sort(array_agg(DISTINCT dstport)), 1, 10), ',') AS sample_ports
FROM flow_logs
WHERE {{window}}
  AND action = 'REJECT'
GROUP BY srcaddr
HAVING count(DISTINCT dstport) >= :min_ports OR count(DISTINCT dstaddr) >= :min_hosts
ORDER BY rejected_ports DESC, rejected_hosts DESC, rejected_flows DESC, srcaddr
LIMIT :limit
