-- name: admin-ports
-- version: 1
-- description: SSH (22) and RDP (3389) traffic to our interfaces from public addresses, accepted first: remote administration reachable from outside.
-- requires: action, interface-id, srcaddr, dstaddr, dstport, protocol, bytes, start, end
-- param: limit integer = 50 | rows to show
-- param: eni string = null | only this network interface (eni-...)
-- chart: bar x=srcaddr y=accepted_flows,rejected_flows
SELECT
    srcaddr,
    dstaddr,
    dstport,
    CASE dstport WHEN 22 THEN 'ssh' WHEN 3389 THEN 'rdp' END AS service,
    CASE protocol WHEN 6 THEN 'tcp' WHEN 17 THEN 'udp' ELSE CAST(protocol AS varchar) END AS protocol,
    count_if(action = 'ACCEPT') AS accepted_flows,
    count_if(action = 'REJECT') AS rejected_flows,
    sum(CASE WHEN action = 'ACCEPT' THEN bytes ELSE 0 END) AS accepted_bytes,
    sum(CASE WHEN action = 'REJECT' THEN bytes ELSE 0 END) AS rejected_bytes,
    from_unixtime(min("start")) AS first_seen,
    from_unixtime(max("end")) AS last_seen
FROM flow_logs
WHERE {{window}}
  AND dstport IN (22, 3389)
  -- Public sources only: not RFC 1918, CGNAT 100.64/10, loopback, link-local; for IPv6 not ULA fc00::/7,
  -- link-local fe80::/10, loopback ::1. A NODATA record's null srcaddr is left out too.
  AND NOT regexp_like(srcaddr, '(?i)^(10\.|172\.(1[6-9]|2[0-9]|3[01])\.|192\.168\.|100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\.|127\.|169\.254\.|f[cd][0-9a-f]{2}:|fe[89ab][0-9a-f]:|::1$)')
  AND (:eni IS NULL OR interface_id = :eni)
GROUP BY srcaddr, dstaddr, dstport, protocol
ORDER BY accepted_flows DESC, accepted_bytes DESC, rejected_flows DESC, srcaddr, dstaddr, dstport, protocol
LIMIT :limit
