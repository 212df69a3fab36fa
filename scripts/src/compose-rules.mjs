/**
 * Structural checks of docker-compose.yml that hold without a Docker engine, and the part of
 * Compose's variable interpolation they need. `docker compose config -q` validates the schema
 * where the compose plugin is installed; these rules check what it does not (our production
 * policy: health checks, restart policies, pinned images, declared volumes, no published port
 * on every interface by default, no default for a secret, non-root multi-stage Dockerfiles).
 * Pure functions over parsed data, so the unit spec can feed them broken variants.
 */

/** Variable names that hold secrets: they must never get a default in the compose file. */
export const SECRET_NAME = /(SECRET|PASSWORD|_KEY)$/;

const VAR = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose interpolation of one string: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `${VAR+alt}`.
 * Returns the value, the variables it read (with the operator used), and the errors that
 * `${VAR:?...}` raises for unset or empty variables.
 */
export function interpolate(text, env) {
  const refs = [];
  const errors = [];
  const value = text.replace(VAR, (whole, braced, op, arg, bare) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare;
    refs.push({ name, op: op ?? '', arg: arg ?? '' });
    const set = Object.prototype.hasOwnProperty.call(env, name);
    const v = set ? env[name] : undefined;
    const empty = v === undefined || v === '';
    const nested = (s) => interpolate(s, env).value;
    switch (op) {
      case ':-':
        return empty ? nested(arg) : v;
      case '-':
        return set ? v : nested(arg);
      case ':?':
        if (empty) errors.push(`${name}: ${arg || 'required'}`);
        return v ?? '';
      case '?':
        if (!set) errors.push(`${name}: ${arg || 'required'}`);
        return v ?? '';
      case ':+':
        return empty ? '' : nested(arg);
      case '+':
        return set ? nested(arg) : '';
      default:
        return v ?? '';
    }
  });
  return { value, refs, errors };
}

/** Interpolates every string in a parsed document (keys are left alone, as Compose does). */
export function interpolateDeep(node, env, acc = { refs: [], errors: [] }) {
  if (typeof node === 'string') {
    const r = interpolate(node, env);
    acc.refs.push(...r.refs);
    acc.errors.push(...r.errors);
    return { value: r.value, ...acc };
  }
  if (Array.isArray(node)) return { value: node.map((n) => interpolateDeep(n, env, acc).value), ...acc };
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) out[k] = interpolateDeep(v, env, acc).value;
    return { value: out, ...acc };
  }
  return { value: node, ...acc };
}

