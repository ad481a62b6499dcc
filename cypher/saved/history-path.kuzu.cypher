// name: history-path
// title: What a career history passed through
// titleJa: ある経歴がたどった職種
// description: The roles of one stored career history in order, e.g. the Mercari CS author's internal job changes (mercari-cs-author).
// descriptionJa: 保存された経歴の職種を順番に。例: メルカリCSの筆者の社内ジョブチェンジ(mercari-cs-author)。
// params: history: string = mercari-cs-author
// columns: step, id, name, nameJa, family, role
// Kùzu variant: lists are 1-based.
MATCH (h:History {id: $history})
UNWIND range(1, size(h.roles)) AS step
MATCH (r:Role)
WHERE r.id = h.roles[step]
RETURN step, r.id AS id, r.name AS name, r.nameJa AS nameJa, r.family AS family, r AS role
ORDER BY step
