-- name: rejected
-- version: 1
-- description: Rejected traffic by source, destination and port: who was turned away, where, and how often.
-- requires: action, interface-id, srcaddr, dstaddr, dstport, protocol, packets, bytes, start, end
-- param: limit integer = 50 | rows to show
-- param: eni string = null | only this network interface (eni-...)
-- chart: bar x=srcaddr y=flows
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
  AND action = 'REJECT'
  AND (:eni IS NULL OR interface_id = :eni)
GROUP BY srcaddr, dstaddr, dstport, protocol
ORDER BY flows DESC, bytes DESC, srcaddr, dstaddr, dstport
LIMIT :limit
