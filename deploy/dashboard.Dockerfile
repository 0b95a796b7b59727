FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps apps
COPY libs libs
COPY tools tools
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund && npm run build -w @fengqiao/dashboard

FROM nginxinc/nginx-unprivileged:1.27-alpine
# A template the image's entrypoint fills in at start (FQ_API_PORT, FQ_MEDIA_HTTP_PORT from compose).
COPY deploy/nginx/default.conf.template /etc/nginx/templates/default.conf.template
ENV NGINX_ENVSUBST_FILTER=^FQ_
COPY --from=build /app/apps/dashboard/dist /usr/share/nginx/html
