-- name: nat-paths
-- version: 1
-- description: Traffic rewritten by a NAT gateway or similar intermediary (pkt-srcaddr or pkt-dstaddr differs from srcaddr or dstaddr) as original source, interface addresses and original destination, with its direction and traffic path.
-- requires: log-status, pkt-srcaddr, srcaddr, dstaddr, pkt-dstaddr, flow-direction, traffic-path, packets, bytes, start
-- param: limit integer = 100 | rows to show
SELECT
    pkt_srcaddr,
    srcaddr,
    dstaddr,
    pkt_dstaddr,
    flow_direction,
    traffic_path,
    CASE
        WHEN traffic_path IS NULL THEN 'not recorded'
        WHEN traffic_path = 1 THEN 'same VPC'
        WHEN traffic_path = 2 THEN 'internet gateway or gateway VPC endpoint'
        WHEN traffic_path = 3 THEN 'virtual private gateway'
        WHEN traffic_path = 4 THEN 'intra-Region VPC peering'
        WHEN traffic_path = 5 THEN 'inter-Region VPC peering'
        WHEN traffic_path = 6 THEN 'local gateway'
        WHEN traffic_path = 7 THEN 'gateway VPC endpoint (Nitro)'
        WHEN traffic_path = 8 THEN 'internet gateway (Nitro)'
        ELSE 'unknown (' || CAST(traffic_path AS varchar) || ')'
    END AS traffic_path_name,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
  AND (pkt_srcaddr <> srcaddr OR pkt_dstaddr <> dstaddr)
GROUP BY pkt_srcaddr, srcaddr, dstaddr, pkt_dstaddr, flow_direction, traffic_path
ORDER BY bytes DESC, flows DESC, pkt_srcaddr, srcaddr, dstaddr, pkt_dstaddr, flow_direction NULLS LAST, traffic_path NULLS LAST
LIMIT :limit
