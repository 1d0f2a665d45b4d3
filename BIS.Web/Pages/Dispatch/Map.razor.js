// Leaflet map of the dispatch console. Buildings and hydrants come as vector tiles from our own server
// (never the whole city at once); the selected building and its hydrants are drawn on top. Every text
// shown in a tooltip is set with textContent: source data is never interpreted as HTML.

const severityColours = {
  dark: ["#4b5563", "#3b82f6", "#eab308", "#f97316", "#ef4444"],
  light: ["#9ca3af", "#2563eb", "#ca8a04", "#ea580c", "#dc2626"],
};

function theme() {
  return document.documentElement.getAttribute("data-theme") === "light" ? "light" : "dark";
}

function textElement(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}

function buildingStyle(properties) {
  const colour = severityColours[theme()][properties.sev ?? 0] ?? severityColours[theme()][0];
  return { fill: true, fillColor: colour, fillOpacity: properties.sev > 0 ? 0.75 : 0.35, color: colour, weight: 1, opacity: 0.9, radius: 4 };
}

function hydrantStyle(properties) {
  const ok = properties.ok === true || properties.ok === "true";
  return { fill: true, fillColor: ok ? "#22d3ee" : "#6b7280", fillOpacity: 1, color: ok ? "#0e7490" : "#f87171", weight: 2, radius: 4 };
}

export function create(element, dotnet, options) {
  const map = L.map(element, { preferCanvas: true, zoomControl: true, minZoom: 12, maxZoom: 19 })
    .setView(options.center, options.zoom);
  map.attributionControl.setPrefix(false);

  if (options.baseTileUrl) {
    L.tileLayer(options.baseTileUrl, { maxZoom: 19, attribution: options.baseTileAttribution || "" }).addTo(map);
  }

  const makeTiles = () => L.vectorGrid.protobuf("/api/tiles/{z}/{x}/{y}.mvt", {
    rendererFactory: L.canvas.tile,
    interactive: false, // clicks go to the map, which asks the server what is there
    // Tiles are cut at every zoom the map shows: a canvas tile stretched past its own zoom is drawn
    // blurred and blocky, with its hydrant dots four times too big at z19.
    maxNativeZoom: 19,
    vectorTileLayerStyles: { buildings: buildingStyle, hydrants: hydrantStyle },
    fetchOptions: { credentials: "same-origin" },
  });
  let tiles = makeTiles().addTo(map);
  const selection = L.layerGroup().addTo(map);

  map.on("click", (e) => dotnet.invokeMethodAsync("MapClicked", e.latlng.lat, e.latlng.lng));

  // Severity colours differ per theme: redraw the tiles when the theme changes.
  const onTheme = () => { map.removeLayer(tiles); tiles = makeTiles().addTo(map); };
  window.addEventListener("bis-theme", onTheme);

  return {
    select(building) {
      selection.clearLayers();
      if (!building) return;
      const colour = severityColours[theme()][building.severity] ?? "#ffffff";
      let bounds = null;
      if (building.footprint) {
        const shape = L.geoJSON(building.footprint, { style: { color: "#ffffff", weight: 3, fillColor: colour, fillOpacity: 0.6 } });
        shape.addTo(selection);
        bounds = shape.getBounds();
      }
      if (building.latitude != null && building.longitude != null) {
        const marker = L.circleMarker([building.latitude, building.longitude],
          { radius: 10, color: "#ffffff", weight: 3, fillColor: colour, fillOpacity: 0.9 });
        const label = building.owner ? `${building.address}\n${building.owner}` : building.address;
        marker.bindTooltip(textElement(label), { permanent: true, direction: "top", offset: [0, -10], className: "map-label" });
        marker.addTo(selection);
        bounds = bounds ?? L.latLngBounds([[building.latitude, building.longitude], [building.latitude, building.longitude]]);
      }
      for (const hydrant of building.hydrants) {
        const point = L.circleMarker([hydrant.latitude, hydrant.longitude], hydrant.inService
          ? { radius: 7, color: "#ffffff", weight: 2, fillColor: "#22d3ee", fillOpacity: 1 }
          : { radius: 7, color: "#f87171", weight: 3, fillColor: "#6b7280", fillOpacity: 1, dashArray: "2 2" });
        point.bindTooltip(textElement(hydrant.label), { direction: "top" });
        point.addTo(selection);
        bounds?.extend([hydrant.latitude, hydrant.longitude]);
      }
      if (bounds) map.fitBounds(bounds.pad(0.3), { maxZoom: 18 });
    },
    dispose() {
      window.removeEventListener("bis-theme", onTheme);
      map.remove();
    },
  };
}
