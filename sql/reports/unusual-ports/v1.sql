-- name: unusual-ports
-- version: 1
-- description: Accepted TCP/UDP/SCTP traffic to destination ports up to max_port that are not common service ports (and not replies from one), busiest first: services nobody planned for.
-- requires: log-status, action, protocol, srcaddr, dstaddr, srcport, dstport, packets, bytes, start, end
-- param: max_port port = 32767 | highest destination port counted; ports above it are ephemeral reply ports, not services
-- param: min_flows integer = 1 | only ports with at least this many flows
-- param: max_sources integer = null | only ports reached from at most this many distinct sources (the rarely used ones)
-- param: limit integer = 50 | rows to show
-- chart: bar x=dstport y=flows
SELECT
    dstport,
    CASE protocol WHEN 6 THEN 'tcp' WHEN 17 THEN 'udp' WHEN 132 THEN 'sctp'
        ELSE CAST(protocol AS varchar) END AS protocol,
    count(*) AS flows,
    count(DISTINCT srcaddr) AS distinct_sources,
    count(DISTINCT dstaddr) AS distinct_destinations,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
  AND action = 'ACCEPT'
  AND protocol IN (6, 17, 132)
  AND dstport <= :max_port
  AND dstport NOT IN (20, 21, 22, 25, 53, 67, 68, 80, 110, 123, 143, 389, 443, 445, 465, 587, 636, 993, 995,
                      1433, 1521, 2049, 3306, 3389, 5432, 5439, 6379, 8080, 8443, 9092, 9200, 27017)
  AND srcport NOT IN (20, 21, 22, 25, 53, 67, 68, 80, 110, 123, 143, 389, 443, 445, 465, 587, 636, 993, 995,
                      1433, 1521, 2049, 3306, 3389, 5432, 5439, 6379, 8080, 8443, 9092, 9200, 27017)
GROUP BY dstport, protocol
HAVING count(*) >= :min_flows
   AND (:max_sources IS NULL OR count(DISTINCT srcaddr) <= :max_sources)
ORDER BY flows DESC, bytes DESC, dstport, protocol
LIMIT :limit
