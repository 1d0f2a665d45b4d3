// The tablet view: who we are (device token or the firefighter's cookie), the messages kept on the tablet, the link
// to the hub, and what the crew presses. Opens from the service worker's cache and IndexedDB with no network at all.
import * as store from "./store.js";
import { fold } from "./state.js";
import { UnitLink } from "./link.js";
import * as view from "./render.js";
import { resize } from "./map.js";

const $ = (id) => document.getElementById(id);

const tablet = {
  token: null, // device token from pairing, null when the firefighter's cookie speaks for the unit
  me: null,
  messages: [],
  lastSeq: 0,
  ackedSeq: 0, // what the crew acknowledged (kept here, sent when the link is up)
  ackSentSeq: 0,
  status: null,
  offlineSince: null,
  lastReceivedAt: null,
  signedIn: false,
  connected: false,
  caughtUp: false,
  link: null,
};

setUpTheme();
wireControls();
registerServiceWorker();
start().catch((error) => {
  // A broken tablet view must say so rather than stay on "Loading…".
  $("loading").textContent = `The tablet view could not start: ${error?.message ?? error}`;
});

async function start() {
  navigator.storage?.persist?.().catch(() => {});
  tablet.token = (await store.get("token")) ?? null;
  tablet.me = (await store.get("me")) ?? null;
  tablet.lastSeq = (await store.get("lastSeq")) ?? 0;
  tablet.ackedSeq = (await store.get("ackedSeq")) ?? 0;
  tablet.ackSentSeq = (await store.get("ackSentSeq")) ?? 0;
  tablet.status = (await store.get("status")) ?? null;
  tablet.offlineSince = (await store.get("offlineSince")) ?? null;
  tablet.lastReceivedAt = (await store.get("lastReceivedAt")) ?? null;
  tablet.messages = await store.messages();

  if (tablet.me) {
    // Show what we have at once; the network may be gone.
    view.showUnit(tablet.me);
    redraw();
  }

  const me = await whoAmI();
  if (me === "refused") {
    await forget();
    view.showPairing();
    return;
  }
  if (me) {
    if (tablet.me && tablet.me.unitId !== me.unitId) {
      // Another unit now (re-paired, or another firefighter signed in): the old unit's hazards go.
      await forget(tablet.token);
    }
    tablet.me = me;
    await store.set("me", me);
    view.showUnit(me);
  } else if (!tablet.me) {
    // Offline and never paired: nothing to show until the network is back.
    view.showPairing(navigator.onLine ? null : "No network: connect to pair this tablet.");
    return;
  }

  redraw();
  connect();
}

