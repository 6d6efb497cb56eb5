// Actor network: nodes = actors, arrows = actor -> recipient by event type, from the
// page's JSON twin (/api/network). Text is set with .text(), never as HTML.
(function () {
  "use strict";
  const box = document.getElementById("network");
  const legend = document.getElementById("network-legend");
  const width = 960, height = 620;

  function items(data, key) {
    if (Array.isArray(data)) return data;
    return (data && (data[key] || data.items)) || [];
  }

  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch((err) => { box.textContent = "Could not load the network: " + err.message; });

  function draw(data) {
    box.textContent = "";
    const nodes = items(data, "nodes").map((n) => Object.assign({ id: n.code }, n));
    const known = new Set(nodes.map((n) => n.id));
    const edges = items(data, "edges").filter((e) => known.has(e.source) && known.has(e.target));
    if (!nodes.length) {
      d3.select(box).append("p").attr("class", "muted empty").style("padding", "1rem")
        .text("No actor interactions match these filters.");
      return;
    }
    const types = Array.from(new Set(edges.map((e) => e.event_type))).sort();
    const colour = d3.scaleOrdinal(types, d3.schemeTableau10);
    // Several types between one pair: bend each a little differently so all show.
    const seen = new Map();
    const links = edges.map((e) => {
      const key = [e.source, e.target].sort().join("|");
      const k = seen.get(key) || 0; seen.set(key, k + 1);
      return { source: e.source, target: e.target, type: e.event_type, count: e.count, bend: k };
    });
    const radius = d3.scaleSqrt().domain([1, d3.max(nodes, (n) => n.mentions) || 1]).range([6, 22]);

    const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, width, height])
      .attr("role", "img").attr("aria-label", "Actor network");
    svg.append("defs").selectAll("marker").data(types).join("marker")
      .attr("id", (t, i) => "arrow-" + i).attr("viewBox", "0 -5 10 10")
      .attr("refX", 10).attr("markerWidth", 7).attr("markerHeight", 7).attr("orient", "auto")
      .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", (t) => colour(t));

    const link = svg.append("g").attr("class", "links").selectAll("path").data(links).join("path")
      .attr("class", "link").attr("fill", "none")
      .attr("stroke", (d) => colour(d.type)).attr("stroke-opacity", 0.8)
      .attr("stroke-width", (d) => 1.5 + Math.log2(d.count))
      .attr("data-type", (d) => d.type)
      .attr("marker-end", (d) => "url(#arrow-" + types.indexOf(d.type) + ")");
    link.append("title").text((d) => `${d.source} → ${d.target}: ${d.type} (${d.count})`);

    const node = svg.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
      .attr("class", "node").attr("data-code", (d) => d.id);
    node.append("circle").attr("r", (d) => radius(d.mentions || 1));
    // A click (not a drag) lists the actor's events.
    node.style("cursor", "pointer").on("click", (event, d) => {
      window.location.href = "/events?actor=" + encodeURIComponent(d.id);
    });
    node.append("text").attr("dx", (d) => radius(d.mentions || 1) + 3).attr("dy", "0.35em")
      .text((d) => d.id);
    node.append("title").text((d) => `${d.id}${d.name ? " (" + d.name + ")" : ""}: ` +
      `${d.as_actor} as actor, ${d.as_recipient} as recipient`);

    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(130))
      .force("charge", d3.forceManyBody().strength(-380))
      .force("collide", d3.forceCollide((d) => radius(d.mentions || 1) + 14))
      .force("x", d3.forceX(width / 2).strength(0.06))
      .force("y", d3.forceY(height / 2).strength(0.08));

    node.call(d3.drag()
      .on("start", (event, d) => { if (!event.active) simulation.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
      .on("drag", (event, d) => { d.fx = event.x; d.fy = event.y; })
      .on("end", (event, d) => { if (!event.active) simulation.alphaTarget(0); d.fx = null; d.fy = null; }));

    simulation.on("tick", () => {
      node.attr("transform", (d) => {
        d.x = Math.max(20, Math.min(width - 60, d.x)); d.y = Math.max(20, Math.min(height - 20, d.y));
        return `translate(${d.x},${d.y})`;
      });
      link.attr("d", (d) => {
        const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y;
        const dist = Math.hypot(dx, dy) || 1;
        const r = radius(d.target.mentions || 1) + 2;
        const tx = d.target.x - (dx / dist) * r, ty = d.target.y - (dy / dist) * r;
        const curve = dist * (0.15 + 0.2 * d.bend);
        return `M${d.source.x},${d.source.y}A${curve * 4},${curve * 4} 0 0,1 ${tx},${ty}`;
      });
    });
    box.dataset.drawn = "true";
    simulation.on("end", () => { box.dataset.settled = "true"; });

    d3.select(legend).selectAll("li").data(types).join("li")
      .call((li) => li.append("span").attr("class", "swatch").style("background", (t) => colour(t)))
      .append("span").text((t) => t);
  }
})();
