-- name: accepted
-- version: 1
-- description: Accepted traffic by source, destination, port and protocol: who talked to whom, how much, and when.
-- requires: action, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end
-- param: limit integer = 50 | rows to show
-- param: eni string = null | only this network interface (eni-...)
-- chart: bar x=srcaddr y=bytes
SELECT
    srcaddr,
    dstaddr,
    dstport,
    CASE protocol WHEN 6 THEN 'tcp' WHEN 17 THEN 'udp' WHEN 1 THEN 'icmp' WHEN 58 THEN 'icmpv6'
        ELSE CAST(protocol AS varchar) END AS protocol,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen
FROM flow_logs
WHERE {{window}}
  AND action = 'ACCEPT'
  AND (:eni IS NULL OR interface_id = :eni)
GROUP BY srcaddr, dstaddr, dstport, protocol
ORDER BY bytes DESC, flows DESC, srcaddr, dstaddr, dstport, protocol
LIMIT :limit
