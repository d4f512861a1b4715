-- name: capture-gaps
-- version: 1
-- description: Hours in which a network interface's flow log recorded no data or skipped records, to tell idle interfaces from incomplete data.
-- requires: interface-id, log-status, start
-- param: limit integer = 200 | rows to show
SELECT
    interface_id,
    date_trunc('hour', from_unixtime("start")) AS hour_start,
    count(*) FILTER (WHERE log_status = 'NODATA') AS nodata_records,
    count(*) FILTER (WHERE log_status = 'SKIPDATA') AS skipdata_records,
    CASE
        WHEN count(*) FILTER (WHERE log_status = 'SKIPDATA') > 0
            THEN 'SKIPDATA: records were lost during capture (capacity or internal error), so the data of this hour is incomplete'
        ELSE 'NODATA: no traffic in the aggregation interval, usually harmless (an idle or stopped interface)'
    END AS hint
FROM flow_logs
WHERE {{window}}
  AND log_status IN ('NODATA', 'SKIPDATA')
GROUP BY 1, 2
ORDER BY skipdata_records DESC, interface_id, hour_start
LIMIT :limit
