# Vicinity's server with the web app built in. Used by docker-compose.yml next to a PostGIS
# database; without DATABASE_URL it runs on the embedded database in /app/data instead (mount a
# volume there to keep it).
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so editing the source does not reinstall them. Development packages are
# kept: Vite and Svelte build the web app below, and tsx runs the server from its TypeScript.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build:web \
  && mkdir -p /app/data \
  && chown node:node /app/data

# Set after the build: with NODE_ENV=production npm would have skipped the build tools, and the
# server refuses to start without a JWT_SECRET.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data

USER node
EXPOSE 3000

HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node_modules/.bin/tsx", "server/src/main.ts"]
