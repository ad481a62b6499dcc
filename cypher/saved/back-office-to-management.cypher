// name: back-office-to-management
// title: Back-office roles with an exit to management
// titleJa: 管理職への出口がある管理部門の職種
// description: Every way from a back-office role to a management role in at most `hops` moves, shortest first.
// descriptionJa: 管理部門(back-office)の職種から経営・本部長クラス(management)の職種へ、最大 hops 回で行ける道筋。短い順。
// params: hops: int 1..4 = 3
// columns: fromId, fromName, toId, toName, moves, path
MATCH p = (start:Role)-[:TRANSITION*1..4]->(goal:Role)
WHERE start.family = 'back-office' AND goal.family = 'management' AND length(p) <= $hops
RETURN start.id AS fromId, start.name AS fromName, goal.id AS toId, goal.name AS toName, length(p) AS moves, p AS path
ORDER BY moves, fromId, toId
