/**
 * Generated from the provisioning API's OpenAPI document by `npm run api:generate`; do not edit.
 * services/provisioning/src/http/openapi/contract.int.spec.ts fails when this file is stale.
 */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Up, and the event store answers within a second (no bearer needed) */
        get: operations["Health_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subdomains/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is this subdomain free to sign up with? */
        get: operations["Subdomains_availability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up: reserve the subdomain and email, record the signup (202) */
        post: operations["Tenants_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status, steps with timings, site URL, last error */
        get: operations["Tenants_status"];
        put?: never;
        post?: never;
        /** Deprovision: drop the site (if any), release the names, destroy the tenant key */
        delete: operations["Tenants_deprovision"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Provision a rolled-back tenant again (takes its names back first) */
        post: operations["Tenants_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an active tenant */
        post: operations["Tenants_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a suspended tenant */
        post: operations["Tenants_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: snapshot, then every tenant event until it settles */
        get: operations["TenantStream_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event with its metadata, and the state folded up to asOf */
        get: operations["TenantStream_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credentials/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check an admin email and password */
        post: operations["Credentials_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/email-verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Use an email verification token */
        post: operations["EmailVerification_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/email-verifications/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send another verification link, if this address has a signup waiting for one */
        post: operations["EmailVerification_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find the tenant of a subdomain or an admin email */
        get: operations["Lookup_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lookup/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenants from the read model, newest first, filtered by status */
        get: operations["Lookup_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which credentials can still be shown (never a value) */
        get: operations["Reveal_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/credentials/{credential}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show the API secret or a Google sign-up's generated desk password, once (records CredentialRevealed) */
        post: operations["Reveal_reveal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/credentials/api-secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a new API secret for the site (the key stays); it can then be shown once (records ApiSecretRotationStarted, then ApiSecretRotated)
         * @description Answers once the site has the new secret: the overview, with apiSecret "available". The old secret stops working. Never answers a value.
         */
        post: operations["Reveal_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provisioning health: signups and outcomes per hour, signup-to-Active times, failures by step and class, pool, lag */
        get: operations["Ops_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant lookup read model: its generations, lag, and the last rebuild started here */
        get: operations["Ops_projectionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/projections/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a blue/green rebuild of the tenant lookup read model (answers the running one if any); reads switch when it has caught up */
        post: operations["Ops_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthReport: {
            /** @enum {string} */
            status: "ok";
            /**
             * @description The checks that are up.
             * @example {
             *       "process": {
             *         "status": "up",
             *         "uptimeSeconds": 42
             *       },
             *       "eventStore": {
             *         "status": "up",
             *         "backend": "sqlite"
             *       }
             *     }
             */
            info: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @description The checks that are down (empty when the answer is 200).
             * @example {
             *       "process": {
             *         "status": "up",
             *         "uptimeSeconds": 42
             *       },
             *       "eventStore": {
             *         "status": "up",
             *         "backend": "sqlite"
             *       }
             *     }
             */
            error: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * @description Every check.
             * @example {
             *       "process": {
             *         "status": "up",
             *         "uptimeSeconds": 42
             *       },
             *       "eventStore": {
             *         "status": "up",
             *         "backend": "sqlite"
             *       }
             *     }
             */
            details: {
                [key: string]: {
                    /** @enum {string} */
                    status: "up" | "down";
                } & {
                    [key: string]: unknown;
                };
            };
        };
        SubdomainAvailability: {
            /**
             * @description The name as it was checked: trimmed, lower-cased, at most 64 characters.
             * @example acme
             */
            subdomain: string;
            available: boolean;
            /**
             * @description Only when not available.
             * @enum {string}
             */
            reason?: "invalid" | "reserved" | "taken";
            /**
             * @description Only when not available: the code a signup with it would answer.
             * @enum {string}
             */
            code?: "SUBDOMAIN.REQUIRED" | "SUBDOMAIN.TOO_SHORT" | "SUBDOMAIN.TOO_LONG" | "SUBDOMAIN.INVALID_CHARACTERS" | "SUBDOMAIN.HYPHEN_AT_EDGE" | "SUBDOMAIN.PUNYCODE" | "SUBDOMAIN.RESERVED" | "TENANT.SUBDOMAIN_TAKEN";
            /** @description Only when not available: why, for people. */
            message?: string;
        };
        CreateTenantDto: {
            /** @example Acme Ltd */
            organization: string;
            /** @example acme */
            subdomain: string;
            /** @example ada@acme.test */
            adminEmail: string;
            /** @description Required unless identityProvider is "google". */
            adminPassword?: string;
            /**
             * @default password
             * @enum {string}
             */
            identityProvider?: "password" | "google";
        };
        /** @enum {string} */
        TenantStatus: "Requested" | "Provisioning" | "Active" | "Failed" | "RollingBack" | "RolledBack" | "Broken" | "Suspended" | "Deprovisioning" | "Deprovisioned";
        TenantLinks: {
            /** @example /v1/tenants/0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11 */
            self: string;
            /** @example /v1/tenants/0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11/events */
            events: string;
            /** @example /v1/tenants/0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11/history */
            history: string;
        };
        SignupAccepted: {
            /** Format: uuid */
            tenantId: string;
            /** @example acme */
            subdomain: string;
            status: components["schemas"]["TenantStatus"];
            links: components["schemas"]["TenantLinks"];
        };
        /** @enum {string} */
        StepName: "new-site" | "install-app" | "add-system-manager" | "api-keys" | "set-host-name" | "drop-site";
        /** @enum {string} */
        StepStatus: "pending" | "running" | "succeeded" | "failed";
        StepView: {
            /** @example install-app:erpnext */
            key: string;
            step: components["schemas"]["StepName"];
            /** @description Only for install-app. */
            app?: string;
            /**
             * @description The step in words for people.
             * @example Installing erpnext
             */
            label: string;
            status: components["schemas"]["StepStatus"];
            attempts: number;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
            /** @description Time spent in bench on the last attempt. */
            durationMs: number | null;
        };
        RunningStepView: {
            key: string;
            attempt: number;
            /** Format: date-time */
            startedAt: string;
        };
        StepRef: {
            step: components["schemas"]["StepName"];
            /**
             * @description Only for install-app.
             * @example erpnext
             */
            app?: string;
        };
        /** @enum {string} */
        FailureClass: "transient" | "permanent" | "timeout" | "configuration";
        LastError: {
            step: components["schemas"]["StepRef"];
            /**
             * @description A sentence for people.
             * @example Installing erpnext failed: bench exited with 1.
             */
            message: string;
            classification: components["schemas"]["FailureClass"];
            /** Format: date-time */
            at: string;
        };
        TenantStatusView: {
            /** Format: uuid */
            tenantId: string;
            /** @example Acme Ltd */
            organization: string;
            /** @example acme */
            subdomain: string;
            /** @example acme.example.com */
            siteName: string;
            status: components["schemas"]["TenantStatus"];
            /**
             * @description `queued` while waiting for a provisioning slot, else the status in lower case.
             * @enum {string}
             */
            phase: "queued" | "requested" | "provisioning" | "active" | "failed" | "rollingback" | "rolledback" | "broken" | "suspended" | "deprovisioning" | "deprovisioned";
            steps: components["schemas"]["StepView"][];
            /** @description The earliest-started step still running. */
            running: components["schemas"]["RunningStepView"] | null;
            /** @description Every step running now (the last steps run side by side). */
            runningSteps: components["schemas"]["RunningStepView"][];
            /**
             * @description Set while Active or Suspended.
             * @example https://acme.example.com
             */
            siteUrl: string | null;
            lastError: components["schemas"]["LastError"] | null;
            provisioningAttempt: number;
            /** Format: date-time */
            createdAt: string | null;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            updatedAt: string | null;
            /** @description The tenant stream revision this view reflects. */
            revision: number;
            links: components["schemas"]["TenantLinks"];
        };
        /**
         * @description The events this command appended (none when it changed nothing).
         * @enum {string}
         */
        TenantEventType: "SignupRequested" | "StepStarted" | "SiteCreated" | "AppInstalled" | "AdminConfigured" | "ApiKeysIssued" | "HostNameConfigured" | "TenantActivated" | "StepFailed" | "RollbackStarted" | "SiteDropped" | "RolledBack" | "SubdomainReleased" | "TenantBroken" | "ProvisioningRetried" | "StandbySiteClaimed" | "TenantSuspended" | "TenantResumed" | "DeprovisionRequested" | "TenantDeprovisioned" | "EmailVerified" | "VerificationEmailRequested" | "ExistingAccountSignupAttempted" | "ProvisioningSlow" | "CredentialRevealed" | "ApiSecretRotationStarted" | "ApiSecretRotated" | "ApiSecretRotationFailed";
        TenantCommandResult: {
            /** Format: uuid */
            tenantId: string;
            /** @example Acme Ltd */
            organization: string;
            /** @example acme */
            subdomain: string;
            /** @example acme.example.com */
            siteName: string;
            status: components["schemas"]["TenantStatus"];
            /**
             * @description `queued` while waiting for a provisioning slot, else the status in lower case.
             * @enum {string}
             */
            phase: "queued" | "requested" | "provisioning" | "active" | "failed" | "rollingback" | "rolledback" | "broken" | "suspended" | "deprovisioning" | "deprovisioned";
            steps: components["schemas"]["StepView"][];
            /** @description The earliest-started step still running. */
            running: components["schemas"]["RunningStepView"] | null;
            /** @description Every step running now (the last steps run side by side). */
            runningSteps: components["schemas"]["RunningStepView"][];
            /**
             * @description Set while Active or Suspended.
             * @example https://acme.example.com
             */
            siteUrl: string | null;
            lastError: components["schemas"]["LastError"] | null;
            provisioningAttempt: number;
            /** Format: date-time */
            createdAt: string | null;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            updatedAt: string | null;
            /** @description The tenant stream revision this view reflects. */
            revision: number;
            links: components["schemas"]["TenantLinks"];
            /** @description The events this command appended (none when it changed nothing). */
            appended: components["schemas"]["TenantEventType"][];
        };
        ReasonDto: {
            reason?: string;
        };
        Actor: {
            /** @enum {string} */
            kind: "user" | "operator" | "system";
            /** @example email-sha256:9f86d0… */
            id: string;
            /** @description Only on events recorded before addresses were dropped from metadata. */
            ip?: string;
        };
        EventMetadata: {
            eventId: string;
            correlationId: string;
            causationId: string;
            actor: components["schemas"]["Actor"];
            /** Format: date-time */
            occurredAt: string;
            schemaVersion: number;
            prevHash: string;
            hash: string;
        };
        ChainProblem: {
            /** @enum {string} */
            kind: "edited" | "removed" | "inserted" | "reordered" | "missing-metadata";
            revision: number;
            message: string;
        };
        ChainVerdict: {
            valid: boolean;
            problems: components["schemas"]["ChainProblem"][];
        };
        PublicTenantEvent: {
            revision: number;
            /** @description Position in the whole log. */
            position: number;
            type: components["schemas"]["TenantEventType"];
            /** @description The event's data; sealed secrets and hashes read `[redacted]`. */
            data: {
                [key: string]: unknown;
            };
            metadata: components["schemas"]["EventMetadata"];
            /** Format: date-time */
            recordedAt: string;
        };
        TenantHistory: {
            /** Format: uuid */
            tenantId: string;
            /**
             * Format: date-time
             * @description The instant asked for; null for now.
             */
            asOf: string | null;
            chain: components["schemas"]["ChainVerdict"];
            /** @description Every event up to asOf. */
            events: components["schemas"]["PublicTenantEvent"][];
            /** @description Null when the tenant did not exist yet at asOf. */
            state: components["schemas"]["TenantStatusView"] | null;
        };
        VerifyCredentialsDto: {
            email: string;
            password: string;
        };
        CredentialsVerified: {
            /** Format: uuid */
            tenantId: string;
            subdomain: string;
            status: components["schemas"]["TenantStatus"];
        };
        UseVerificationDto: {
            /** @example v1.3f0c… */
            token: string;
        };
        EmailVerified: {
            /** Format: uuid */
            tenantId: string;
            /** @example acme */
            subdomain: string;
            /** @example ada@acme.test */
            email: string;
            status: components["schemas"]["TenantStatus"];
            /** @enum {boolean} */
            emailVerified: true;
        };
        ResendVerificationDto: {
            /** @example ada@acme.test */
            email: string;
        };
        ResendAccepted: {
            /** @enum {boolean} */
            accepted: true;
        };
        LookupStep: {
            /** @example install-app:erpnext */
            key: string;
            step: components["schemas"]["StepName"];
            app: string | null;
            status: components["schemas"]["StepStatus"];
            attempts: number;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            endedAt: string | null;
            durationMs: number | null;
        };
        TenantLookup: {
            /** Format: uuid */
            tenantId: string;
            /** @example acme */
            subdomain: string;
            /** @example Acme Ltd */
            organization: string;
            /**
             * @description Trimmed and lower-cased.
             * @example ada@acme.test
             */
            adminEmail: string;
            status: components["schemas"]["TenantStatus"];
            steps: components["schemas"]["LookupStep"][];
            /** @example https://acme.example.com */
            siteUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            suspended: boolean;
            /** @description The pre-built site this tenant took, if any. */
            standbySite: string | null;
            /** @description False while a password signup has not used its email link; absent on documents folded before it existed (read as true). */
            emailVerified?: boolean;
            /** @description True once the tenant gave its subdomain and email back (rolled back or deprovisioned). */
            released: boolean;
            revision: number;
            position: number;
        };
        TenantLookupPage: {
            items: components["schemas"]["TenantLookup"][];
            total: number;
            limit: number;
            offset: number;
        };
        RevealedApiSecret: {
            /** @enum {string} */
            credential: "api-secret";
            apiKey: string;
            /** @description Shown this once; a second reveal answers 409 CREDENTIALS.ALREADY_REVEALED. */
            apiSecret: string;
        };
        RevealedAdminPassword: {
            /** @enum {string} */
            credential: "admin-password";
            /** @example ada@acme.test */
            login: string;
            /** @description Shown this once; a second reveal answers 409 CREDENTIALS.ALREADY_REVEALED. */
            password: string;
        };
        CredentialsOverview: {
            /** Format: uuid */
            tenantId: string;
            /**
             * @description Who signs in to the ERPNext desk (the admin email).
             * @example ada@acme.test
             */
            deskLogin: string;
            /**
             * @description password: the desk password is the one chosen at signup; google: one was generated (see adminPassword).
             * @enum {string}
             */
            identityProvider: "password" | "google";
            /** @description The API key (not secret); null until issued. */
            apiKey: string | null;
            /**
             * @description available: can be shown once; revealed: was shown, rotate for a new one.
             * @enum {string}
             */
            apiSecret: "not-issued" | "available" | "revealed";
            /**
             * @description The generated desk password of a Google sign-up; not-issued for password sign-ups.
             * @enum {string}
             */
            adminPassword: "not-issued" | "available" | "revealed";
        };
        HealthTotals: {
            signups: number;
            activations: number;
            rollbacks: number;
            /** @description TenantBroken events ever */
            brokenEvents: number;
            /** @description Tenants Broken now */
            brokenNow: number;
            /** @description Activated / (activated + rolled back + broken), 0..1 */
            successRate: number | null;
        };
        HealthHour: {
            /** Format: date-time */
            hour: string;
            signups: number;
            activations: number;
            rollbacks: number;
            broken: number;
            successRate: number | null;
            /** @description Signup-to-Active seconds, median of the tenants activated this hour */
            p50: number | null;
            p95: number | null;
        };
        HistogramBucket: {
            /** @description Upper bound in seconds; null is +Inf */
            le: number | null;
            /** @description Tenants in this bucket (not cumulative) */
            count: number;
        };
        SignupToActive: {
            count: number;
            p50: number | null;
            p95: number | null;
            mean: number | null;
            buckets: components["schemas"]["HistogramBucket"][];
        };
        FailureCount: {
            /** @example new-site */
            step: string;
            /** @example transient */
            classification: string;
            all: number;
            /** @description Not retried: led to a rollback */
            final: number;
        };
        PoolSizes: {
            ready: number;
            building: number;
            claimed: number;
            failed: number;
        };
        LagView: {
            generation: number;
            checkpoint: number;
            head: number;
            eventsBehind: number;
            eventsBehindCapped: boolean;
            secondsBehind: number;
        };
        OpsHealth: {
            /** Format: date-time */
            generatedAt: string;
            /** @description Log position the figures are folded up to */
            checkpoint: number;
            totals: components["schemas"]["HealthTotals"];
            /** @description Oldest first, one per hour, empty hours included */
            hours: components["schemas"]["HealthHour"][];
            signupToActive: components["schemas"]["SignupToActive"];
            failures: components["schemas"]["FailureCount"][];
            /** @description Null when the warm pool is not running */
            pool: components["schemas"]["PoolSizes"] | null;
            /** @description Null when the read model does not answer */
            lag: components["schemas"]["LagView"] | null;
        };
        GenerationView: {
            projection: string;
            generation: number;
            /** @enum {string} */
            state: "live" | "building";
            checkpoint: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RebuildProgressView: {
            generation: number;
            resumedFrom: number;
            checkpoint: number;
            head: number;
            fraction: number;
            etaSeconds: number;
            processed: number;
            eventsPerSecond: number;
        };
        RebuildRunView: {
            /** @enum {string} */
            state: "running" | "done" | "failed";
            /** Format: date-time */
            startedAt: string;
            /** @description The operator (X-Operator) who started it */
            startedBy: string;
            /** Format: date-time */
            endedAt?: string;
            progress: components["schemas"]["RebuildProgressView"] | null;
            /** @description The generation dropped when reads switched (done) */
            retiredGeneration?: number;
            seconds?: number;
            /** @description Why it stopped (failed) */
            error?: string;
        };
        ProjectionStatusView: {
            generations: components["schemas"]["GenerationView"][];
            lag: components["schemas"]["LagView"];
            /** @description The last rebuild this instance ran (null: none since it started) */
            rebuild: components["schemas"]["RebuildRunView"] | null;
        };
        /** @description RFC 9457 problem details with a stable `code`. */
        Problem: {
            /**
             * @description urn:tlc:problem:<code in lower case>
             * @example urn:tlc:problem:tenant.not_found
             */
            type: string;
            title: string;
            /** @description For people; may change. Switch on `code`. */
            detail: string;
            /** @description The first field or header at fault. */
            field?: string;
            errors?: components["schemas"]["FieldError"][];
            instance?: string;
            status: number;
            code: string;
            /** @description The tenant this email address already owns. */
            subdomain?: string;
            /** @description Also sent as Retry-After. */
            retryAfterSeconds?: number;
            /** @description Each health check and its outcome. */
            checks?: {
                [key: string]: unknown;
            };
        };
        FieldError: {
            /**
             * @description The field (dotted path) or header the rule is about; empty for the whole body.
             * @example subdomain
             */
            field: string;
            /**
             * @description The rule, e.g. FIELD.IS_LENGTH, FIELD.NOT_ALLOWED, FIELD.IS_EMAIL.
             * @example FIELD.IS_LENGTH
             */
            code: string;
            message: string;
        };
        /** @description First message of a stream opened without Last-Event-ID: the tenant as of revision `id`. */
        TenantStreamSnapshot: {
            /** @enum {string} */
            event: "snapshot";
            id: number;
            data: components["schemas"]["TenantStatusView"];
        };
        /** @description A tenant event as the history shows it, with the status it leads to. */
        TenantStreamEventData: {
            revision: number;
            position: number;
            type: components["schemas"]["TenantEventType"];
            /** @description The event's data; sealed secrets and hashes read `[redacted]`. */
            data: {
                [key: string]: unknown;
            };
            metadata: components["schemas"]["EventMetadata"];
            /** Format: date-time */
            recordedAt: string;
            status: components["schemas"]["TenantStatus"];
        };
        /** @description One tenant event; `event` is its type, `id` its stream revision (send it back as Last-Event-ID to resume). */
        TenantStreamEvent: {
            /** @enum {string} */
            event: "SignupRequested" | "StepStarted" | "SiteCreated" | "AppInstalled" | "AdminConfigured" | "ApiKeysIssued" | "HostNameConfigured" | "TenantActivated" | "StepFailed" | "RollbackStarted" | "SiteDropped" | "RolledBack" | "SubdomainReleased" | "TenantBroken" | "ProvisioningRetried" | "StandbySiteClaimed" | "TenantSuspended" | "TenantResumed" | "DeprovisionRequested" | "TenantDeprovisioned" | "EmailVerified" | "VerificationEmailRequested" | "ExistingAccountSignupAttempted" | "ProvisioningSlow" | "CredentialRevealed" | "ApiSecretRotationStarted" | "ApiSecretRotated" | "ApiSecretRotationFailed";
            id: number;
            data: components["schemas"]["TenantStreamEventData"];
        };
        /** @description One Server-Sent Events message (event, id, data). Comment lines (`: heartbeat`) and `retry:` carry no message. */
        TenantStreamMessage: components["schemas"]["TenantStreamSnapshot"] | components["schemas"]["TenantStreamEvent"];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type HealthReport = components['schemas']['HealthReport'];
export type SubdomainAvailability = components['schemas']['SubdomainAvailability'];
export type CreateTenantDto = components['schemas']['CreateTenantDto'];
export type TenantStatus = components['schemas']['TenantStatus'];
export type TenantLinks = components['schemas']['TenantLinks'];
export type SignupAccepted = components['schemas']['SignupAccepted'];
export type StepName = components['schemas']['StepName'];
export type StepStatus = components['schemas']['StepStatus'];
export type StepView = components['schemas']['StepView'];
export type RunningStepView = components['schemas']['RunningStepView'];
export type StepRef = components['schemas']['StepRef'];
export type FailureClass = components['schemas']['FailureClass'];
export type LastError = components['schemas']['LastError'];
export type TenantStatusView = components['schemas']['TenantStatusView'];
export type TenantEventType = components['schemas']['TenantEventType'];
export type TenantCommandResult = components['schemas']['TenantCommandResult'];
export type ReasonDto = components['schemas']['ReasonDto'];
export type Actor = components['schemas']['Actor'];
export type EventMetadata = components['schemas']['EventMetadata'];
export type ChainProblem = components['schemas']['ChainProblem'];
export type ChainVerdict = components['schemas']['ChainVerdict'];
export type PublicTenantEvent = components['schemas']['PublicTenantEvent'];
export type TenantHistory = components['schemas']['TenantHistory'];
export type VerifyCredentialsDto = components['schemas']['VerifyCredentialsDto'];
export type CredentialsVerified = components['schemas']['CredentialsVerified'];
export type UseVerificationDto = components['schemas']['UseVerificationDto'];
export type EmailVerified = components['schemas']['EmailVerified'];
export type ResendVerificationDto = components['schemas']['ResendVerificationDto'];
export type ResendAccepted = components['schemas']['ResendAccepted'];
export type LookupStep = components['schemas']['LookupStep'];
export type TenantLookup = components['schemas']['TenantLookup'];
export type TenantLookupPage = components['schemas']['TenantLookupPage'];
export type RevealedApiSecret = components['schemas']['RevealedApiSecret'];
export type RevealedAdminPassword = components['schemas']['RevealedAdminPassword'];
export type CredentialsOverview = components['schemas']['CredentialsOverview'];
export type HealthTotals = components['schemas']['HealthTotals'];
export type HealthHour = components['schemas']['HealthHour'];
export type HistogramBucket = components['schemas']['HistogramBucket'];
export type SignupToActive = components['schemas']['SignupToActive'];
export type FailureCount = components['schemas']['FailureCount'];
export type PoolSizes = components['schemas']['PoolSizes'];
export type LagView = components['schemas']['LagView'];
export type OpsHealth = components['schemas']['OpsHealth'];
export type GenerationView = components['schemas']['GenerationView'];
export type RebuildProgressView = components['schemas']['RebuildProgressView'];
export type RebuildRunView = components['schemas']['RebuildRunView'];
export type ProjectionStatusView = components['schemas']['ProjectionStatusView'];
export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type TenantStreamSnapshot = components['schemas']['TenantStreamSnapshot'];
export type TenantStreamEventData = components['schemas']['TenantStreamEventData'];
export type TenantStreamEvent = components['schemas']['TenantStreamEvent'];
export type TenantStreamMessage = components['schemas']['TenantStreamMessage'];
export type $defs = Record<string, never>;
export interface operations {
    Health_check: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthReport"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-cache, no-store, must-revalidate";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "SERVICE.UNAVAILABLE";
                        /** @description Each health check and its outcome. */
                        checks?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    Subdomains_availability: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description Any text; only its first 64 characters are checked. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Also for names that can never be had: `available` is false with the reason. */
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubdomainAvailability"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Seconds to wait. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 429;
                        /** @enum {string} */
                        code: "REQUEST.RATE_LIMITED";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Tenants_create: {
        parameters: {
            query?: never;
            header: {
                /** @description Retrying with the same key and body gets the first answer again (Idempotent-Replayed: true); another body under the key is a 422. */
                "Idempotency-Key": string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTenantDto"];
            };
        };
        responses: {
            /** @description The signup is recorded; provisioning runs in the background (follow links.events). Also the answer for the same person signing up again. */
            202: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description The tenant (links.self). */
                    Location: string;
                    /** @description `true` when this is the stored answer to an earlier request with this key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupAccepted"];
                };
            };
            /** @description Problem: IDEMPOTENCY.KEY_REQUIRED, REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "IDEMPOTENCY.KEY_REQUIRED" | "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: IDEMPOTENCY.IN_PROGRESS, TENANT.ALREADY_EXISTS, TENANT.CONCURRENCY_EXHAUSTED, TENANT.EMAIL_HAS_TENANT, TENANT.SUBDOMAIN_TAKEN */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Seconds to wait (IDEMPOTENCY.IN_PROGRESS only). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "IDEMPOTENCY.IN_PROGRESS" | "TENANT.ALREADY_EXISTS" | "TENANT.CONCURRENCY_EXHAUSTED" | "TENANT.EMAIL_HAS_TENANT" | "TENANT.SUBDOMAIN_TAKEN";
                        /** @description Also sent as Retry-After. */
                        retryAfterSeconds?: number;
                        /** @description The tenant this email address already owns. */
                        subdomain?: string;
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: IDEMPOTENCY.KEY_REUSED, SUBDOMAIN.HYPHEN_AT_EDGE, SUBDOMAIN.INVALID_CHARACTERS, SUBDOMAIN.PUNYCODE, SUBDOMAIN.REQUIRED, SUBDOMAIN.RESERVED, SUBDOMAIN.TOO_LONG, SUBDOMAIN.TOO_SHORT, TENANT.INVALID_SIGNUP */
            422: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 422;
                        /** @enum {string} */
                        code: "IDEMPOTENCY.KEY_REUSED" | "SUBDOMAIN.HYPHEN_AT_EDGE" | "SUBDOMAIN.INVALID_CHARACTERS" | "SUBDOMAIN.PUNYCODE" | "SUBDOMAIN.REQUIRED" | "SUBDOMAIN.RESERVED" | "SUBDOMAIN.TOO_LONG" | "SUBDOMAIN.TOO_SHORT" | "TENANT.INVALID_SIGNUP";
                    };
                };
            };
            /** @description Problem: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Seconds to wait. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 429;
                        /** @enum {string} */
                        code: "REQUEST.RATE_LIMITED";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: TENANT.SIGNUP_TIMED_OUT */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "TENANT.SIGNUP_TIMED_OUT";
                    };
                };
            };
        };
    };
    Tenants_status: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantStatusView"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Tenants_deprovision: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: {
                /** @description Who acts (recorded as the operator actor; `api` when absent or malformed). */
                "X-Operator"?: string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantCommandResult"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: TENANT.ALREADY_DEPROVISIONED, TENANT.CONCURRENCY_EXHAUSTED, TENANT.STILL_PROVISIONING */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "TENANT.ALREADY_DEPROVISIONED" | "TENANT.CONCURRENCY_EXHAUSTED" | "TENANT.STILL_PROVISIONING";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Tenants_retry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Who acts (recorded as the operator actor; `api` when absent or malformed). */
                "X-Operator"?: string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantCommandResult"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: TENANT.CONCURRENCY_EXHAUSTED, TENANT.EMAIL_HAS_TENANT, TENANT.NOT_ROLLED_BACK, TENANT.SUBDOMAIN_TAKEN */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "TENANT.CONCURRENCY_EXHAUSTED" | "TENANT.EMAIL_HAS_TENANT" | "TENANT.NOT_ROLLED_BACK" | "TENANT.SUBDOMAIN_TAKEN";
                        /** @description The tenant this email address already owns. */
                        subdomain?: string;
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Tenants_suspend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Who acts (recorded as the operator actor; `api` when absent or malformed). */
                "X-Operator"?: string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantCommandResult"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: TENANT.CONCURRENCY_EXHAUSTED, TENANT.NOT_ACTIVE */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "TENANT.CONCURRENCY_EXHAUSTED" | "TENANT.NOT_ACTIVE";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Tenants_resume: {
        parameters: {
            query?: never;
            header?: {
                /** @description Who acts (recorded as the operator actor; `api` when absent or malformed). */
                "X-Operator"?: string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantCommandResult"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: TENANT.CONCURRENCY_EXHAUSTED, TENANT.NOT_SUSPENDED */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "TENANT.CONCURRENCY_EXHAUSTED" | "TENANT.NOT_SUSPENDED";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    TenantStream_events: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this revision: no snapshot, the events after it, then live ones. */
                "Last-Event-ID"?: string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream: `retry: 2000`, a snapshot (unless resuming), one message per event, `: heartbeat` comments; ends once the tenant settles. */
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-cache, no-transform";
                    /** @description Tells nginx not to buffer the stream. */
                    "X-Accel-Buffering": "no";
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["TenantStreamMessage"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    TenantStream_history: {
        parameters: {
            query?: {
                /** @description ISO-8601 instant; default now */
                asOf?: string;
            };
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantHistory"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Credentials_verify: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyCredentialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsVerified"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.INVALID_CREDENTIALS, AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.INVALID_CREDENTIALS" | "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: AUTH.EMAIL_UNVERIFIED */
            403: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 403;
                        /** @enum {string} */
                        code: "AUTH.EMAIL_UNVERIFIED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Seconds to wait. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 429;
                        /** @enum {string} */
                        code: "REQUEST.RATE_LIMITED";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    EmailVerification_verify: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UseVerificationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerified"];
                };
            };
            /** @description Problem: EMAIL.VERIFICATION_INVALID, REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "EMAIL.VERIFICATION_INVALID" | "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: TENANT.CONCURRENCY_EXHAUSTED */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "TENANT.CONCURRENCY_EXHAUSTED";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Seconds to wait. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 429;
                        /** @enum {string} */
                        code: "REQUEST.RATE_LIMITED";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    EmailVerification_resend: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendVerificationDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResendAccepted"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: TENANT.CONCURRENCY_EXHAUSTED */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "TENANT.CONCURRENCY_EXHAUSTED";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.RATE_LIMITED */
            429: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    /** @description Seconds to wait. */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 429;
                        /** @enum {string} */
                        code: "REQUEST.RATE_LIMITED";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Requests allowed per minute from this address on this kind of route. */
                    "X-RateLimit-Limit"?: number;
                    /** @description Requests left in the current minute. */
                    "X-RateLimit-Remaining"?: number;
                    /** @description Seconds until the window starts over. */
                    "X-RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Lookup_find: {
        parameters: {
            query?: {
                /** @description Subdomain (case-insensitive); give this or email */
                subdomain?: string;
                /** @description Admin email (case-insensitive); give this or subdomain */
                email?: string;
            };
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantLookup"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "SERVICE.UNAVAILABLE";
                        /** @description Each health check and its outcome. */
                        checks?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    Lookup_list: {
        parameters: {
            query?: {
                /** @description Repeat the parameter or separate with commas */
                status?: ("Requested" | "Provisioning" | "Active" | "Failed" | "RollingBack" | "RolledBack" | "Broken" | "Suspended" | "Deprovisioning" | "Deprovisioned")[];
                limit?: number;
                offset?: number;
            };
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantLookupPage"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control"?: "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "SERVICE.UNAVAILABLE";
                        /** @description Each health check and its outcome. */
                        checks?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    Reveal_overview: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsOverview"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Reveal_reveal: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
                credential: "api-secret" | "admin-password";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedApiSecret"] | components["schemas"]["RevealedAdminPassword"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: CREDENTIALS.ALREADY_REVEALED, CREDENTIALS.NOT_AVAILABLE, TENANT.CONCURRENCY_EXHAUSTED */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "CREDENTIALS.ALREADY_REVEALED" | "CREDENTIALS.NOT_AVAILABLE" | "TENANT.CONCURRENCY_EXHAUSTED";
                    };
                };
            };
            /** @description Problem: SECRETS.KEY_DESTROYED */
            410: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 410;
                        /** @enum {string} */
                        code: "SECRETS.KEY_DESTROYED";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Reveal_rotate: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path: {
                /** @description The tenant id (any other text answers 404 TENANT.NOT_FOUND). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    "Cache-Control": "no-store";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsOverview"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: TENANT.NOT_FOUND */
            404: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 404;
                        /** @enum {string} */
                        code: "TENANT.NOT_FOUND";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: CREDENTIALS.NOT_AVAILABLE, CREDENTIALS.ROTATION_IN_PROGRESS, TENANT.CONCURRENCY_EXHAUSTED, TENANT.NOT_ACTIVE */
            409: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 409;
                        /** @enum {string} */
                        code: "CREDENTIALS.NOT_AVAILABLE" | "CREDENTIALS.ROTATION_IN_PROGRESS" | "TENANT.CONCURRENCY_EXHAUSTED" | "TENANT.NOT_ACTIVE";
                    };
                };
            };
            /** @description Problem: SECRETS.KEY_DESTROYED */
            410: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 410;
                        /** @enum {string} */
                        code: "SECRETS.KEY_DESTROYED";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: CREDENTIALS.ROTATION_FAILED */
            502: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 502;
                        /** @enum {string} */
                        code: "CREDENTIALS.ROTATION_FAILED";
                    };
                };
            };
            /** @description Problem: CREDENTIALS.ROTATION_UNAVAILABLE */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "CREDENTIALS.ROTATION_UNAVAILABLE";
                    };
                };
            };
        };
    };
    Ops_health: {
        parameters: {
            query?: {
                /** @description How many hours back the per-hour series reach */
                hours?: number;
            };
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsHealth"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, VALIDATION.FAILED */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "VALIDATION.FAILED";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
        };
    };
    Ops_projectionStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatusView"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "SERVICE.UNAVAILABLE";
                        /** @description Each health check and its outcome. */
                        checks?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    Ops_rebuild: {
        parameters: {
            query?: never;
            header?: {
                /** @description Who acts (recorded as the operator actor; `api` when absent or malformed). */
                "X-Operator"?: string;
                /** @description A correlation id to carry through logs and event metadata (one is made when absent or unusable). */
                "X-Request-Id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebuildRunView"];
                };
            };
            /** @description Problem: REQUEST.BAD, REQUEST.BAD_URL, REQUEST.INVALID_TEXT, REQUEST.MALFORMED_JSON, REQUEST.TOO_DEEP */
            400: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 400;
                        /** @enum {string} */
                        code: "REQUEST.BAD" | "REQUEST.BAD_URL" | "REQUEST.INVALID_TEXT" | "REQUEST.MALFORMED_JSON" | "REQUEST.TOO_DEEP";
                    };
                };
            };
            /** @description Problem: AUTH.UNAUTHORIZED */
            401: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    /** @description Always `Bearer`. */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 401;
                        /** @enum {string} */
                        code: "AUTH.UNAUTHORIZED";
                    };
                };
            };
            /** @description Problem: REQUEST.TIMEOUT */
            408: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 408;
                        /** @enum {string} */
                        code: "REQUEST.TIMEOUT";
                    };
                };
            };
            /** @description Problem: REQUEST.BODY_TOO_LARGE */
            413: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 413;
                        /** @enum {string} */
                        code: "REQUEST.BODY_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: REQUEST.URI_TOO_LONG */
            414: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 414;
                        /** @enum {string} */
                        code: "REQUEST.URI_TOO_LONG";
                    };
                };
            };
            /** @description Problem: REQUEST.UNSUPPORTED_MEDIA_TYPE */
            415: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 415;
                        /** @enum {string} */
                        code: "REQUEST.UNSUPPORTED_MEDIA_TYPE";
                    };
                };
            };
            /** @description Problem: REQUEST.HEADERS_TOO_LARGE */
            431: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 431;
                        /** @enum {string} */
                        code: "REQUEST.HEADERS_TOO_LARGE";
                    };
                };
            };
            /** @description Problem: INTERNAL.ERROR */
            500: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 500;
                        /** @enum {string} */
                        code: "INTERNAL.ERROR";
                    };
                };
            };
            /** @description Problem: SERVICE.UNAVAILABLE */
            503: {
                headers: {
                    /** @description The correlation id: the X-Request-Id sent, or one made for this request. */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /**
                         * @description urn:tlc:problem:<code in lower case>
                         * @example urn:tlc:problem:tenant.not_found
                         */
                        type: string;
                        title: string;
                        /** @description For people; may change. Switch on `code`. */
                        detail: string;
                        /** @description The first field or header at fault. */
                        field?: string;
                        errors?: components["schemas"]["FieldError"][];
                        instance?: string;
                        /** @enum {integer} */
                        status: 503;
                        /** @enum {string} */
                        code: "SERVICE.UNAVAILABLE";
                        /** @description Each health check and its outcome. */
                        checks?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
}
