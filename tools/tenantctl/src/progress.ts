/**
 * Rebuild progress: a cli-progress bar with events/s and ETA on a terminal, plain lines
 * (at most one a second, plus the last) when stderr is not a TTY, e.g. in CI logs.
 */
import cliProgress from 'cli-progress';
import type { RebuildProgress } from '@tlc/tenant-lookup';

export interface ProgressSink {
  update(p: RebuildProgress): void;
  stop(): void;
}

const line = (p: RebuildProgress): string => {
  const total = Math.max(p.head, p.checkpoint, 1);
  const pct = Math.min(100, Math.floor((Math.max(0, p.checkpoint) / total) * 100));
  const eta = p.eventsPerSecond > 0 ? Math.ceil((total - p.checkpoint) / p.eventsPerSecond) : 0;
  return `rebuild tenant-lookup g${p.generation}: checkpoint ${p.checkpoint}/${total} (${pct}%), ${p.processed} events this run, ${Math.round(p.eventsPerSecond)} events/s, ETA ${eta}s`;
};

export function progressSink(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  if (!stream.isTTY) {
    let last = 0;
    let pending: RebuildProgress | undefined;
    return {
      update(p) {
        pending = p;
        if (Date.now() - last >= 1000) { stream.write(`${line(p)}\n`); last = Date.now(); pending = undefined; }
      },
      stop() { if (pending) stream.write(`${line(pending)}\n`); },
    };
  }
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'rebuild tenant-lookup g{gen} [{bar}] {percentage}% | {value}/{total} | {rate} events/s | ETA {eta_formatted}',
    etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(p) {
      const total = Math.max(p.head, p.checkpoint, 1);
      const payload = { gen: p.generation, rate: Math.round(p.eventsPerSecond) };
      if (!started) { bar.start(total, Math.max(0, p.checkpoint), payload); started = true; }
      bar.setTotal(total);
      bar.update(Math.max(0, p.checkpoint), payload);
    },
    stop() { if (started) bar.stop(); },
  };
}
