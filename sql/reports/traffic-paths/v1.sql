-- name: traffic-paths
-- version: 1
-- description: Flows, packets, bytes and share (0 to 1) of the window's bytes for each flow direction and traffic path, named ('not recorded' where AWS writes none, as for ingress).
-- requires: log-status, flow-direction, traffic-path, packets, bytes, start
SELECT
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
    sum(bytes) AS bytes,
    CAST(sum(bytes) AS double) / NULLIF(sum(sum(bytes)) OVER (), 0) AS byte_share
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
GROUP BY flow_direction, traffic_path
ORDER BY flow_direction NULLS LAST, traffic_path NULLS LAST
