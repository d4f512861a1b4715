-- name: connectivity
-- version: 1
-- description: Whether a host can serve a port to each peer: requests and replies accepted or rejected in both directions, with a diagnosis of where the traffic is dropped.
-- requires: action, srcaddr, dstaddr, srcport, dstport, bytes, start, end
-- param: host ip | the host that serves the port
-- param: port port | the port on the host
-- param: peer ip = null | only this peer (the other end)
-- param: limit integer = 100 | peers to show
WITH flows AS (
    -- A request is peer -> host:port, a reply host:port -> peer. Flow logs record both on every interface that
    -- carries them, so a peer inside the VPC whose interface is logged too is counted on both interfaces.
    SELECT
        CASE WHEN dstaddr = :host AND dstport = :port THEN srcaddr ELSE dstaddr END AS peer,
        dstaddr = :host AND dstport = :port AS request,
        action = 'ACCEPT' AS accepted,
        bytes,
        "start",
        "end"
    FROM flow_logs
    WHERE {{window}}
      AND ((dstaddr = :host AND dstport = :port) OR (srcaddr = :host AND srcport = :port))
),
peers AS (
    SELECT
        peer,
        count(*) FILTER (WHERE request AND accepted) AS requests_accepted,
        count(*) FILTER (WHERE request AND NOT accepted) AS requests_rejected,
        count(*) FILTER (WHERE NOT request AND accepted) AS replies_accepted,
        count(*) FILTER (WHERE NOT request AND NOT accepted) AS replies_rejected,
        coalesce(sum(bytes) FILTER (WHERE request), 0) AS request_bytes,
        coalesce(sum(bytes) FILTER (WHERE NOT request), 0) AS reply_bytes,
        from_unixtime(min("start")) AS first_seen,
        from_unixtime(max("end")) AS last_seen
    FROM flows
    WHERE :peer IS NULL OR peer = :peer
    GROUP BY peer
),
diagnosed AS (
    SELECT
        *,
        CASE
            WHEN requests_rejected > 0 AND requests_accepted = 0 THEN 1
            WHEN requests_accepted > 0 AND replies_rejected > 0 THEN 2
            WHEN requests_rejected > 0 THEN 3
            WHEN replies_rejected > 0 THEN 4
            WHEN replies_accepted = 0 THEN 5
            WHEN requests_accepted = 0 THEN 6
            ELSE 7
        END AS severity
    FROM peers
)
SELECT
    peer,
    requests_accepted,
    requests_rejected,
    replies_accepted,
    replies_rejected,
    request_bytes,
    reply_bytes,
    first_seen,
    last_seen,
    CASE severity
        WHEN 1 THEN 'request rejected (security group or network ACL inbound)'
        WHEN 2 THEN 'reply rejected: request accepted but the response was dropped — a stateless network ACL likely blocks the return (ephemeral) ports'
        WHEN 3 THEN 'some requests rejected (security group or network ACL inbound), others accepted: the rules changed or differ by path'
        WHEN 4 THEN 'reply rejected and no request seen: outbound rules or a network ACL block the traffic to the peer'
        WHEN 5 THEN 'no reply: request accepted but the host never answered (service down, host firewall, or the reply took another path)'
        WHEN 6 THEN 'replies only: no request in the window (the connection began earlier, or the host initiated it from this port)'
        ELSE 'ok'
    END AS diagnosis
FROM diagnosed
ORDER BY severity, requests_rejected + replies_rejected DESC, requests_accepted + replies_accepted DESC, peer
LIMIT :limit
