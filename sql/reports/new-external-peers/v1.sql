-- name: new-external-peers
-- version: 1
-- description: Public addresses that exchanged traffic with us in the window but never in the baseline days before it.
-- requires: action, srcaddr, dstaddr, bytes, start
-- param: baseline_days integer = 7 | days before the window in which a peer counts as already known
-- param: limit integer = 100 | rows to show
-- chart: bar x=peer y=bytes
WITH ends AS (
    -- Each flow once per end: inbound looks at its source (the peer sent it), outbound at its destination.
    SELECT
        CASE sides.side WHEN 'inbound' THEN w.srcaddr ELSE w.dstaddr END AS peer,
        CASE sides.side WHEN 'inbound' THEN w.dstaddr ELSE w.srcaddr END AS local_address,
        sides.side,
        w.action,
        w.bytes,
        w."start"
    FROM flow_logs w
    CROSS JOIN (VALUES ('inbound'), ('outbound')) AS sides (side)
    WHERE {{window w}}
),
external AS (
    -- Public: not RFC 1918, shared (100.64/10), loopback, link-local; for IPv6 not unique-local, link-local, ::1.
    SELECT *
    FROM ends
    WHERE peer IS NOT NULL
      AND NOT regexp_like(peer, '^(10\.|172\.(1[6-9]|2[0-9]|3[01])\.|192\.168\.|100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.|127\.|169\.254\.|[fF][cCdD][0-9a-fA-F]{2}:|[fF][eE][89abAB][0-9a-fA-F]:|::1$)')
),
known AS (
    SELECT DISTINCT CASE sides.side WHEN 'inbound' THEN b.srcaddr ELSE b.dstaddr END AS address
    FROM flow_logs b
    CROSS JOIN (VALUES ('inbound'), ('outbound')) AS sides (side)
    WHERE {{window b days_before=baseline_days}}
)
SELECT
    e.peer,
    CASE WHEN min(e.side) = max(e.side) THEN min(e.side) ELSE 'both' END AS direction,
    from_unixtime(min(e."start")) AS first_seen,
    count(*) AS flows,
    count(*) FILTER (WHERE e.action = 'ACCEPT') AS accepted_flows,
    sum(e.bytes) AS bytes,
    count(DISTINCT e.local_address) AS local_addresses
FROM external e
LEFT JOIN known k ON k.address = e.peer
WHERE k.address IS NULL
GROUP BY e.peer
ORDER BY accepted_flows DESC, bytes DESC, flows DESC, e.peer
LIMIT :limit
