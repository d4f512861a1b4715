-- name: rejected-tcp
-- version: 1
-- description: Rejected TCP flows by source, destination and port, counting bare connection attempts (SYN only), replies or established traffic (ACK) and resets (RST).
-- requires: action, interface-id, srcaddr, dstaddr, dstport, protocol, tcp-flags, packets, bytes, start, end
-- param: limit integer = 50 | rows to show
-- param: eni string = null | only this network interface (eni-...)
-- chart: bar x=srcaddr y=flows
SELECT
    srcaddr,
    dstaddr,
    dstport,
    count(*) AS flows,
    -- tcp-flags is an OR of FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32 over the capture window.
    -- SYN alone: a connection attempt that never got further.
    count_if(tcp_flags = 2) AS syn_only_flows,
    -- ACK set: a reply or an established connection was turned away (typically a stateless NACL on return traffic).
    count_if(bitwise_and(tcp_flags, 16) = 16) AS ack_flows,
    -- RST set: a reset was turned away.
    count_if(bitwise_and(tcp_flags, 4) = 4) AS rst_flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen
FROM flow_logs
WHERE {{window}}
  AND action = 'REJECT'
  AND protocol = 6
  AND (:eni IS NULL OR interface_id = :eni)
GROUP BY srcaddr, dstaddr, dstport
ORDER BY flows DESC, bytes DESC, srcaddr, dstaddr, dstport
LIMIT :limit
