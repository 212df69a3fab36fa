/**
 * A secret encrypted with AES-256-GCM under a per-tenant data key. Only this envelope ever
 * reaches an event; destroying the tenant's key makes it unreadable (crypto-shredding).
 * The shape lives here because events carry it; the crypto itself lives with the service.
 */
export interface SealedSecret {
  readonly alg: 'A256GCM';
  /** Identifies the per-tenant data key, e.g. `tenant-<tenantId>`. */
  readonly keyId: string;
  /** base64url, 12 bytes */
  readonly iv: string;
  /** base64url, 16 bytes */
  readonly tag: string;
  /** base64url ciphertext */
  readonly ciphertext: string;
}
