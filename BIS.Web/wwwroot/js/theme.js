// Dark is the default (dispatch rooms are dim); a choice of light is remembered per browser.
(function () {
  var saved = null;
  try { saved = localStorage.getItem("bis.theme"); } catch (e) { /* storage blocked: keep dark */ }
  if (saved === "light" || saved === "dark") document.documentElement.setAttribute("data-theme", saved);
})();

window.bisTheme = {
  toggle: function () {
    var next = document.documentElement.getAttribute("data-theme") === "light" ? "dark" : "light";
    document.documentElement.setAttribute("data-theme", next);
    try { localStorage.setItem("bis.theme", next); } catch (e) { /* not remembered, still applied */ }
    window.dispatchEvent(new CustomEvent("bis-theme", { detail: next }));
    return next;
  },
  current: function () { return document.documentElement.getAttribute("data-theme") || "dark"; }
};
