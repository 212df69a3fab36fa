/**
 * tenantctl: audit and operate tenants. Every command prints for people by default and
 * JSON with --json (one document on stdout). Exit codes: see exit-codes.ts and --help.
 */
import { Command, CommanderError, Option } from 'commander';
import { projectionLag, rebuildTenantLookup, PROJECTION_NAME } from '@tlc/tenant-lookup';
import { loadConfig, withEventStore, withReadModel } from './context.js';
import { CliError, EXIT, EXIT_CODES_HELP, usage } from './exit-codes.js';
import { buildExport } from './export.js';
import { formatHistory, publicState, stateAsOf, timeline } from './history.js';
import { addPoolCommand } from './pool.js';
import { progressSink } from './progress.js';
import { optInWarnings, redactEvents } from './redact.js';
import { resolveTenant } from './tenant-ref.js';
import { formatList, ProvisioningClient, type TenantAction } from './tenants.js';
import { formatVerify, readWholeLog, verifyLog, verifyStreams } from './verify.js';
import { appendFileSync, readFileSync } from 'node:fs';
import { buildProof, checkProof, commitEventStore, loadAuditKeys, makeCheckpoint, pickCheckpoint, readCheckpointFile, verifyLogAndCheckpoints, keyId, type TenantProof } from './audit.js';
import { problem } from './exit-codes.js';
import { checkpointLine, TENANT_STATUSES } from '@tlc/tenant-events';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const STATUSES: readonly string[] = TENANT_STATUSES;
const ENV_HELP = `
Environment:
  EVENT_STORE_URL          event store (default sqlite:./data/events.db)
  READ_MODEL_URL           read model (default sqlite:./data/read-model.db)
  PROVISIONING_URL         provisioning API for "tenants" (default http://127.0.0.1:4000)
  PROVISIONING_API_SECRET  bearer secret for the provisioning API
  AUDIT_SIGNING_KEY_FILE   Ed25519 private key (PKCS#8 PEM) for "audit checkpoint"; keep it off the store's machine
  AUDIT_PUBLIC_KEY_FILE    Ed25519 public key (SPKI PEM) for "verify --checkpoints" and "audit check-proof"
                           (derived from AUDIT_SIGNING_KEY_FILE when only that is set)`;

const json = (cmd: Command): boolean => Boolean(cmd.optsWithGlobals().json);

