-- name: top-subnets
-- version: 1
-- description: Subnets (with their VPC) by bytes seen on their interfaces, with flows, rejected flows and packets.
-- requires: log-status, subnet-id, vpc-id, action, packets, bytes, start
-- param: limit integer = 20 | rows to show
-- chart: bar x=subnet_id y=bytes
SELECT
    subnet_id,
    vpc_id,
    count(*) AS flows,
    count_if(action = 'REJECT') AS rejected_flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
GROUP BY subnet_id, vpc_id
ORDER BY bytes DESC, flows DESC, subnet_id, vpc_id
LIMIT :limit
