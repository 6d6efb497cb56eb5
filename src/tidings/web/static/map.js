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
    // One layer that zooms (wheel, pinch) and pans (drag), so close venues come apart.
    const layer = svg.append("g");
    svg.call(d3.zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [width, height]])
      .on("zoom", (event) => {
        layer.attr("transform", event.transform);
        scaleMarks(event.transform.k);
      }));
    layer.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    const countries = topojson.feature(world, world.objects.countries);
    layer.append("g").selectAll("path").data(countries.features).join("path")
      .attr("class", "land").attr("d", path)
      .append("title").text((d) => (d.properties && d.properties.name) || "");

    // Biggest first, so smaller places nearby stay on top and clickable.
    const located = places.filter((p) => p.lat != null && p.lon != null)
      .sort((a, b) => (b.events || b.mentions) - (a.events || a.mentions));
    const size = d3.scaleSqrt().domain([1, d3.max(located, (p) => p.events || p.mentions) || 1])
      .range([4, 12]);
    const dots = layer.append("g").selectAll("a").data(located).join("a")
      .attr("href", (p) => "/events?place=" + encodeURIComponent(p.name));
    const radius = (p) => size(p.events || p.mentions || 1);
    const xy = (p) => projection([p.lon, p.lat]);
    dots.append("circle").attr("class", "place")
      .attr("data-place", (p) => p.name)
      .attr("cx", (p) => xy(p)[0])
      .attr("cy", (p) => xy(p)[1])
      .append("title").text((p) => `${p.name}${p.country ? ", " + p.country : ""}: ` +
        `${p.events} event(s), ${p.mentions} mention(s)`);
    dots.append("text").attr("class", "place-label").text((p) => p.name);
    // Marks keep their size on screen at any zoom level.
    function scaleMarks(k) {
      dots.select("circle").attr("r", (p) => radius(p) / k).style("stroke-width", 1 / k);
      dots.select("text").attr("x", (p) => xy(p)[0] + (radius(p) + 3) / k)
        .attr("y", (p) => xy(p)[1] + 4 / k).style("font-size", `${11 / k}px`);
    }
    scaleMarks(1);
    const missing = places.length - located.length;
    if (!places.length || missing) {
      d3.select(box).append("p").attr("class", "muted small").style("padding", "0 1rem")
        .text(places.length ? `${missing} place(s) without coordinates are not drawn.`
          : "No event places match these filters.");
    }
    box.dataset.drawn = "true";
  }
})();
