# The report scheduler (apps/reports): the backend apps' dependencies plus Debian's Chromium, which
# turns each HTML report into a PDF (playwright-core page.pdf), and CJK fonts, since the reports are
# Chinese. Without Chromium the service still runs and stores HTML only (the metadata says why).
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
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production FQ_MODE=production
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY . .
USER node
ENTRYPOINT ["node", "-r", "@swc-node/register"]
CMD ["apps/reports/src/main.ts"]
