-- name: to-destination
-- version: 1
-- description: Everything one destination received, by source, port, protocol and action.
-- requires: action, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end
-- param: dstaddr ip | the destination address
-- param: limit integer = 100 | rows to show
-- chart: bar x=srcaddr y=bytes
SELECT
    srcaddr,
    dstport,
    CASE protocol WHEN 6 THEN 'tcp' WHEN 17 THEN 'udp' WHEN 1 THEN 'icmp' WHEN 58 THEN 'icmpv6'
        ELSE CAST(protocol AS varchar) END AS protocol,
    action,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen
FROM flow_logs
WHERE {{window}}
  AND dstaddr = :dstaddr
GROUP BY srcaddr, dstport, protocol, action
ORDER BY bytes DESC, flows DESC, srcaddr, dstport, protocol, action
LIMIT :limit