/** Parses a dotenv file the way Compose reads `.env`: KEY=VALUE lines, # comments, quotes. */
export function parseEnvFile(text) {
  const env = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const quoted = /^(["'])(.*?)\1\s*(?:#.*)?$/.exec(m[2]);
    env[m[1]] = quoted ? quoted[2] : m[2].replace(/(^|\s+)#.*$/, '');
  }
  return env;
}

/** True when an image reference names a fixed tag or digest (not `latest`, not tagless). */
export function isPinnedImage(ref) {
  if (/@sha256:[0-9a-f]{64}$/.test(ref)) return true;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  if (colon < 0) return false;
  const tag = ref.slice(colon + 1);
  return tag !== '' && tag !== 'latest' && !tag.includes('$');
}

const RESTART = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;

function namedVolumeSource(entry) {
  const source = typeof entry === 'string' ? entry.split(':')[0] : entry?.type === 'volume' || entry?.type === undefined ? entry?.source : undefined;
  if (!source || /^[./~]/.test(source) || source.includes('/')) return undefined;
  return source;
}

function dependsOn(service) {
  const d = service.depends_on;
  if (!d) return [];
  if (Array.isArray(d)) return d.map((name) => ({ name, condition: 'service_started' }));
  return Object.entries(d).map(([name, v]) => ({ name, condition: v?.condition ?? 'service_started' }));
}

/**
 * Checks an interpolated compose document. `files.exists(path)` and `files.read(path)` see
 * the repository (paths relative to the compose file). Returns one finding per check.
 */
export function checkCompose(doc, files) {
  const findings = [];
  const check = (ok, what) => findings.push({ ok: Boolean(ok), what });
  const services = doc?.services ?? {};
  const names = Object.keys(services);
  check(names.length > 0, 'the file defines services');
  const declared = new Set(Object.keys(doc?.volumes ?? {}));
  const used = new Set();

  for (const name of names) {
    const s = services[name] ?? {};
    const restart = s.restart === undefined ? undefined : String(s.restart);
    check(s.image !== undefined || s.build !== undefined, `${name}: has an image or a build`);
    if (s.image !== undefined) check(isPinnedImage(String(s.image)), `${name}: image "${s.image}" is pinned to a tag or digest`);
    check(restart !== undefined && RESTART.test(restart), `${name}: has a restart policy (got ${restart ?? 'none'})`);
    const oneShot = restart === 'no';
    if (oneShot) {
      const awaited = names.some((other) => dependsOn(services[other]).some((d) => d.name === name && d.condition === 'service_completed_successfully'));
      check(awaited, `${name}: one-shot job (restart "no") is awaited with service_completed_successfully`);
    } else {
      const hc = s.healthcheck;
      const test = hc?.test;
      const real = hc && !hc.disable && test !== undefined && !(Array.isArray(test) && test[0] === 'NONE');
      check(real, `${name}: long-running service has a health check`);
      if (real && Array.isArray(test)) check(['CMD', 'CMD-SHELL'].includes(test[0]), `${name}: health check test starts with CMD or CMD-SHELL`);
    }
    for (const v of s.volumes ?? []) {
      const src = namedVolumeSource(v);
      if (src === undefined) continue;
      used.add(src);
      check(declared.has(src), `${name}: named volume "${src}" is declared under volumes:`);
    }
    for (const d of dependsOn(s)) {
      check(names.includes(d.name), `${name}: depends on an existing service "${d.name}"`);
      if (d.condition === 'service_healthy') check(services[d.name]?.healthcheck !== undefined, `${name}: waits for "${d.name}" to be healthy, and it has a health check`);
    }
    for (const p of s.ports ?? []) {
      const text = typeof p === 'string' ? p : `${p.host_ip ?? ''}:${p.published ?? ''}:${p.target ?? ''}`;
      const parts = text.split(':');
      const hostIp = parts.length >= 3 ? parts[0] : '';
      check(hostIp !== '' && hostIp !== '0.0.0.0' && hostIp !== '::', `${name}: port "${text}" binds a chosen address by default, not every interface`);
    }
    for (const e of s.env_file === undefined ? [] : [s.env_file].flat()) {
      const path = typeof e === 'string' ? e : e.path;
      const required = typeof e === 'string' ? true : e.required !== false;
      if (required) check(files.exists(path), `${name}: env_file ${path} exists`);
    }
    if (s.build !== undefined) {
      const ctx = typeof s.build === 'string' ? s.build : (s.build.context ?? '.');
      const dockerfile = `${ctx.replace(/\/$/, '')}/${typeof s.build === 'string' ? 'Dockerfile' : (s.build.dockerfile ?? 'Dockerfile')}`;
      check(files.exists(dockerfile), `${name}: build file ${dockerfile} exists`);
      if (files.exists(dockerfile)) {
        const text = files.read(dockerfile);
        const ignore = files.exists(`${ctx}/.dockerignore`) ? files.read(`${ctx}/.dockerignore`) : '';
        const inContext = { exists: (p) => files.exists(`${ctx}/${p}`) };
        for (const f of [...checkDockerfile(text), ...checkDockerfileSources(text, inContext, ignore)]) check(f.ok, `${name}: ${dockerfile}: ${f.what}`);
      }
    }
  }
  for (const v of declared) check(used.has(v), `volume "${v}" is used by a service`);
  return findings;
}

/** A Dockerfile is multi-stage and its final stage runs as a non-root user. */
export function checkDockerfile(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const froms = lines.map((l, i) => (/^FROM\s/i.test(l) ? i : -1)).filter((i) => i >= 0);
  const last = froms.at(-1) ?? 0;
  const users = lines
    .slice(last)
    .filter((l) => /^USER\s/i.test(l))
    .map((l) => l.split(/\s+/)[1]);
  const finalUser = users.at(-1);
  return [
    { ok: froms.length >= 2, what: `is multi-stage (${froms.length} FROM lines)` },
    { ok: finalUser !== undefined && !/^(root|0)(:|$)/.test(finalUser), what: `final stage runs as a non-root USER (got ${finalUser ?? 'none'})` },
    { ok: lines.some((l) => /\bnpm ci\b/.test(l)), what: 'installs dependencies with npm ci' },
  ];
}

/** A .dockerignore pattern as a RegExp over context-relative paths (`*`, `?`, `**`). */
function ignoreRegExp(pattern) {
  const parts = pattern.replace(/^\/+|\/+$/g, '').split('/');
  let body = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') body += last ? '.*' : '(?:.*/)?';
    else
      body +=
        part
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]') + (last ? '' : '/');
  });
  // A pattern excludes the path itself and everything below it.
  return new RegExp(`^${body}(?:/.*)?$`);
}

/** True when .dockerignore (last matching rule wins, `!` re-includes) excludes the path. */
export function isDockerIgnored(path, dockerignore) {
  let ignored = false;
  for (const raw of dockerignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (ignoreRegExp(negate ? line.slice(1) : line).test(path.replace(/^\.\//, ''))) ignored = !negate;
  }
  return ignored;
}

/**
 * Every `COPY <src>... <dest>` from the build context (not `--from`, not a heredoc) names a
 * path that exists and that .dockerignore lets through.
 */
export function checkDockerfileSources(text, files, dockerignore) {
  const findings = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (!/^COPY\s/i.test(line) || /--from=/i.test(line) || line.includes('<<')) continue;
    const args = line
      .split(/\s+/)
      .slice(1)
      .filter((a) => !a.startsWith('--'));
    for (const src of args.slice(0, -1)) {
      findings.push({ ok: files.exists(src), what: `COPY source ${src} exists` });
      findings.push({ ok: !isDockerIgnored(src, dockerignore), what: `COPY source ${src} is not excluded by .dockerignore` });
    }
  }
  return findings;
}

/**
 * Checks the variables the compose file reads against .env.example: each one is documented
 * there, and no secret gets a default value in the compose file.
 */
export function checkVariables(refs, exampleEnv) {
  const findings = [];
  const seen = new Map();
  for (const r of refs) if (!seen.has(r.name) || r.op === ':-' || r.op === '-') seen.set(r.name, r);
  for (const [name] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    findings.push({ ok: Object.prototype.hasOwnProperty.call(exampleEnv, name), what: `variable ${name} is listed in .env.example` });
    if (SECRET_NAME.test(name)) {
      const defaulted = refs.some((x) => x.name === name && (x.op === ':-' || x.op === '-') && x.arg !== '');
      findings.push({ ok: !defaulted, what: `secret ${name} has no default in the compose file` });
      const guarded = refs.some((x) => x.name === name && (x.op === ':?' || x.op === '?'));
      findings.push({ ok: guarded, what: `secret ${name} is required (\${${name}:?...}): compose stops when it is missing` });
      findings.push({ ok: (exampleEnv[name] ?? '') === '', what: `secret ${name} is empty in .env.example` });
    }
  }
  return findings;
}