/** The unit we speak for; "refused" when neither token nor cookie is accepted; null when the server cannot be reached. */
async function whoAmI() {
  try {
    const response = await fetch("/api/unit/me", { headers: authHeaders(), cache: "no-store" });
    // 403: signed in, but not as a firefighter of a unit (an admin trying the page): pairing needs the CSRF header then.
    tablet.signedIn = response.status === 403;
    if (response.status === 401 || response.status === 403) {
      return "refused";
    }
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

function authHeaders() {
  return tablet.token ? { Authorization: `Bearer ${tablet.token}` } : {};
}

async function forget(keepToken) {
  await store.clear();
  Object.assign(tablet, { messages: [], lastSeq: 0, ackedSeq: 0, ackSentSeq: 0, status: null, offlineSince: null, lastReceivedAt: null, me: null });
  tablet.token = keepToken ?? null;
  if (keepToken) {
    await store.set("token", keepToken);
  }
}

function connect() {
  tablet.link = new UnitLink({
    token: () => tablet.token,
    lastSeq: tablet.lastSeq,
    apply: async (list) => {
      const now = new Date().toISOString();
      await store.append(list, list[list.length - 1].seq, now);
      tablet.messages.push(...list);
      tablet.lastSeq = list[list.length - 1].seq;
      tablet.lastReceivedAt = now;
      if (list.some((m) => m.kind === "assigned")) {
        tablet.status = "dispatched";
        await store.set("status", tablet.status);
      }
      redraw();
    },
    onState: (state) => onLinkState(state),
  });
  tablet.link.start();
}

async function onLinkState({ connected, caughtUp, refused }) {
  tablet.connected = connected;
  tablet.caughtUp = connected && caughtUp;
  if (!connected && !tablet.offlineSince) {
    tablet.offlineSince = new Date().toISOString();
    await store.set("offlineSince", tablet.offlineSince);
  }
  if (tablet.caughtUp) {
    tablet.offlineSince = null;
    await store.set("offlineSince", null);
    await sendAcknowledgement();
  }
  view.renderLink(tablet);
  if (refused && (await whoAmI()) === "refused") {
    // Revoked: stop, forget this unit's data, ask for a new pairing.
    await tablet.link.stop();
    await forget();
    view.showUnit(null);
    view.showPairing("This tablet is no longer paired. Ask for a new pairing code.");
  }
}

function redraw() {
  view.render(fold(tablet.messages), { unitId: tablet.me?.unitId, ackedSeq: tablet.ackedSeq, status: tablet.status });
  view.renderLink(tablet);
}

async function acknowledge(seq) {
  tablet.ackedSeq = Math.max(tablet.ackedSeq, seq);
  await store.set("ackedSeq", tablet.ackedSeq);
  redraw();
  await sendAcknowledgement();
}

/** The crew's acknowledgement goes to dispatch as soon as the link allows: pressed in a dead zone, sent on reconnect. */
async function sendAcknowledgement() {
  if (tablet.ackedSeq <= tablet.ackSentSeq || !tablet.link?.isConnected) {
    return;
  }
  const seq = tablet.ackedSeq;
  try {
    await tablet.link.invoke("Acknowledge", seq);
    tablet.ackSentSeq = Math.max(tablet.ackSentSeq, seq);
    await store.set("ackSentSeq", tablet.ackSentSeq);
  } catch {
    // Sent again on the next connect.
  }
}

async function setStatus(status) {
  if (!tablet.link?.isConnected) {
    view.renderLink(tablet);
    flash(`Offline: status "${status}" not sent. Radio dispatch.`);
    return;
  }
  try {
    tablet.status = await tablet.link.invoke("SetStatus", status);
    await store.set("status", tablet.status);
    view.renderStatus(tablet.status);
  } catch (error) {
    flash(`Status not sent: ${error?.message ?? error}`);
  }
}

function flash(text) {
  const banner = $("offline-banner");
  banner.hidden = false;
  banner.textContent = text;
}

function wireControls() {
  $("ack").addEventListener("click", () => acknowledge(Number($("ack").dataset.seq)));
  for (const button of document.querySelectorAll(".btn-status")) {
    button.addEventListener("click", () => setStatus(button.dataset.status));
  }
  $("pair-form").addEventListener("submit", (event) => {
    event.preventDefault();
    pair();
  });
  window.addEventListener("resize", () => resize());
}

async function pair() {
  const code = $("pair-code").value.trim();
  const name = $("pair-name").value.trim() || null;
  $("pair-submit").disabled = true;
  try {
    const response = await fetch("/api/devices/pair", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(await csrfHeader()) },
      body: JSON.stringify({ code, name }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      view.showPairing(problem?.detail ?? problem?.title ?? `Pairing failed (${response.status}).`);
      return;
    }
    const device = await response.json();
    await forget(device.token);
    tablet.token = device.token;
    view.showLoading();
    await start();
  } catch {
    view.showPairing("No network: pairing needs a connection.");
  } finally {
    $("pair-submit").disabled = false;
  }
}

/** A browser that is also signed in (an admin trying the page) must send the CSRF header with a cookie POST. */
async function csrfHeader() {
  if (!tablet.signedIn) {
    return {};
  }
  try {
    const response = await fetch("/api/antiforgery", { cache: "no-store" });
    if (response.ok) {
      const { headerName, token } = await response.json();
      return { [headerName]: token };
    }
  } catch {
    // Anonymous tablet: no cookie, no header needed.
  }
  return {};
}

function setUpTheme() {
  const button = $("theme-toggle");
  const label = () => {
    button.textContent = document.documentElement.dataset.theme === "day" ? "☾ Night" : "☀ Day";
  };
  label();
  button.addEventListener("click", () => {
    const next = document.documentElement.dataset.theme === "day" ? "night" : "day";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem("bis.unit.theme", next);
    } catch {
      // Not remembered, still switched.
    }
    label();
  });
}

function registerServiceWorker() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/unit/sw.js", { scope: "/unit/" }).catch(() => {
      // Without it the page still works online; it just will not open in a dead zone.
    });
  }
}