function parseInstant(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) throw usage(`--as-of needs an ISO-8601 time such as 2026-11-27T09:00:00Z, got "${value}"`);
  return d;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usage(`expected a positive whole number, got "${value}"`);
  return n;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const print = (cmd: Command, value: unknown, human: () => string) => io.out(json(cmd) ? JSON.stringify(value, null, 2) : human());
  const program = new Command('tenantctl')
    .description('Audit and operate tenants of the tenant lifecycle service: histories, hash-chain verification, exports, projections and lifecycle commands.')
    .option('--json', 'print one JSON document on stdout instead of text')
    .showHelpAfterError()
    .addHelpText('after', `${EXIT_CODES_HELP}\n${ENV_HELP}`)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('history')
    .description("Show a tenant's timeline (time, event, actor, correlation id, summary) and its state now or as of an instant.")
    .argument('<tenant>', 'tenant id or subdomain')
    .option('--as-of <iso-time>', 'fold only the events that occurred at or before this ISO-8601 instant', parseInstant)
    .addHelpText('after', '\nThe instant is compared with each event\'s occurredAt. Events after it are marked ">".')
    .action(async (ref: string, opts: { asOf?: Date }, cmd: Command) => {
      const cfg = loadConfig();
      await withEventStore(cfg, async (es) => {
        const t = await resolveTenant(cfg, es, ref);
        // Secrets never reach a timeline (summarize, publicState); a deprovisioned tenant's email does not either.
        const events = redactEvents(t.events, { includeSecrets: false, includePersonalData: false }).events;
        const entries = timeline(events);
        const { state, included } = stateAsOf(events, opts.asOf);
        print(
          cmd,
          { tenantId: t.tenantId, stream: t.stream, asOf: opts.asOf?.toISOString() ?? null, eventsIncluded: included, timeline: entries, state: publicState(state) },
          () => `Tenant ${t.tenantId} (${t.stream})\n${formatHistory(entries, state, opts.asOf, included)}`,
        );
      });
    });

  program
    .command('verify')
    .description('Recompute hash chains and name every edited, removed or inserted event by stream and revision. Exits 1 when any is found.')
    .argument('[tenant]', 'tenant id or subdomain (its tenant stream)')
    .option('--all', 'verify every stream in the log')
    .option('--checkpoints <file>', 'with --all: also prove the log extends every signed checkpoint in this JSONL file (AUDIT_PUBLIC_KEY_FILE)')
    .addHelpText(
      'after',
      '\nOperational streams (idempotency-*, pm-checkpoint-*, mail-*) have no hash chain by design: --all lists them as out of scope with the reason; checkpoints commit to them too.\nA hash chain cannot show a cut-off tail or a deleted stream: --checkpoints can.',
    )
    .action(async (ref: string | undefined, opts: { all?: boolean; checkpoints?: string }, cmd: Command) => {
      if (!ref && !opts.all) throw usage('verify needs a <tenant> or --all');
      if (ref && opts.all) throw usage('verify takes either a <tenant> or --all, not both');
      if (opts.checkpoints && !opts.all) throw usage('--checkpoints needs --all');
      const publicKey = opts.checkpoints ? loadAuditKeys().publicKey : undefined;
      if (opts.checkpoints && !publicKey) throw usage('--checkpoints needs AUDIT_PUBLIC_KEY_FILE (or AUDIT_SIGNING_KEY_FILE)');
      const cps = opts.checkpoints ? readCheckpointFile(opts.checkpoints) : undefined;
      const cfg = loadConfig();
      await withEventStore(cfg, async (es) => {
        // --all streams the log: the chain check (verifyLog), or it and the checkpoints in one scan.
        const streams = ref ? await resolveTenant(cfg, es, ref).then((t) => new Map([[t.stream, t.events]])) : undefined;
        const both = !streams && cps && publicKey ? await verifyLogAndCheckpoints(es, cps, publicKey, { crossCheck: true }) : undefined;
        const chain = streams ? verifyStreams(streams, { crossCheck: Boolean(opts.all) }) : (both?.chain ?? (await verifyLog(es, { crossCheck: true })));
        const checkpoints = both?.checkpoints;
        const report = { ...chain, ok: chain.ok && (!checkpoints || checkpoints.problems.length === 0), ...(checkpoints ? { checkpoints } : {}) };
        print(cmd, report, () => {
          const lines = [formatVerify(chain)];
          if (checkpoints) {
            lines.push(
              `${checkpoints.problems.length === 0 ? 'OK' : 'TAMPERED'}: the log extends ${checkpoints.verified} of ${checkpoints.checkpoints} signed checkpoint(s) (${opts.checkpoints})`,
              ...checkpoints.problems.map((p) => `  checkpoint ${p.checkpoint}${p.stream ? ` ${p.stream} revision ${p.revision}` : ''} [${p.kind}]: ${p.message}`),
            );
          }
          return lines.join('\n');
        });
        if (!report.ok) setExit(EXIT.PROBLEM);
      });
    });

  const audit = program.command('audit').description('Signed checkpoints of the whole log and per-tenant proofs against them (Ed25519, RFC 6962 Merkle tree).');
  audit
    .command('checkpoint')
    .description(
      'Append to a JSONL file a signed commitment to every event in the log now (head position, Merkle root over every stream and event, recorded_at included). Ship the file off this machine.',
    )
    .requiredOption('--file <file>', 'JSONL file to append the checkpoint to')
    .action(async (opts: { file: string }, cmd: Command) => {
      const { privateKey } = loadAuditKeys();
      if (!privateKey) throw usage('audit checkpoint needs AUDIT_SIGNING_KEY_FILE (an Ed25519 PKCS#8 PEM private key)');
      const cfg = loadConfig();
      await withEventStore(cfg, async (es) => {
        const cp = makeCheckpoint(await commitEventStore(es), privateKey);
        appendFileSync(opts.file, checkpointLine(cp));
        const n = readCheckpointFile(opts.file).length;
        print(
          cmd,
          { checkpoint: n, file: opts.file, ...cp.body },
          () => `checkpoint ${n} appended to ${opts.file}: head position ${cp.body.headPosition}, ${cp.body.streams} stream(s), ${cp.body.events} event(s), root ${cp.body.root}, key ${cp.body.keyId}`,
        );
      });
    });
  audit
    .command('prove')
    .description(
      "Write (stdout) what an auditor needs to check one tenant's history against a signed checkpoint without the rest of the store: the signed checkpoint, the public key, the tenant stream's events as of it and the Merkle inclusion proof. Redacted like export unless asked.",
    )
    .argument('<tenant>', 'tenant id or subdomain')
    .requiredOption('--at <checkpoint>', 'checkpoint number (line in the file), @<head position>, or "latest"')
    .requiredOption('--file <file>', 'the checkpoint JSONL file')
    .option('--include-secrets', 'keep sealed secrets and password hashes (warns on stderr)')
    .option('--include-personal-data', "keep a deprovisioned tenant's email and actor identities (warns on stderr)")
    .action(async (ref: string, opts: { at: string; file: string; includeSecrets?: boolean; includePersonalData?: boolean }) => {
      const { publicKey } = loadAuditKeys();
      if (!publicKey) throw usage('audit prove needs AUDIT_PUBLIC_KEY_FILE (or AUDIT_SIGNING_KEY_FILE)');
      const redaction = { includeSecrets: Boolean(opts.includeSecrets), includePersonalData: Boolean(opts.includePersonalData) };
      for (const line of optInWarnings(redaction)) io.err(line);
      const { cp } = pickCheckpoint(readCheckpointFile(opts.file), opts.at);
      const cfg = loadConfig();
      await withEventStore(cfg, async (es) => {
        const t = await resolveTenant(cfg, es, ref);
        io.out(JSON.stringify(buildProof(await readWholeLog(es), t.stream, cp, publicKey, redaction), null, 2));
      });
    });
  audit
    .command('check-proof')
    .description(
      'Check a proof written by "audit prove" on its own (no store): signature, events, Merkle inclusion. Uses AUDIT_PUBLIC_KEY_FILE when set, else the key in the file (compare its key id with the published one).',
    )
    .argument('<file>', 'proof file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      let proof: TenantProof;
      try {
        proof = JSON.parse(readFileSync(file, 'utf8')) as TenantProof;
      } catch (err) {
        throw problem(`cannot read proof ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const { publicKey } = loadAuditKeys();
      const r = checkProof(proof, publicKey);
      const keySource = publicKey ? `trusted key ${keyId(publicKey)}` : `the key inside the proof (${r.keyId}): compare it with the key id you were given`;
      print(cmd, { ...r, keySource }, () =>
        [
          `${r.ok ? 'OK' : 'FAILED'}: ${r.stream}, ${r.events} event(s) as of head position ${r.headPosition}, checked with ${keySource}`,
          ...(r.redactedEvents > 0 ? [`  ${r.redactedEvents} redacted event(s) taken on their stated content hash (committed, not recomputed)`] : []),
          ...r.problems.map((p) => `  ${p}`),
        ].join('\n'),
      );
      if (!r.ok) setExit(EXIT.PROBLEM);
    });

  program
    .command('export')
    .description(
      'Write a tenant\'s full history as JSON for an auditor: stored events with metadata and hashes, the chain check and the state now. Secrets, password hashes and a deprovisioned tenant\'s personal data are "[redacted]" (listed under "redaction") unless asked for.',
    )
    .argument('<tenant>', 'tenant id or subdomain')
    .option('--include-secrets', 'keep sealed secrets and password hashes in the output (warns on stderr)')
    .option('--include-personal-data', "keep a deprovisioned tenant's email and actor identities (warns on stderr)")
    .action(async (ref: string, opts: { includeSecrets?: boolean; includePersonalData?: boolean }) => {
      const redaction = { includeSecrets: Boolean(opts.includeSecrets), includePersonalData: Boolean(opts.includePersonalData) };
      for (const line of optInWarnings(redaction)) io.err(line);
      const cfg = loadConfig();
      await withEventStore(cfg, async (es) => {
        const t = await resolveTenant(cfg, es, ref);
        io.out(JSON.stringify(buildExport(t.tenantId, t.stream, t.events, es.description, new Date(), redaction), null, 2));
      });
    });

  const projections = program.command('projections').description('Inspect and rebuild read models.');
  projections
    .command('status')
    .description("Show each read model's live generation, checkpoint, lag (events and seconds behind the head) and any rebuild in progress.")
    .action(async (_opts: unknown, cmd: Command) => {
      const cfg = loadConfig();
      await withEventStore(cfg, (es) =>
        withReadModel(
          cfg,
          async (rm) => {
            const lag = await projectionLag(rm, es);
            print(cmd, { ...lag, store: rm.description, generations: await rm.generations() }, () =>
              [
                `${lag.projection} (${rm.description})`,
                `  live generation ${lag.generation}, checkpoint ${lag.checkpoint}, head ${lag.head}`,
                `  lag: ${lag.eventsBehind}${lag.eventsBehindCapped ? '+' : ''} events, ${lag.secondsBehind.toFixed(1)} s`,
                `  rebuild: ${lag.rebuilding ? `generation ${lag.rebuilding.generation} at checkpoint ${lag.rebuilding.checkpoint}` : 'none'}`,
              ].join('\n'),
            );
          },
          { mustExist: true },
        ),
      );
    });
  projections
    .command('rebuild')
    .description('Rebuild a read model blue/green: project a new generation from the first event while the live one keeps serving, then switch reads atomically. Resumes an interrupted rebuild.')
    .argument('<projection>', `projection name (${PROJECTION_NAME})`)
    .option('--batch-size <n>', 'events per page and transaction', positiveInt, 5000)
    .action(async (name: string, opts: { batchSize: number }, cmd: Command) => {
      if (name !== PROJECTION_NAME) throw usage(`unknown projection "${name}" (known: ${PROJECTION_NAME})`);
      const cfg = loadConfig();
      await withEventStore(cfg, (es) =>
        withReadModel(cfg, async (rm) => {
          const sink = progressSink();
          try {
            const r = await rebuildTenantLookup(rm, es, { batchSize: opts.batchSize, onProgress: (p) => sink.update(p) });
            sink.stop();
            print(
              cmd,
              r,
              () =>
                `rebuilt ${PROJECTION_NAME}: generation ${r.generation} is live (generation ${r.retiredGeneration} dropped); ${r.processed} events in ${r.seconds.toFixed(1)} s = ${Math.round(r.eventsPerSecond)} events/s${r.resumedFrom >= 0 ? `; resumed from checkpoint ${r.resumedFrom}` : ''}`,
            );
          } catch (err) {
            sink.stop();
            throw err;
          }
        }),
      );
    });

  const tenants = program.command('tenants').description('List tenants and run lifecycle commands through the provisioning API (never by writing events).');
  tenants
    .command('list')
    .description('List tenants from the read model, newest first.')
    .addOption(new Option('--status <status...>', 'only these statuses').choices(STATUSES))
    .option('--limit <n>', 'page size (max 500)', positiveInt, 50)
    .option('--offset <n>', 'skip this many', (v) => (v === '0' ? 0 : positiveInt(v)), 0)
    .action(async (opts: { status?: string[]; limit: number; offset: number }, cmd: Command) => {
      const page = await new ProvisioningClient(loadConfig()).list(opts.status ?? [], opts.limit, opts.offset);
      print(cmd, page, () => formatList(page));
    });
  const actions: Array<[TenantAction, string, boolean]> = [
    ['retry', 'Retry provisioning of a rolled-back tenant.', false],
    ['suspend', 'Suspend an active tenant.', true],
    ['resume', 'Resume a suspended tenant.', false],
    ['deprovision', 'Deprovision a tenant: drop its site and shred its secrets; the history stays.', true],
  ];
  for (const [action, description, withReason] of actions) {
    const c = tenants.command(action).description(description).argument('<tenant>', 'tenant id or subdomain');
    if (withReason) c.option('--reason <text>', 'why (recorded in the event)', `requested by operator via tenantctl`);
    c.action(async (ref: string, opts: { reason?: string }, cmd: Command) => {
      const api = new ProvisioningClient(loadConfig());
      const tenantId = await api.resolve(ref);
      const result = await api.act(tenantId, action, opts.reason);
      print(cmd, { tenantId, action, result: result ?? null }, () => `${action} accepted for tenant ${tenantId}`);
    });
  }
  addPoolCommand(program, print);
  return program;
}

/** Runs one command line; resolves to the exit code. Never calls process.exit itself. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version' || err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (err instanceof CliError) {
      io.err(`tenantctl: ${err.message}`);
      return err.exitCode;
    }
    io.err(`tenantctl: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT.PROBLEM;
  }
}
