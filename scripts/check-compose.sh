#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine.
#  1. `docker compose config -q` when the installed docker CLI has the compose plugin (it
#     parses, merges and validates the file against the Compose schema; no engine needed),
#     run with .env.example and placeholder secrets so no real .env is required; failing
#     that, the legacy docker-compose 1.x on a variant without the two newer features.
#  2. Always: the structural policy checks in scripts/src/check-compose.mjs (health checks,
#     restart policies, pinned images, declared volumes, no secret defaults, Dockerfiles
#     multi-stage and non-root), which the schema does not cover.
#  3. Always: scripts/src/check-compose-env.mjs, each service's variables and secrets against
#     its allow-list (each process gets only the secrets it needs; docs/security.md).
# Prints which of them ran. Exit status is non-zero when either fails.
set -euo pipefail
cd "$(dirname "$0")/.."

compose_file=docker-compose.yml
status=0

# .env.example with every empty secret replaced by a placeholder (same rule as the Node check),
# so neither validator needs a real .env.
env_tmp="$(mktemp)"
v1_tmp=".check-compose.v1.tmp.yml"
trap 'rm -f "$env_tmp" "$v1_tmp"' EXIT
node --input-type=module -e "
  import { readFileSync } from 'node:fs';
  import { parseEnvFile } from './scripts/src/compose-rules.mjs';
  import { withPlaceholders } from './scripts/src/check-compose.mjs';
  const env = withPlaceholders(parseEnvFile(readFileSync('.env.example', 'utf8')));
  process.stdout.write(Object.entries(env).map(([k, v]) => k + '=' + v).join('\n') + '\n');
" >"$env_tmp"

if docker compose version >/dev/null 2>&1; then
  echo "== docker compose config -q ($(docker compose version --short 2>/dev/null || echo 'version unknown'))"
  if docker compose --env-file "$env_tmp" -f "$compose_file" config -q; then
    echo "docker compose config: valid"
  else
    echo "docker compose config: INVALID"
    status=1
  fi
elif command -v docker-compose >/dev/null 2>&1 && docker-compose version --short 2>/dev/null | grep -q '^1\.'; then
  # Legacy docker-compose 1.x (e.g. Debian's package): validates everything but the two
  # features it predates, which the variant rewrites (see compose-v1-variant.mjs).
  echo "== docker-compose $(docker-compose version --short) config -q (legacy 1.x; top-level name and long env_file form rewritten)"
  node scripts/src/compose-v1-variant.mjs "$compose_file" "$env_tmp" "$v1_tmp"
  if docker-compose --env-file "$env_tmp" -f "$v1_tmp" config -q; then
    echo "docker-compose config: valid"
  else
    echo "docker-compose config: INVALID"
    status=1
  fi
else
  echo "== docker compose config: skipped (no compose plugin in the docker CLI ($(docker --version 2>/dev/null || echo 'no docker CLI')), no docker-compose)"
fi

echo "== structural checks (node scripts/src/check-compose.mjs)"
node scripts/src/check-compose.mjs "$compose_file" "$@" || status=1

echo "== variables and secrets per service (node scripts/src/check-compose-env.mjs)"
node scripts/src/check-compose-env.mjs "$compose_file" "$@" || status=1
exit "$status"
