// The building, its footprint and hydrants, drawn from coordinates that came inside the message: no tile server, so
// the map works in a dead zone exactly as it does online.
/* global L */

let map;
let layer;

function ensureMap(element) {
  if (map) {
    return map;
  }
  map = L.map(element, {
    zoomControl: true,
    attributionControl: false,
    // Vector layers only; SVG keeps lines crisp when the crew zooms.
    preferCanvas: false,
    zoomSnap: 0.25,
  });
  layer = L.layerGroup().addTo(map);
  return map;
}

/** Draws the summary; returns false when there is nothing to place on a map. */
export function draw(element, summary) {
  const m = ensureMap(element);
  layer.clearLayers();
  const bounds = [];

  if (summary?.footprint) {
    const footprint = L.geoJSON(summary.footprint, { style: { className: "map-footprint", weight: 3 }, interactive: false });
    footprint.addTo(layer);
    if (footprint.getBounds().isValid()) {
      bounds.push(footprint.getBounds());
    }
  }

  if (isFinite(summary?.latitude) && isFinite(summary?.longitude)) {
    const point = [summary.latitude, summary.longitude];
    L.circleMarker(point, { radius: 10, className: "map-building", weight: 3, interactive: false }).addTo(layer);
    bounds.push(L.latLngBounds([point, point]));
  }

  for (const hydrant of (summary?.nearestHydrants ?? []).filter((h) => h.inService !== false)) {
    if (!isFinite(hydrant.latitude) || !isFinite(hydrant.longitude)) {
      continue;
    }
    const point = [hydrant.latitude, hydrant.longitude];
    L.circleMarker(point, { radius: 8, className: "map-hydrant", weight: 2, interactive: false }).addTo(layer);
    L.tooltip({ permanent: true, direction: "right", className: "map-label", offset: [8, 0] })
      .setLatLng(point)
      .setContent(document.createTextNode(hydrant.flowGpm ? `${hydrant.flowGpm} gpm` : hydrant.hydrantId ?? "hydrant"))
      .addTo(layer);
    bounds.push(L.latLngBounds([point, point]));
  }

  m.invalidateSize();
  if (bounds.length === 0) {
    return false;
  }
  const all = bounds.reduce((a, b) => a.extend(b));
  // Room on the right for the hydrants' flow labels.
  m.fitBounds(all, { maxZoom: 19, animate: false, paddingTopLeft: [40, 40], paddingBottomRight: [110, 40] });
  return true;
}

export function resize() {
  map?.invalidateSize();
}
