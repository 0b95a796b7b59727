# The backend apps (api, ingest, warning, migrate job) share one image; the compose service picks
# the entry file. TypeScript runs through @swc-node/register, as in development.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/ingest/package.json apps/ingest/
COPY apps/dashboard/package.json apps/dashboard/
COPY apps/simulator/package.json apps/simulator/
COPY apps/warning/package.json apps/warning/
COPY apps/media/package.json apps/media/
COPY apps/reports/package.json apps/reports/
COPY libs libs
COPY tools tools
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund --omit=optional

FROM node:20-bookworm-slim
# ffmpeg: the media service's HLS remux (-c copy, no transcoding).
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production FQ_MODE=production
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY . .
USER node
ENTRYPOINT ["node", "-r", "@swc-node/register"]
