-- name: hourly
-- version: 1
-- description: Flows, packets and bytes per hour, each hour ranked by bytes: the shape of the day and its peak hours.
-- requires: packets, bytes, start, log-status
-- chart: line x=hour_start y=bytes
SELECT
    date_trunc('hour', from_unixtime("start")) AS hour_start,
    count(*) AS flows,
    sum(packets) AS packets,
    sum(bytes) AS bytes,
    rank() OVER (ORDER BY sum(bytes) DESC) AS rank_by_bytes
FROM flow_logs
WHERE {{window}}
  AND log_status = 'OK'
GROUP BY 1
ORDER BY 1
