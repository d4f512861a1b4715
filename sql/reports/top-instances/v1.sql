-- name: top-instances
-- version: 1
-- description: EC2 instances by bytes sent and received on their interfaces, with interfaces, flows and packets; interfaces with no instance (instance-id '-': NAT gateways, Lambda, load balancers, endpoints) are left out.
-- requires: log-status, instance-id, interface-id, packets, bytes, start
-- param: limit integer = 20 | rows to show
-- chart: bar x=instance_id y=bytes
SELECT
    instance_id,
    count(DISTINCT interface_id) AS interfaces,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
  AND instance_id IS NOT NULL
GROUP BY instance_id
ORDER BY bytes DESC, flows DESC, instance_id
LIMIT :limit
