-- name: total-bytes
-- version: 1
-- description: Bytes per source and destination pair, largest first, with each pair's share of all bytes in the window.
-- requires: srcaddr, dstaddr, packets, bytes, start
-- param: limit integer = 50 | rows to show
-- chart: bar x=srcaddr y=bytes
SELECT
    srcaddr,
    dstaddr,
    sum(bytes) AS bytes,
    sum(packets) AS packets,
    count(*) AS flows,
    -- Over every pair of the window, before the limit; a double division on both engines.
    CAST(sum(bytes) AS double) / NULLIF(sum(sum(bytes)) OVER (), 0) AS share_of_total
FROM flow_logs
WHERE {{window}}
  AND srcaddr IS NOT NULL
GROUP BY srcaddr, dstaddr
ORDER BY bytes DESC, packets DESC, flows DESC, srcaddr, dstaddr
LIMIT :limit
