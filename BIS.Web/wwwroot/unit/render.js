// Puts the folded state on the page. Everything from the message is set as text (textContent), never as HTML.
import { draw } from "./map.js";

const $ = (id) => document.getElementById(id);

const SEVERITY = {
  critical: { rank: 4, icon: "⬣", word: "Critical" },
  high: { rank: 3, icon: "▲", word: "High" },
  moderate: { rank: 2, icon: "◆", word: "Moderate" },
  info: { rank: 1, icon: "ℹ", word: "Info" },
  none: { rank: 0, icon: "○", word: "None" },
};
const BY_NUMBER = ["none", "info", "moderate", "high", "critical"];

export function severityOf(value) {
  const key = typeof value === "number" ? BY_NUMBER[value] ?? "none" : String(value ?? "none").toLowerCase();
  return { key: SEVERITY[key] ? key : "none", ...(SEVERITY[key] ?? SEVERITY.none) };
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function badge(severity) {
  const s = severityOf(severity);
  const span = el("span", `sev-badge sev-${s.key}`);
  span.append(el("span", "sev-icon", s.icon), el("span", "sev-word", s.word));
  span.querySelector(".sev-icon").setAttribute("aria-hidden", "true");
  return span;
}

export const time = (value) =>
  value ? new Date(value).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false }) : "—";

function ageText(days) {
  if (days === null || days === undefined) {
    return "";
  }
  if (days < 1) {
    return "today";
  }
  return days < 60 ? `${Math.round(days)} d old` : `${Math.round(days / 30)} mo old`;
}

function distance(meters) {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}

function show(id) {
  for (const section of ["pair", "assignment", "idle", "loading"]) {
    $(section).hidden = section !== id;
  }
}

export function showLoading() {
  show("loading");
}

export function showPairing(error) {
  show("pair");
  $("pair-error").hidden = !error;
  $("pair-error").textContent = error ?? "";
  $("pair-code").focus();
}

export function showUnit(me) {
  $("unit-name").textContent = me ? `${me.unitName ?? me.unitId} (${me.unitId})` : "";
}

export function render(view, { unitId, ackedSeq, status }) {
  const current = view.current;
  if (!current) {
    show("idle");
    if (view.ended) {
      const incident = view.ended.incident ?? {};
      const what = view.ended.kind === "closed" ? "Incident closed" : "Unassigned";
      $("idle-title").textContent = `${what}: ${incident.address ?? "incident " + (incident.incidentId ?? "")}`;
      $("idle-text").textContent = `${view.ended.reason ?? ""} No current assignment. (${time(view.ended.at)})`.trim();
    } else {
      $("idle-title").textContent = "No assignment";
      $("idle-text").textContent = "Waiting for dispatch.";
    }
    renderStatus(status);
    return;
  }

  show("assignment");
  const incident = current.incident ?? {};
  const summary = current.summary ?? {};
  $("incident-type").textContent = `${incident.type ?? "Incident"} · #${incident.incidentId ?? ""} · opened ${time(incident.openedAt)}`;
  $("incident-address").textContent = incident.address ?? summary.address ?? "Address unknown";
  $("incident-notes").textContent = incident.notes ?? "";
  $("incident-notes").hidden = !incident.notes;
  const others = (incident.units ?? []).filter((u) => u !== unitId);
  let unitsText = others.length ? `With: ${others.join(", ")}` : "No other units assigned";
  if (view.others.length) {
    unitsText += ` · Also assigned: ${view.others.map((o) => o.incident?.address ?? "#" + o.incident?.incidentId).join("; ")}`;
  }
  $("incident-units").textContent = unitsText;

  // What changed since the crew last acknowledged, on top, critical first (the server sends them in that order).
  const unseen = current.changes.filter((c) => c.seq > ackedSeq);
  $("changes").hidden = unseen.length === 0;
  $("changes-list").replaceChildren(...unseen.map((c) => el("li", /critical/i.test(c.text) ? "change-critical" : "", c.text)));

  const needsAck = current.seq > ackedSeq;
  $("ack").hidden = !needsAck;
  $("ack").dataset.seq = String(current.seq);
  $("ack-done").hidden = needsAck;

  if (isFinite(summary.latitude) && isFinite(summary.longitude)) {
    $("nav-link").href = `geo:${summary.latitude},${summary.longitude}`;
    $("nav-link").hidden = false;
  } else {
    $("nav-link").hidden = true;
  }

  renderFlags(summary);
  renderRecommendations(summary);
  renderHydrants(summary);
  renderStatus(status);
  $("map").classList.toggle("map-empty", !draw($("map"), summary));
}

