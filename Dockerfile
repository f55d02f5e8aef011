# Octograph's app image: the built server and client on Node 20, run as the unprivileged `node`
# user. Without NEO4J_URI it keeps an embedded store in /data; docker-compose.yml runs it against
# Neo4j. On start it seeds the demo network into an empty store, then serves on port 3000.

# Everything that runs npm ci: better-sqlite3 is a native module, and when no prebuilt binary
# fits, npm builds it from source with python3, make and g++.
FROM node:20-bookworm AS base
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Only the manifests first, so the npm ci layers are reused until a dependency changes.
COPY package.json package-lock.json .npmrc ./
COPY graph-schema/package.json graph-schema/
COPY seed/package.json seed/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
COPY bench/package.json bench/

# The build: every workspace's dependencies, then server/dist and client/dist.
FROM base AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The server's production dependencies only. tsup bundles graph-schema and seed into
# server/dist, and Vite bundles the client, so no other workspace is needed at run time.
FROM base AS prod-deps
RUN npm ci --omit=dev --workspace server --no-audit --no-fund

# Same Debian release as the stages above, so the compiled better-sqlite3 binary runs here.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
# The code stays owned by root: the app user can read it but not change it.
COPY --from=prod-deps /app ./
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
# The start period covers seeding a new store and waiting for the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Seed only an empty store (it goes through the GraphStore port, so Neo4j too), then `exec` so
# the server is the process that receives SIGTERM and closes gracefully.
CMD ["sh", "-c", "node server/dist/cli.js seed --if-empty && exec node server/dist/server.js"]
