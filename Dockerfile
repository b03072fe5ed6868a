# Multi-stage build of the sanctuary-rules decision service.
# NODE_IMAGE defaults to the official Node 24 LTS image, pinned by its full version tag: no digest could be
# verified where this was written (no registry reachable). Pin it by digest where you build (docker buildx
# imagetools inspect node:24.22.3-bookworm-slim). CI passes a local stand-in of the same major.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# 1. Compile TypeScript with the full toolchain.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json openapi.yaml ./
COPY src ./src
COPY rules ./rules
RUN npm run build

# 2. Production dependencies only.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. The runtime image: compiled code, production modules, the OpenAPI document and the bundled rules.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000 RULES_DIR=/app/rules
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json openapi.yaml ./
# The staff pages' templates and their own assets are read at run time.
COPY src/web/views ./src/web/views
COPY src/web/public ./src/web/public
# The policy documents the packs cite, which the staff pages link to.
COPY docs/sources ./docs/sources
# The scenario suites, which the preview of a change runs against both versions.
COPY test/scenarios ./test/scenarios
# Mount another directory at /app/rules (or set RULES_DIR) to serve other rules.
COPY rules ./rules
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 and handles SIGTERM itself (src/server.ts closes the server and exits 0).
CMD ["node", "dist/src/server.js"]