function renderFlags(summary) {
  const flags = [...(summary.flags ?? [])].sort((a, b) => severityOf(b.flag?.severity).rank - severityOf(a.flag?.severity).rank);
  const items = flags.map((view) => {
    const flag = view.flag ?? {};
    const s = severityOf(flag.severity);
    const li = el("li", `flag sev-${s.key}`);
    const head = el("div", "flag-head");
    head.append(badge(flag.severity), el("span", "flag-title", flag.title ?? flag.kind ?? ""));
    li.append(head);
    if (flag.detail) {
      li.append(el("p", "flag-detail", flag.detail));
    }
    const source = `${flag.sourceName ?? ""} ${flag.sourceRecordId ?? ""} · ${ageText(view.ageDays)}${view.stale ? " · STALE" : ""}`;
    li.append(el("p", view.stale ? "flag-source stale" : "flag-source", source));
    return li;
  });
  if (items.length === 0) {
    items.push(el("li", "flag empty", "Nothing known about this building: that is not the same as safe."));
  }
  $("flags").replaceChildren(...items);
}

function renderRecommendations(summary) {
  const recs = [...(summary.recommendations ?? [])].sort((a, b) => severityOf(b.priority).rank - severityOf(a.priority).rank);
  const items = recs.map((rec) => {
    const li = el("li", "rec");
    const head = el("div", "rec-head");
    head.append(badge(rec.priority), el("span", "rec-name", rec.name ?? rec.code));
    li.append(head);
    const why = el("ul", "rec-reasons");
    why.append(...(rec.reasons ?? []).map((r) => el("li", "", r)));
    li.append(why);
    return li;
  });
  if (items.length === 0) {
    items.push(el("li", "rec empty", "No special companies or equipment recommended."));
  }
  $("recs").replaceChildren(...items);
}

function renderHydrants(summary) {
  const hydrants = (summary.nearestHydrants ?? []).filter((h) => h.inService !== false);
  const items = hydrants.map((h) => {
    const li = el("li", "hydrant");
    const flow = h.flowGpm ? `${h.flowGpm} gpm` : h.flowClass ? `class ${h.flowClass}` : "flow unknown";
    li.append(el("span", "hydrant-distance", distance(h.distanceMeters ?? 0)), el("span", "hydrant-flow", flow), el("span", "hydrant-id", h.hydrantId ?? ""));
    return li;
  });
  if (items.length === 0) {
    items.push(el("li", "hydrant empty", "No in-service hydrant known nearby."));
  }
  $("hydrants").replaceChildren(...items);
}

export function renderStatus(status) {
  for (const button of document.querySelectorAll(".btn-status")) {
    const on = button.dataset.status === status;
    button.classList.toggle("on", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
}

/** "Offline since 14:05 — showing data received 14:03"; hidden when connected and caught up. */
export function renderLink({ connected, caughtUp, offlineSince, lastReceivedAt }) {
  const banner = $("offline-banner");
  const state = $("link-state");
  if (connected && caughtUp) {
    banner.hidden = true;
    state.textContent = "● Live";
    state.className = "link-state live";
    return;
  }
  state.textContent = connected ? "◌ Catching up…" : "○ Offline";
  state.className = "link-state down";
  if (offlineSince) {
    banner.hidden = false;
    banner.textContent = `Offline since ${time(offlineSince)} — showing data received ${lastReceivedAt ? time(lastReceivedAt) : "never"}`;
  } else {
    banner.hidden = true;
  }
}
