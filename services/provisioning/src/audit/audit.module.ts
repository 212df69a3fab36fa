/** Signed checkpoints on a timer (audit-checkpointer.ts); does nothing unless AUDIT_SIGNING_KEY_FILE is set. */
import { Module } from '@nestjs/common';
import { AuditCheckpointer } from './audit-checkpointer.js';

@Module({ providers: [AuditCheckpointer], exports: [AuditCheckpointer] })
export class AuditModule {}
