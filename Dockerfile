# syntax=docker/dockerfile:1
# eujp as a small, non-root Node 20 image: see docs/operations.md (and docs/decisions/0062).
#
#   docker build -t eujp:local .
#   docker compose up -d          # compose.yaml: the bot with its SQLite file on a named volume

# --- build: install everything, bundle src/ into dist/, then drop the dev dependencies ---------
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 is a native addon. npm normally fetches a prebuilt binary; the compiler
# toolchain is here for when none matches (a new Node patch, another CPU), so the build never
# silently ships without it.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
# The same bundle `npm start` builds; then only runtime dependencies stay, and the native module
# must load here, not at 3 a.m. in production.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"

# --- runtime: node_modules (with the compiled addon), the bundle and the briefings -----------
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    EUJP_DB=/data/eujp.sqlite \
    EUJP_BRIEFINGS_DIR=/app/briefings \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
# Code and content belong to root and are read-only for the bot; only /data is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY briefings ./briefings
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
# Slack HTTP mode (/slack/events), the OAuth install routes, /healthz and /metrics (HOST=0.0.0.0 so
# the port mapping reaches them; /metrics still answers only localhost unless EUJP_METRICS_TOKEN is set).
EXPOSE 3000
# /healthz answers 200 only when every configured adapter, the store and the scheduler are up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop taking commands, finish or release digests under way, close the store, exit 0.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/main.js"]
