// Runs before the body paints. Night is the default and is what unit.css paints without this script; a crew that
// chose day gets it before the first frame, so neither theme flashes the other.
(function () {
  try {
    if (localStorage.getItem("bis.unit.theme") === "day") {
      document.documentElement.setAttribute("data-theme", "day");
    }
  } catch (e) {
    // Storage refused (private mode): night it is.
  }
})();
