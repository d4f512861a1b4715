-- name: top-talkers
-- version: 1
-- description: Addresses that sent the most bytes (by srcaddr), with their flows, packets, distinct peers and share (0 to 1) of the window's bytes.
-- requires: log-status, srcaddr, dstaddr, packets, bytes, start
-- param: limit integer = 20 | rows to show
-- chart: bar x=srcaddr y=bytes
SELECT
    srcaddr,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    count(DISTINCT dstaddr) AS distinct_peers,
    CAST(sum(bytes) AS double) / NULLIF(sum(sum(bytes)) OVER (), 0) AS byte_share
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
GROUP BY srcaddr
ORDER BY bytes DESC, flows DESC, srcaddr
LIMIT :limit
