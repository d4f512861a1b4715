-- name: from-source
-- version: 1
-- description: Everything one source sent, by destination, port, protocol and action.
-- requires: action, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end
-- param: srcaddr ip | the source address
-- param: limit integer = 100 | rows to show
-- chart: bar x=dstaddr y=bytes
SELECT
    dstaddr,
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
  AND srcaddr = :srcaddr
GROUP BY dstaddr, dstport, protocol, action
ORDER BY bytes DESC, flows DESC, dstaddr, dstport, protocol, action
LIMIT :limit
