-- name: top-talkers-packets
-- version: 1
-- description: Original sources (pkt-srcaddr: the real sender, not the NAT gateway that relayed its packets) that sent the most packets, with their flows, bytes, distinct original destinations and share (0 to 1) of the window's packets.
-- requires: log-status, pkt-srcaddr, pkt-dstaddr, packets, bytes, start
-- param: limit integer = 20 | rows to show
-- chart: bar x=pkt_srcaddr y=packets
SELECT
    pkt_srcaddr,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    count(DISTINCT pkt_dstaddr) AS distinct_peers,
    CAST(sum(packets) AS double) / NULLIF(sum(sum(packets)) OVER (), 0) AS packet_share
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
GROUP BY pkt_srcaddr
ORDER BY packets DESC, bytes DESC, pkt_srcaddr
LIMIT :limit
