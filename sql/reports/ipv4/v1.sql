-- name: ipv4
-- version: 1
-- description: IPv4 traffic: the source and destination pairs that moved the most bytes.
-- requires: srcaddr, dstaddr, packets, bytes, start
-- param: limit integer = 50 | rows to show
-- chart: bar x=srcaddr y=bytes
SELECT
    srcaddr,
    dstaddr,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes
FROM flow_logs
WHERE {{window}}
  -- The family comes from the address text (an IPv6 address has a colon), so warehouses without the type field work.
  AND srcaddr NOT LIKE '%:%'
GROUP BY srcaddr, dstaddr
ORDER BY bytes DESC, packets DESC, flows DESC, srcaddr, dstaddr
LIMIT :limit
