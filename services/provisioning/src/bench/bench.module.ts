/**
 * The one BenchRunner of the service (BENCH_BIN in BENCH_PATH: `config.bench`) and the
 * operations on it. The process manager's steps and the pool's standby builds share it, so both
 * go through the same spawn host, redaction and argument validators.
 */
import { Module } from '@nestjs/common';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { BenchOperations } from './bench-operations.js';
import { BenchRunner } from './bench-runner.js';

export const BENCH_OPERATIONS = Symbol.for('tlc.provisioning.bench-operations');

@Module({
  providers: [{ provide: BENCH_OPERATIONS, inject: [CONFIG], useFactory: (c: ProvisioningConfig) => new BenchOperations(new BenchRunner({ bin: c.bench.bin, path: c.bench.path })) }],
  exports: [BENCH_OPERATIONS],
})
export class BenchModule {}
