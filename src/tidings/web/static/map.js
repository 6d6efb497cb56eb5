// Event places on an offline world map: Natural Earth countries (world-atlas TopoJSON,
// served locally) and the page's JSON twin (/api/places). No tile server is involved.
(function () {
  "use strict";
  const box = document.getElementById("map");
  const width = 960, height = 500;

  function items(data) {
    if (Array.isArray(data)) return data;
    return (data && (data.places || data.items)) || [];
  }
  function json(url) {
    return fetch(url, { headers: { Accept: "application/json" } })
      .then((r) => { if (!r.ok) throw new Error(url + ": HTTP " + r.status); return r.json(); });
  }

  Promise.all([json(box.dataset.world), json(box.dataset.src)])
    .then(([world, places]) => draw(world, items(places)))
    .catch((err) => { box.textContent = "Could not load the map: " + err.message; });

  function draw(world, places) {
    box.textContent = "";
    const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    const path = d3.geoPath(projection);
    const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("role", "img").attr("aria-label", "Map of event places");
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    const countries = topojson.feature(world, world.objects.countries);
    svg.append("g").selectAll("path").data(countries.features).join("path")
      .attr("class", "land").attr("d", path)
      .append("title").text((d) => (d.properties && d.properties.name) || "");

    const located = places.filter((p) => p.lat != null && p.lon != null);
    const size = d3.scaleSqrt().domain([1, d3.max(located, (p) => p.events || p.mentions) || 1])
      .range([5, 18]);
    const dots = svg.append("g").selectAll("a").data(located).join("a")
      .attr("href", (p) => "/events?place=" + encodeURIComponent(p.name));
    dots.append("circle").attr("class", "place")
      .attr("data-place", (p) => p.name)
      .attr("cx", (p) => projection([p.lon, p.lat])[0])
      .attr("cy", (p) => projection([p.lon, p.lat])[1])
      .attr("r", (p) => size(p.events || p.mentions || 1))
      .append("title").text((p) => `${p.name}${p.country ? ", " + p.country : ""}: ` +
        `${p.events} event(s), ${p.mentions} mention(s)`);
    dots.append("text").attr("class", "place-label")
      .attr("x", (p) => projection([p.lon, p.lat])[0] + size(p.events || p.mentions || 1) + 3)
      .attr("y", (p) => projection([p.lon, p.lat])[1] + 4)
      .text((p) => p.name);
    const missing = places.length - located.length;
    if (!places.length || missing) {
      d3.select(box).append("p").attr("class", "muted small").style("padding", "0 1rem")
        .text(places.length ? `${missing} place(s) without coordinates are not drawn.`
          : "No event places match these filters.");
    }
    box.dataset.drawn = "true";
  }
})();
