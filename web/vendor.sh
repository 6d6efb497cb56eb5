#!/usr/bin/env bash
# Refresh the dashboard's vendored front-end libraries from npm (exact versions in
# package.json / package-lock.json) and copy their minified dist files and licences into
# src/tidings/web/static/vendor/. The copies are committed: installing tidings never needs
# npm or a network, and the dashboard never loads anything from a CDN.
set -euo pipefail
cd "$(dirname "$0")"
if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
dest=../src/tidings/web/static/vendor
rm -rf "$dest" && mkdir -p "$dest"
cp node_modules/d3/dist/d3.min.js "$dest/d3.min.js"
cp node_modules/d3/LICENSE "$dest/d3.LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$dest/topojson-client.min.js"
cp node_modules/topojson-client/LICENSE "$dest/topojson-client.LICENSE"
# Natural Earth 1:110m countries as TopoJSON (public domain data, ISC-licensed package).
cp node_modules/world-atlas/countries-110m.json "$dest/countries-110m.json"
cp node_modules/world-atlas/LICENSE "$dest/world-atlas.LICENSE"
# Swagger UI for the API docs page (/api/docs), served from here instead of a CDN.
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js "$dest/swagger-ui-bundle.js"
cp node_modules/swagger-ui-dist/swagger-ui.css "$dest/swagger-ui.css"
cp node_modules/swagger-ui-dist/LICENSE "$dest/swagger-ui.LICENSE"
ls -l "$dest"
