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

const line = (p: RebuildProgress): string =>
  `rebuild tenant-lookup g${p.generation}: ${Math.floor(p.fraction * 100)}% (checkpoint ${p.checkpoint}), ${p.processed} events this run, ` +
  `${Math.round(p.eventsPerSecond)} events/s, ETA ${Math.ceil(p.etaSeconds)}s`;

export function progressSink(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  if (!stream.isTTY) {
    let last = 0;
    let pending: RebuildProgress | undefined;
    return {
      update(p) {
        pending = p;
        if (Date.now() - last >= 1000) {
          stream.write(`${line(p)}\n`);
          last = Date.now();
          pending = undefined;
        }
      },
      stop() {
        if (pending) stream.write(`${line(pending)}\n`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'rebuild tenant-lookup g{gen} [{bar}] {percentage}% | {processed} events | {rate} events/s | ETA {eta}s',
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      // The bar runs on the fraction of the log done; events/s and ETA come from the rebuild itself.
      const payload = { gen: p.generation, rate: Math.round(p.eventsPerSecond), processed: p.processed, eta: Math.ceil(p.etaSeconds) };
      if (!started) {
        bar.start(1000, Math.round(p.fraction * 1000), payload);
        started = true;
      }
      bar.update(Math.round(p.fraction * 1000), payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
