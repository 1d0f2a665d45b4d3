// Drives the reconnect banner (ReconnectBanner.razor): Blazor reports each state as an event on the element.
const banner = document.getElementById("components-reconnect-modal");

function retryWhenVisible() {
  if (document.visibilityState === "visible") retry();
}

async function retry() {
  document.removeEventListener("visibilitychange", retryWhenVisible);
  try {
    // false: the server no longer knows this circuit; a paused one may still be resumed, otherwise start afresh.
    if (!(await Blazor.reconnect()) && !(await Blazor.resumeCircuit())) location.reload();
  } catch {
    document.addEventListener("visibilitychange", retryWhenVisible);
  }
}

async function resume() {
  try {
    if (!(await Blazor.resumeCircuit())) location.reload();
  } catch {
    banner.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
  }
}

banner.addEventListener("components-reconnect-state-changed", (event) => {
  switch (event.detail.state) {
    case "show":
    case "paused":
      if (!banner.open) banner.showModal();
      break;
    case "hide":
      banner.close();
      break;
    case "failed":
      // A laptop lid closed or a tab in the background: try again as soon as someone looks.
      document.addEventListener("visibilitychange", retryWhenVisible);
      break;
    case "rejected":
      location.reload();
      break;
  }
});
document.getElementById("reconnect-retry").addEventListener("click", retry);
document.getElementById("reconnect-resume").addEventListener("click", resume);
