/**
 * Per-tenant secrets: `seal` encrypts under the tenant's data key (created on first use),
 * `open` decrypts, `destroyKey` crypto-shreds. The process manager uses `open` to hand the
 * admin password to bench; nothing else ever sees a plaintext.
 */
import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SealedSecret } from '@tlc/tenant-events';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, KEY_STORE } from '../config/tokens.js';
import { DomainError } from '../shared/domain-error.js';
import { decrypt, hashPassword, sealWith, unwrapKey, verifyPassword, wrapKey } from './crypto.js';
import type { KeyStore } from './key-store.js';

export const keyIdFor = (tenantId: string): string => `tenant-${tenantId}`;
const tenantIdOfKey = (keyId: string): string => keyId.replace(/^tenant-/, '');

@Injectable()
export class SecretsService {
  constructor(
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /**
   * Seals under the tenant's key, making the key on first use. `existingKeyOnly`: for a tenant
   * that already has secrets (a rotation), a missing key means it was destroyed (shredded), and
   * making a new one would bring a deprovisioned tenant's secrets back to life.
   */
  async seal(tenantId: string, plaintext: string, opts: { existingKeyOnly?: boolean } = {}): Promise<SealedSecret> {
    const keyId = keyIdFor(tenantId);
    let wrapped = await this.keys.get(tenantId);
    if (!wrapped && opts.existingKeyOnly) throw new DomainError('SECRETS.KEY_DESTROYED', "This tenant's key was destroyed (it was deprovisioned): nothing more is sealed for it.");
    if (!wrapped) wrapped = await this.keys.putIfAbsent(tenantId, wrapKey(this.config.secretsKey, randomBytes(32), keyId));
    return sealWith(unwrapKey(this.config.secretsKey, wrapped, keyId), keyId, plaintext);
  }

  async open(sealed: SealedSecret): Promise<string> {
    const wrapped = await this.keys.get(tenantIdOfKey(sealed.keyId));
    if (!wrapped) throw new DomainError('SECRETS.KEY_DESTROYED', 'This secret can no longer be read: its key was destroyed when the tenant was deprovisioned.');
    const dataKey = unwrapKey(this.config.secretsKey, wrapped, sealed.keyId);
    return decrypt(dataKey, sealed, sealed.keyId).toString('utf8');
  }

  /** The crypto-shred. Idempotent: true only when a key was there. */
  destroyKey(tenantId: string): Promise<boolean> {
    return this.keys.destroy(tenantId);
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.config.scryptLogN);
  }

  verifyPassword(password: string, phc: string): Promise<boolean> {
    return verifyPassword(password, phc);
  }
}
