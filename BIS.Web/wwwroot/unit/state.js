// Folds the unit's messages (in seq order) into what the crew should see now.
export function fold(messages) {
  const active = new Map(); // incidentId -> { incident, summary, seq, changes: [{ seq, text }] }
  let ended = null; // the last unassigned/closed, when nothing is active after it
  for (const m of messages) {
    const body = m.body ?? {};
    const id = m.incidentId ?? body.incident?.incidentId;
    switch (m.kind) {
      case "assigned":
        active.set(id, { incident: body.incident, summary: body.summary, seq: m.seq, assignedSeq: m.seq, changes: [] });
        ended = null;
        break;
      case "changed": {
        const previous = active.get(id);
        const changes = (previous?.changes ?? []).concat((body.changes ?? []).map((text) => ({ seq: m.seq, text })));
        active.set(id, { incident: body.incident, summary: body.summary, seq: m.seq, assignedSeq: previous?.assignedSeq ?? m.seq, changes });
        break;
      }
      case "unassigned":
      case "closed":
        active.delete(id);
        ended = { kind: m.kind, incident: body.incident, reason: body.reason, seq: m.seq, at: m.createdAt };
        break;
      default:
        break;
    }
  }

  // The newest assignment is the current one; any other still open is named under it.
  const list = [...active.values()].sort((a, b) => b.assignedSeq - a.assignedSeq);
  return { current: list[0] ?? null, others: list.slice(1), ended: list.length === 0 ? ended : null };
}
