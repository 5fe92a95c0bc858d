/**
 * GENERATED from the server's OpenAPI document (GET /api/openapi.json) by openapi-typescript — do not edit by hand.
 * Refresh with `npm run api:types`; src/http/web-api-types.test.ts fails when this file and the server drift apart.
 */
/* eslint-disable */
export interface paths {
    "/api/admin-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The administration log (privacy officer): every account, role, approval and team act, and refused attempts, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Page on: the seq of the last line of the previous page. */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                act: string | null;
                                actor: {
                                    id: string | null;
                                    name: string | null;
                                    role: string | null;
                                };
                                address: string | null;
                                /** Format: date-time */
                                at: string;
                                citations: string[];
                                operator: string | null;
                                outcome: string;
                                role: string | null;
                                route: string;
                                seq: string;
                                sessionRecorded: boolean;
                                /** @description A changed organisation setting (change-setting); null for other acts. */
                                setting: {
                                    from: string | null;
                                    /** @description The organisation setting changed (change-setting). */
                                    name: string;
                                    to: string | null;
                                } | null;
                                subject: {
                                    id: string;
                                    name: string | null;
                                } | null;
                                team: {
                                    id: string;
                                    name: string | null;
                                } | null;
                            }[];
                            nextBefore: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's employees */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employees: {
                                active: boolean;
                                displayName: string;
                                /** @description The employee has set their own password and second factor through an enrolment link. */
                                enrolled: boolean;
                                functionTitle: string;
                                id: string;
                                pendingRole: string | null;
                                /** @description The role; in effect unless rolePending. */
                                role: string;
                                /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                                rolePending: boolean;
                                teams: {
                                    id: string;
                                    name: string;
                                }[];
                                totpEnrolled: boolean;
                                username: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an account without credentials; answers a one-time enrolment link for the employee. A privileged role awaits a second person's approval. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        functionTitle: string;
                        /** @enum {string} */
                        role: "care-professional" | "admin-staff" | "intern" | "manager" | "privacy-officer" | "application-administrator";
                        /** @description Lower case letters, digits, dot, dash, underscore; 3–64 characters. */
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employee: {
                                active: boolean;
                                displayName: string;
                                /** @description The employee has set their own password and second factor through an enrolment link. */
                                enrolled: boolean;
                                functionTitle: string;
                                id: string;
                                pendingRole: string | null;
                                /** @description The role; in effect unless rolePending. */
                                role: string;
                                /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                                rolePending: boolean;
                                teams: {
                                    id: string;
                                    name: string;
                                }[];
                                totpEnrolled: boolean;
                                username: string;
                            };
                            /** @description A one-time link for the employee to set their own password and second factor. */
                            enrolment: {
                                /** Format: date-time */
                                expiresAt: string;
                                token: string;
                                /** @description The enrolment page with the token in its fragment: hand it to the employee. Shown this once. */
                                url: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/employees/{employeeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One employee */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            displayName: string;
                            /** @description The employee has set their own password and second factor through an enrolment link. */
                            enrolled: boolean;
                            functionTitle: string;
                            id: string;
                            pendingRole: string | null;
                            /** @description The role; in effect unless rolePending. */
                            role: string;
                            /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                            rolePending: boolean;
                            teams: {
                                id: string;
                                name: string;
                            }[];
                            totpEnrolled: boolean;
                            username: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an employee's name, function or role (a privileged role is asked for: it takes effect when a second person approves) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        functionTitle?: string;
                        /** @enum {string} */
                        role?: "care-professional" | "admin-staff" | "intern" | "manager" | "privacy-officer" | "application-administrator";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            displayName: string;
                            /** @description The employee has set their own password and second factor through an enrolment link. */
                            enrolled: boolean;
                            functionTitle: string;
                            id: string;
                            pendingRole: string | null;
                            /** @description The role; in effect unless rolePending. */
                            role: string;
                            /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                            rolePending: boolean;
                            teams: {
                                id: string;
                                name: string;
                            }[];
                            totpEnrolled: boolean;
                            username: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/employees/{employeeId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account: all its sessions end at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            displayName: string;
                            /** @description The employee has set their own password and second factor through an enrolment link. */
                            enrolled: boolean;
                            functionTitle: string;
                            id: string;
                            pendingRole: string | null;
                            /** @description The role; in effect unless rolePending. */
                            role: string;
                            /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                            rolePending: boolean;
                            teams: {
                                id: string;
                                name: string;
                            }[];
                            totpEnrolled: boolean;
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/employees/{employeeId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            displayName: string;
                            /** @description The employee has set their own password and second factor through an enrolment link. */
                            enrolled: boolean;
                            functionTitle: string;
                            id: string;
                            pendingRole: string | null;
                            /** @description The role; in effect unless rolePending. */
                            role: string;
                            /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                            rolePending: boolean;
                            teams: {
                                id: string;
                                name: string;
                            }[];
                            totpEnrolled: boolean;
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/employees/{employeeId}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset an account (forgotten password, lost phone): the password, second factor, recovery codes and sessions stop working; answers a new one-time enrolment link. A privileged role awaits a second person's approval again. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employee: {
                                active: boolean;
                                displayName: string;
                                /** @description The employee has set their own password and second factor through an enrolment link. */
                                enrolled: boolean;
                                functionTitle: string;
                                id: string;
                                pendingRole: string | null;
                                /** @description The role; in effect unless rolePending. */
                                role: string;
                                /** @description A new account whose privileged role awaits a second person's approval: no rights at all until then. */
                                rolePending: boolean;
                                teams: {
                                    id: string;
                                    name: string;
                                }[];
                                totpEnrolled: boolean;
                                username: string;
                            };
                            /** @description A one-time link for the employee to set their own password and second factor. */
                            enrolment: {
                                /** Format: date-time */
                                expiresAt: string;
                                token: string;
                                /** @description The enrolment page with the token in its fragment: hand it to the employee. Shown this once. */
                                url: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's teams and their members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            teams: {
                                id: string;
                                members: {
                                    displayName: string;
                                    id: string;
                                }[];
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/teams/{teamId}/members/{employeeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add an employee to a team */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Remove an employee from a team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    employeeId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log-in step 1: username and password; answers a challenge for the second factor (no session yet) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One-time id for step 2; valid for five minutes. Not a session. */
                            challenge: string;
                            enrolment?: {
                                otpauthUri: string;
                                /** @description The otpauth URI as a QR code: a data:image/png;base64 URL. */
                                qrCode: string;
                                /** @description The same secret in base32, for typing into an authenticator app. */
                                secret: string;
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** @enum {string} */
                            next: "totp" | "enrol";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log-in step 2 at first log-in: confirm the new TOTP secret with a code; answers ten recovery codes once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string;
                            employeeId: string;
                            organisationId: string;
                            /** @description Ten one-time recovery codes, shown this once. */
                            recoveryCodes: string[];
                            role: string;
                            /** @description True for a new account whose privileged role awaits a second person's approval: every other route is refused until then. */
                            rolePending: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log-in step 2: a TOTP code (RFC 6238) or a recovery code; starts the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string;
                            employeeId: string;
                            organisationId: string;
                            role: string;
                            /** @description True for a new account whose privileged role awaits a second person's approval: every other route is refused until then. */
                            rolePending: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in employee */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string;
                            employeeId: string;
                            organisationId: string;
                            role: string;
                            /** @description True for a new account whose privileged role awaits a second person's approval: every other route is refused until then. */
                            rolePending: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password: ends all your sessions and starts a new one (new cookie) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/caseload/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My caseload with signals, most urgent first: open requests and deadlines, missing care consent, consents ending, evaluation due, emergency accesses
         * @description Only clients the caller has a care relation with (at most 200), each shown logged. The engine ranks (src/rules/caseload-signals.ts); the facts are read with one query per signal kind for the whole caseload.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                birthDate: string;
                                familyName: string;
                                givenNames: string;
                                id: string;
                                signals: {
                                    consentKind?: string;
                                    count?: number;
                                    due?: string;
                                    /** @enum {string} */
                                    kind: "request" | "care-consent-missing" | "consent-expiring" | "evaluation-due" | "emergency-access";
                                    missing?: string[];
                                    never?: boolean;
                                    on?: string;
                                    overdue?: boolean;
                                    requestId?: string;
                                    requestKind?: string;
                                    /** @description The signal in Dutch, dates in words */
                                    text: string;
                                    unreviewed?: boolean;
                                    /** @description 3 urgent, 2 soon, 1 for information */
                                    urgency: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My clients (caseload), or all for administrative roles */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                birthDate: string;
                                careEndedOn?: string | null;
                                familyName: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a client (formal data) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        birthDate: string;
                        /** @description Burgerservicenummer; must pass the elfproef */
                        bsn?: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        careStartedOn?: string;
                        /** Format: email */
                        email?: string;
                        familyName: string;
                        /** @enum {string} */
                        gender: "female" | "male" | "other" | "unknown";
                        givenNames: string;
                        identityCheck?: {
                            /** Format: date-time */
                            checkedAt: string;
                            /** @enum {string} */
                            documentType: "passport" | "identity-card" | "driving-licence" | "residence-permit" | "other";
                        };
                        phone?: string;
                        postcode?: string;
                        streetAddress?: string;
                        town?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's formal data and dossier holder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            birthDate: string;
                            bsn: string | null;
                            corrections: {
                                correctedAt: string;
                                correctedBy: string;
                                field: string;
                                newValue: string;
                                oldValue: string | null;
                                reason: string | null;
                                /** Format: uuid */
                                requestId: string | null;
                            }[];
                            createdAt: string;
                            death: {
                                diedOn: string;
                                recordedAt: string;
                                recordedBy: string;
                                wishInLife: string;
                            } | null;
                            dossier: {
                                careEndedOn: string | null;
                                careStartedOn: string;
                                holder: {
                                    function: string;
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            email: string | null;
                            emergencyAccess: {
                                expiresAt: string;
                                startedAt: string;
                            } | null;
                            families: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            familyName: string;
                            gender: string;
                            givenNames: string;
                            /** Format: uuid */
                            id: string;
                            identityChecks: {
                                checkedAt: string;
                                checkedBy: string;
                                documentType: string;
                            }[];
                            phone: string | null;
                            postcode: string | null;
                            processingRestriction: {
                                notice: string;
                                /** Format: uuid */
                                requestId: string;
                                since: string;
                            } | null;
                            relations: {
                                custodyEstablishedBy: string | null;
                                custodyKind: string | null;
                                establishedHow: string;
                                familyName: string;
                                givenNames: string;
                                hasCustody: boolean;
                                /** Format: uuid */
                                id: string;
                                relation: string;
                                validFrom: string;
                                validTo: string | null;
                            }[];
                            representatives: {
                                rank: number;
                                relationIds: string[];
                            } | null;
                            retention: {
                                explanation: string;
                                held: boolean;
                                keptUntil: string | null;
                            } | null;
                            streetAddress: string | null;
                            town: string | null;
                            transfer: {
                                /** Format: uuid */
                                id: string;
                                recipient: string;
                                recipientKind: string;
                                transferredOn: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/access-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recorded facts that change access (e.g. objection to interns) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            facts: {
                                fact: string;
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                recordedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a fact such as the client's objection to interns; effective at once (anyone in the care team) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        fact: "client-objects-to-interns";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            facts: {
                                fact: string;
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                recordedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/access-facts/{factId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a recorded fact (dossier holder or manager) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    factId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            facts: {
                                fact: string;
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                recordedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who saw this dossier, when and why (privacy officer) */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                actingFor: {
                                    id: string;
                                    name: string | null;
                                    role: string | null;
                                } | null;
                                action: string;
                                address: string | null;
                                at: string;
                                basis: string;
                                citations: string[];
                                employee: {
                                    id: string | null;
                                    name: string | null;
                                    role: string | null;
                                };
                                entryCount: number;
                                outcome: string;
                                part: string;
                                purpose: string | null;
                                seq: string;
                                sessionRecorded: boolean;
                            }[];
                            nextBefore: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/access-log/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same sessions as a spreadsheet (CSV with semicolons, or XLSX): Dutch column heads, Dutch labels, dates in words */
        get: {
            parameters: {
                query: {
                    basis?: "care-relation" | "administrative-task" | "management-purpose" | "emergency" | "consent" | "legal-duty" | "author" | "none";
                    employee?: string;
                    format: "csv" | "xlsx";
                    from?: string;
                    outcome?: "allowed" | "denied" | "not-found";
                    to?: string;
                };
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/access-log/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who saw this dossier, grouped per session (one line per employee and log-in), filtered by employee, days (Dutch time), outcome and basis */
        get: {
            parameters: {
                query?: {
                    basis?: "care-relation" | "administrative-task" | "management-purpose" | "emergency" | "consent" | "legal-duty" | "author" | "none";
                    employee?: string;
                    from?: string;
                    outcome?: "allowed" | "denied" | "not-found";
                    to?: string;
                };
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                id: string;
                                name: string;
                            };
                            employees: {
                                id: string;
                                name: string;
                                role: string;
                            }[];
                            sessions: {
                                actingFor: string | null;
                                actions: string[];
                                addresses: string[];
                                bases: string[];
                                calls: number;
                                emergency: boolean;
                                employee: {
                                    id: string | null;
                                    name: string | null;
                                    role: string | null;
                                };
                                endedAt: string;
                                entries: number;
                                firstSeq: string;
                                lastSeq: string;
                                outcomes: string[];
                                parts: string[];
                                purposes: string[];
                                refused: boolean;
                                sessionRecorded: boolean;
                                startedAt: string;
                            }[];
                            truncated: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agreements made at the start of care (what parents do not receive) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreements: {
                                agreedOn: string;
                                agreement: string;
                                endedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                recordedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a start-of-care agreement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        agreedOn: string;
                        /** @enum {string} */
                        agreement: "no-conversation-reports-to-parents";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/agreements/{agreementId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a start-of-care agreement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agreementId: string;
                    clientId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/care-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whose consent care needs today (the engine), whose is recorded, what is missing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string[];
                            complete: boolean;
                            explanation: string;
                            given: string[];
                            missing: string[];
                            representativesMissing: {
                                name: string;
                                relationId: string;
                            }[];
                            required: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/care-team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has a care relation with this client, and when */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                employee: {
                                    function: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    role: string;
                                };
                                endsOn: string | null;
                                /** Format: uuid */
                                id: string;
                                relation: string;
                                startsOn: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Link an employee to the care team with a role and a period (dossier holder or manager) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        employeeId: string;
                        /** Format: date */
                        endsOn?: string;
                        /** @enum {string} */
                        relation: "holder" | "member" | "substitute" | "intern";
                        /** Format: date */
                        startsOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employee: {
                                function: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: string;
                            };
                            endsOn: string | null;
                            /** Format: uuid */
                            id: string;
                            relation: string;
                            startsOn: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/care-team/{memberId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a care relation (kept in the history; dossier holder or manager) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        endsOn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employee: {
                                function: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: string;
                            };
                            endsOn: string | null;
                            /** Format: uuid */
                            id: string;
                            relation: string;
                            startsOn: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/care-team/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The colleagues who can join the care team (for the dossier holder or a manager, who change it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: {
                                function: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/care-team/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the dossier to a colleague from a day: the holders until then end the day before, optionally staying as members (dossier holder or manager); one transaction */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        employeeId: string;
                        /** @description The holders until then stay in the team as members from that day. */
                        formerHolderStays: boolean;
                        /**
                         * Format: date
                         * @description The new holder's first day; every holder until then ends the day before.
                         */
                        holderFrom: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                employee: {
                                    function: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    role: string;
                                };
                                endsOn: string | null;
                                /** Format: uuid */
                                id: string;
                                relation: string;
                                startsOn: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/competence-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Competence assessments (12+), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assessments: {
                                assessedBy: string;
                                assessedOn: string;
                                competent: boolean;
                                expertConsulted: string;
                                facts: string;
                                /** Format: uuid */
                                id: string;
                                matter: string;
                                representativeRelationId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a competence assessment: facts, expert consulted, who represents */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        assessedOn: string;
                        competent: boolean;
                        expertConsulted: string;
                        facts: string;
                        /** @enum {string} */
                        matter: "dossier-rights" | "care-consent";
                        /** Format: uuid */
                        representativeRelationId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consents to care and to disclosure, with their state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consents: {
                                active: boolean;
                                dataDescription: string | null;
                                declarationReference: string | null;
                                givenBy: string;
                                givenByRelationId: string | null;
                                givenOn: string;
                                /** Format: uuid */
                                id: string;
                                informationGiven: string;
                                kind: string;
                                part: string | null;
                                purpose: string | null;
                                recipient: string | null;
                                validFrom: string;
                                validTo: string | null;
                                withdrawnAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a consent, checked against whose consent the law asks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dataDescription?: string;
                        declarationReference?: string;
                        /** @enum {string} */
                        givenBy: "client" | "legal-representatives" | "representative" | "other-person";
                        /** Format: uuid */
                        givenByRelationId?: string;
                        /** Format: date */
                        givenOn: string;
                        informationGiven: string;
                        /** @enum {string} */
                        kind: "care" | "disclosure";
                        /** @enum {string} */
                        part?: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "raw-test-data" | "third-party-information" | "administrative-data";
                        purpose?: string;
                        recipient?: string;
                        /** Format: date */
                        validFrom?: string;
                        /** Format: date */
                        validTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            dataDescription: string | null;
                            declarationReference: string | null;
                            givenBy: string;
                            givenByRelationId: string | null;
                            givenOn: string;
                            /** Format: uuid */
                            id: string;
                            informationGiven: string;
                            kind: string;
                            part: string | null;
                            purpose: string | null;
                            recipient: string | null;
                            validFrom: string;
                            validTo: string | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/consents/{consentId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a consent, effective at once (AVG 7(3)); only by whoever gave it, or by the client once the law leaves that consent to them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    consentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The registered relation that withdraws (a parent, guardian or other person); not for the client
                         */
                        relationId?: string;
                        /** @enum {string} */
                        withdrawnBy: "client" | "legal-representatives" | "representative" | "other-person";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            dataDescription: string | null;
                            declarationReference: string | null;
                            givenBy: string;
                            givenByRelationId: string | null;
                            givenOn: string;
                            /** Format: uuid */
                            id: string;
                            informationGiven: string;
                            kind: string;
                            part: string | null;
                            purpose: string | null;
                            recipient: string | null;
                            validFrom: string;
                            validTo: string | null;
                            withdrawnAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/contact-data/shieldings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shield the client's formal contact data (address, postcode, town, phone, e-mail) from named relations (the secret-address case) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        shieldedFrom: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            annotationId: string | null;
                            entryId: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            otherPersonConsentedOn: string | null;
                            passage: {
                                end: number;
                                start: number;
                            } | null;
                            reason: string;
                            recordedAt: string;
                            shieldedFrom: string[];
                            shieldedFromNames: string[];
                            /** @description What it covers: text (a passage, or without one the whole entry), title, source, annotation, contact-data. */
                            target: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/death": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's death as it stands, with the record and every correction (the earlier ones marked corrected) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                diedOn: string;
                                recordedAt: string;
                                recordedBy: string;
                                wishInLife: string;
                            } | null;
                            records: {
                                corrected: boolean;
                                diedOn: string | null;
                                establishedHow: string | null;
                                kind: string;
                                recordedAt: string;
                                recordedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record the client's death: from then on heirs and relations are answered by Jeugdwet 7.3.12a */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        diedOn: string;
                        /** @enum {string} */
                        wishInLife?: "none" | "consented" | "objected";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            diedOn: string;
                            recordedAt: string;
                            recordedBy: string;
                            wishInLife: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/death/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a recorded death (another day, or not deceased): a new row, the earlier one kept and shown as corrected */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        correction: "died-on" | "not-deceased";
                        /** Format: date */
                        diedOn?: string;
                        /** @enum {string} */
                        establishedHow: "brp" | "death-certificate" | "family" | "other-document";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                diedOn: string;
                                recordedAt: string;
                                recordedBy: string;
                                wishInLife: string;
                            } | null;
                            records: {
                                corrected: boolean;
                                diedOn: string | null;
                                establishedHow: string | null;
                                kind: string;
                                recordedAt: string;
                                recordedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was shared with whom, when and on what basis */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            disclosures: {
                                basis: string;
                                citations: string[];
                                clientToldBeforehand: boolean;
                                disclosedOn: string;
                                /** Format: uuid */
                                entryId: string | null;
                                /** Format: uuid */
                                id: string;
                                part: string;
                                recipient: string;
                                /** @enum {string|null} */
                                researchGround: "consent-not-possible" | "consent-not-required" | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a disclosure, checked by the engine; also written as a dossier entry */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        basis: "consent" | "family-guardian-threat" | "research" | "cbs-statistics" | "municipality-billing" | "inspectorate" | "disciplinary-or-legal-procedure" | "conflict-of-duties" | "child-protection-report";
                        clientToldBeforehand: boolean;
                        /** Format: uuid */
                        consentId?: string;
                        /** Format: date */
                        disclosedOn: string;
                        notToldBecause?: string;
                        /** @enum {string} */
                        part: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "raw-test-data" | "third-party-information" | "administrative-data" | "personal-work-note";
                        recipient: string;
                        research?: {
                            /** @description The client, or whoever acts for them, explicitly objected (lid 2(c)) */
                            clientObjected: boolean;
                            /** @description The safeguards and why consent is not asked; written in the dossier entry */
                            explanation: string;
                            /** @enum {string} */
                            ground: "consent-not-possible" | "consent-not-required";
                            /** @description The data go in a form that prevents tracing them to the client (lid 1(b)) */
                            notTraceable: boolean;
                            /** @description The research serves the public interest and cannot be done without these data (lid 2(a)-(b)) */
                            publicInterestAndNecessary: boolean;
                        };
                        what: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string;
                            citations: string[];
                            clientToldBeforehand: boolean;
                            disclosedOn: string;
                            /** Format: uuid */
                            entryId: string | null;
                            /** Format: uuid */
                            id: string;
                            part: string;
                            recipient: string;
                            /** @enum {string|null} */
                            researchGround: "consent-not-possible" | "consent-not-required" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own drafts about this client (nobody else's), last saved first: those about no request, or those about `requestId` */
        get: {
            parameters: {
                query?: {
                    requestId?: string;
                };
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            drafts: {
                                /** Format: uuid */
                                clientId: string;
                                entryId: string | null;
                                expiresAt: string;
                                fields: {
                                    /** @enum {string} */
                                    annotationKind?: "incorrect" | "outdated" | "addition";
                                    consultedProfessional?: string;
                                    facts?: ("factual-error" | "serious-harm-assessed" | "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure" | "other-person-consents" | "compelling-interest")[];
                                    /** @enum {string} */
                                    kind?: "referral" | "intake-report" | "help-question" | "plan" | "evaluation" | "conversation-report" | "research-report" | "raw-test-data" | "case-discussion" | "court-decision" | "correspondence" | "third-party-information" | "strengths-inventory" | "work-agreement" | "decision" | "information-given" | "disclosure" | "meldcode-step" | "freedom-restriction" | "own-statement";
                                    noticeSentOn?: string;
                                    occurredOn?: string;
                                    /** @enum {string} */
                                    outcome?: "granted" | "partly" | "refused";
                                    sourceDescription?: string;
                                    /** @enum {string} */
                                    sourceKind?: "client" | "parent" | "guardian" | "family-guardian" | "care-professional" | "other-professional" | "school" | "court" | "municipality" | "other";
                                    /** @enum {string} */
                                    statementType?: "fact" | "opinion";
                                    text?: string;
                                    title?: string;
                                };
                                /** Format: uuid */
                                id: string;
                                requestId: string | null;
                                /** @enum {string} */
                                target: "entry" | "annotation" | "statement" | "decision" | "extension";
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/drafts/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save your draft (new, or yours replaced); not part of the dossier until you post the entry */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    draftId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        entryId?: string;
                        fields: {
                            /** @enum {string} */
                            annotationKind?: "incorrect" | "outdated" | "addition";
                            consultedProfessional?: string;
                            facts?: ("factual-error" | "serious-harm-assessed" | "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure" | "other-person-consents" | "compelling-interest")[];
                            /** @enum {string} */
                            kind?: "referral" | "intake-report" | "help-question" | "plan" | "evaluation" | "conversation-report" | "research-report" | "raw-test-data" | "case-discussion" | "court-decision" | "correspondence" | "third-party-information" | "strengths-inventory" | "work-agreement" | "decision" | "information-given" | "disclosure" | "meldcode-step" | "freedom-restriction" | "own-statement";
                            noticeSentOn?: string;
                            occurredOn?: string;
                            /** @enum {string} */
                            outcome?: "granted" | "partly" | "refused";
                            sourceDescription?: string;
                            /** @enum {string} */
                            sourceKind?: "client" | "parent" | "guardian" | "family-guardian" | "care-professional" | "other-professional" | "school" | "court" | "municipality" | "other";
                            /** @enum {string} */
                            statementType?: "fact" | "opinion";
                            text?: string;
                            title?: string;
                        };
                        /** Format: uuid */
                        requestId?: string;
                        /** @enum {string} */
                        target: "entry" | "annotation" | "statement" | "decision" | "extension";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            entryId: string | null;
                            expiresAt: string;
                            fields: {
                                /** @enum {string} */
                                annotationKind?: "incorrect" | "outdated" | "addition";
                                consultedProfessional?: string;
                                facts?: ("factual-error" | "serious-harm-assessed" | "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure" | "other-person-consents" | "compelling-interest")[];
                                /** @enum {string} */
                                kind?: "referral" | "intake-report" | "help-question" | "plan" | "evaluation" | "conversation-report" | "research-report" | "raw-test-data" | "case-discussion" | "court-decision" | "correspondence" | "third-party-information" | "strengths-inventory" | "work-agreement" | "decision" | "information-given" | "disclosure" | "meldcode-step" | "freedom-restriction" | "own-statement";
                                noticeSentOn?: string;
                                occurredOn?: string;
                                /** @enum {string} */
                                outcome?: "granted" | "partly" | "refused";
                                sourceDescription?: string;
                                /** @enum {string} */
                                sourceKind?: "client" | "parent" | "guardian" | "family-guardian" | "care-professional" | "other-professional" | "school" | "court" | "municipality" | "other";
                                /** @enum {string} */
                                statementType?: "fact" | "opinion";
                                text?: string;
                                title?: string;
                            };
                            /** Format: uuid */
                            id: string;
                            requestId: string | null;
                            /** @enum {string} */
                            target: "entry" | "annotation" | "statement" | "decision" | "extension";
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Discard your draft (after finalising it, or on purpose); one about a request with its `requestId` */
        delete: {
            parameters: {
                query?: {
                    requestId?: string;
                };
                header?: never;
                path: {
                    clientId: string;
                    draftId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/emergency-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Break the glass, step 1: with a reason, opens the emergency summary only (medication, key contacts, known risks)
         * @description Only for the roles the organisation allows (by default care professionals; never the application administrator); an intern is refused when the client objected to interns, also in an emergency. The rest of the dossier opens only after POST /api/clients/{clientId}/emergency-access/{accessId}/confirm. Both steps are logged (basis emergency) and reviewed afterwards.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the dossier must be opened now (at least 10 characters) */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accessId: string;
                            /** @description Always false here: the rest of the dossier opens only after POST …/emergency-access/{accessId}/confirm */
                            confirmed: boolean;
                            expiresAt: string;
                            summary: {
                                author: string | null;
                                keyContacts: string;
                                knownRisks: string;
                                medication: string;
                                recordedAt: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/emergency-access/{accessId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Break the glass, step 2: confirm that the whole dossier is needed; opens it until the access expires (logged) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accessId: string;
                    clientId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accessId: string;
                            confirmed: boolean;
                            confirmedAt: string;
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/emergency-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The emergency summary: medication, key contacts, known risks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            keyContacts: string;
                            knownRisks: string;
                            medication: string;
                            recordedAt: string | null;
                        };
                    };
                };
            };
        };
        /** Record a new version of the emergency summary (earlier versions stay) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        keyContacts: string;
                        knownRisks: string;
                        medication: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            keyContacts: string;
                            knownRisks: string;
                            medication: string;
                            recordedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/end-of-care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The recorded end of care, or null while the care runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            careEnd: {
                                endedBy: string | null;
                                endedOn: string;
                                reason: string;
                                recordedAt: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record that the care ended (dossier holder or manager; once): the care team closes after that day except the holder, and the retention period counts from this change */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The last day of care: today or before, not before care started.
                         */
                        endedOn: string;
                        /** @enum {string} */
                        reason: "goals-reached" | "client-stopped" | "referred" | "moved" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            careEnd: {
                                endedBy: string | null;
                                endedOn: string;
                                reason: string;
                                recordedAt: string;
                            };
                            membershipsEnded: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Timeline: entries newest first, paged, optionally filtered by kind */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    kind?: ("referral" | "intake-report" | "help-question" | "plan" | "evaluation" | "conversation-report" | "research-report" | "raw-test-data" | "case-discussion" | "court-decision" | "correspondence" | "third-party-information" | "strengths-inventory" | "work-agreement" | "decision" | "information-given" | "disclosure" | "meldcode-step" | "freedom-restriction" | "own-statement")[];
                    limit?: number;
                };
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                annotations: {
                                    author: {
                                        function: string;
                                        id: string;
                                        name: string;
                                    };
                                    /** Format: uuid */
                                    id: string;
                                    kind: string;
                                    reason: string;
                                    recordedAt: string;
                                    requestId: string | null;
                                }[];
                                author: {
                                    function: string;
                                    id: string;
                                    name: string;
                                };
                                disputes: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                kindLabel: string;
                                occurredOn: string | null;
                                recordedAt: string;
                                source: {
                                    description: string | null;
                                    kind: string;
                                };
                                statements: {
                                    /** Format: uuid */
                                    id: string;
                                    recordedAt: string;
                                    source: {
                                        description: string | null;
                                        kind: string;
                                    };
                                    text: string;
                                    title: string | null;
                                }[];
                                statementType: string | null;
                                text: string;
                                title: string | null;
                            }[];
                            nextCursor: string | null;
                            processingRestriction: {
                                notice: string;
                                /** Format: uuid */
                                requestId: string;
                                since: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an entry to the dossier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "referral" | "intake-report" | "help-question" | "plan" | "evaluation" | "conversation-report" | "research-report" | "raw-test-data" | "case-discussion" | "court-decision" | "correspondence" | "third-party-information" | "strengths-inventory" | "work-agreement" | "decision" | "information-given" | "disclosure" | "meldcode-step" | "freedom-restriction" | "own-statement";
                        /** Format: date */
                        occurredOn?: string;
                        source: {
                            description?: string;
                            /** @enum {string} */
                            kind: "client" | "parent" | "guardian" | "family-guardian" | "care-professional" | "other-professional" | "school" | "court" | "municipality" | "other";
                        };
                        /** @enum {string} */
                        statementType?: "fact" | "opinion";
                        text: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            annotations: {
                                author: {
                                    function: string;
                                    id: string;
                                    name: string;
                                };
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                reason: string;
                                recordedAt: string;
                                requestId: string | null;
                            }[];
                            author: {
                                function: string;
                                id: string;
                                name: string;
                            };
                            disputes: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            kindLabel: string;
                            occurredOn: string | null;
                            recordedAt: string;
                            source: {
                                description: string | null;
                                kind: string;
                            };
                            statements: {
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                source: {
                                    description: string | null;
                                    kind: string;
                                };
                                text: string;
                                title: string | null;
                            }[];
                            statementType: string | null;
                            text: string;
                            title: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/entries/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry with its annotations (its history) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            annotations: {
                                author: {
                                    function: string;
                                    id: string;
                                    name: string;
                                };
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                reason: string;
                                recordedAt: string;
                                requestId: string | null;
                            }[];
                            author: {
                                function: string;
                                id: string;
                                name: string;
                            };
                            disputes: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            kindLabel: string;
                            occurredOn: string | null;
                            recordedAt: string;
                            source: {
                                description: string | null;
                                kind: string;
                            };
                            statements: {
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                source: {
                                    description: string | null;
                                    kind: string;
                                };
                                text: string;
                                title: string | null;
                            }[];
                            statementType: string | null;
                            text: string;
                            title: string | null;
                        };
                    };
                };
            };
        };
        /** Refused: entries cannot be changed or deleted; add an annotation instead */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            /** @description Whatever is sent, the request is refused with the reason; nothing in the body is read. */
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        /** Refused: entries cannot be changed or deleted; add an annotation instead */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            /** @description Whatever is sent, the request is refused with the reason; nothing in the body is read. */
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Refused: entries cannot be changed or deleted; add an annotation instead */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            /** @description Whatever is sent, the request is refused with the reason; nothing in the body is read. */
            requestBody?: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/clients/{clientId}/entries/{entryId}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Annotate an entry (e.g. "bij nader inzien onjuist"); the entry itself is never changed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "incorrect" | "outdated" | "addition";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            annotations: {
                                author: {
                                    function: string;
                                    id: string;
                                    name: string;
                                };
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                reason: string;
                                recordedAt: string;
                                requestId: string | null;
                            }[];
                            author: {
                                function: string;
                                id: string;
                                name: string;
                            };
                            disputes: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            kindLabel: string;
                            occurredOn: string | null;
                            recordedAt: string;
                            source: {
                                description: string | null;
                                kind: string;
                            };
                            statements: {
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                source: {
                                    description: string | null;
                                    kind: string;
                                };
                                text: string;
                                title: string | null;
                            }[];
                            statementType: string | null;
                            text: string;
                            title: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/entries/{entryId}/portal-release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The holder releases an entry to the client portal now, or withholds it: serious harm after consulting another professional (Jeugdwet 7.3.2 lid 4) or another's privacy (7.3.10) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        consultedEmployeeId?: string;
                        /** @enum {string} */
                        decision: "release" | "withhold";
                        /** @enum {string} */
                        ground?: "serious-harm" | "privacy-of-another";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consulted: string | null;
                            decidedBy: string | null;
                            entryId: string;
                            ground: string | null;
                            /** @enum {string} */
                            state: "released" | "waiting" | "withheld";
                            /** @description Dutch: "Zichtbaar in portaal vanaf …", "In het portaal sinds …", "Niet in het portaal: achtergehouden om …". */
                            text: string;
                            visibleFrom: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/entries/{entryId}/shieldings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shield a field of an entry — a passage or the whole text, the title, the source description or an annotation: information about another person, or shielded from named relations */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    entryId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        annotationId?: string;
                        /** @enum {string} */
                        kind: "about-another-person" | "shielded-from";
                        passage?: {
                            end: number;
                            start: number;
                        };
                        reason: string;
                        shieldedFrom?: string[];
                        /** @enum {string} */
                        target?: "text" | "title" | "source" | "annotation";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            annotationId: string | null;
                            entryId: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            otherPersonConsentedOn: string | null;
                            passage: {
                                end: number;
                                start: number;
                            } | null;
                            reason: string;
                            recordedAt: string;
                            shieldedFrom: string[];
                            shieldedFromNames: string[];
                            /** @description What it covers: text (a passage, or without one the whole entry), title, source, annotation, contact-data. */
                            target: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/formal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the client's address or contact details; the old values stay in the history with how the new ones became known */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string;
                        phone?: string;
                        postcode?: string;
                        /** @description How the new details became known, e.g. "passed on by the mother, by phone". */
                        reason: string;
                        streetAddress?: string;
                        town?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corrections: {
                                correctedAt: string;
                                correctedBy: string;
                                field: string;
                                newValue: string;
                                oldValue: string | null;
                                reason: string | null;
                                /** Format: uuid */
                                requestId: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/clients/{clientId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal conversations of the client with the care team, each oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                attachmentMaxBytes: number;
                                attachmentTypes: string[];
                                textMaxChars: number;
                            };
                            threads: {
                                /** Format: uuid */
                                accountId: string;
                                messages: {
                                    attachments: {
                                        bytes: number;
                                        /** Format: uuid */
                                        id: string;
                                        mediaType: string;
                                        name: string;
                                    }[];
                                    author: string;
                                    from: "portal" | "team";
                                    /** Format: uuid */
                                    id: string;
                                    readByOtherSide: boolean;
                                    sentAt: string;
                                    sentOn: string;
                                    text: string;
                                }[];
                                unanswered: number;
                                with: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/messages/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a portal user in their conversation; recorded in the dossier as correspondence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachment?: {
                            contentBase64: string;
                            name: string;
                        };
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attachments: {
                                bytes: number;
                                /** Format: uuid */
                                id: string;
                                mediaType: string;
                                name: string;
                            }[];
                            author: string;
                            from: "portal" | "team";
                            /** Format: uuid */
                            id: string;
                            readByOtherSide: boolean;
                            sentAt: string;
                            sentOn: string;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/messages/{messageId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment of a message (PDF, PNG or JPEG) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: string;
                    clientId: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/portal-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client-portal accounts of this dossier and their state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                accountId: string;
                                name: string;
                                relationId: string | null;
                                /** @enum {string} */
                                state: "active" | "invited" | "invitation-expired";
                                stateText: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/portal-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite the client (from 12) or a registered relation to the client portal after an identity check; answers the one-time link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        identityCheck: {
                            /** @enum {string} */
                            documentType: "passport" | "identity-card" | "driving-licence" | "residence-permit" | "other";
                        };
                        /** Format: uuid */
                        relationId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                            basis: string[];
                            /** Format: date-time */
                            expiresAt: string;
                            expiresOnText: string;
                            explanation: string;
                            invitationId: string;
                            /** @description The one-time link to hand over (shown once; only its hash is stored). */
                            link: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/portal-releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** From when each entry is in the client portal, and whether the caller may release or withhold entries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mayRelease: boolean;
                            mayWithhold: boolean;
                            releaseDays: number;
                            releases: {
                                consulted: string | null;
                                decidedBy: string | null;
                                entryId: string;
                                ground: string | null;
                                /** @enum {string} */
                                state: "released" | "waiting" | "withheld";
                                /** @description Dutch: "Zichtbaar in portaal vanaf …", "In het portaal sinds …", "Niet in het portaal: achtergehouden om …". */
                                text: string;
                                visibleFrom: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/processing-restriction/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a restriction of processing (AVG 18(3)): the dossier holder, with a reason, after telling the client */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        clientInformedOn: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/relations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a parent, guardian, family guardian, or a representative of an adult (curator, mentor, authorised person, partner, child, sibling), with custody kind and how it was established */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        custodyEstablishedBy?: "by-law-marriage" | "by-law-mother" | "recognition" | "court-decision" | "guardianship-order" | "appointed-by-will";
                        /** @enum {string} */
                        custodyKind?: "two-headed-parental" | "single-headed-parental" | "joint-with-non-parent" | "guardianship" | "guardianship-institution" | "temporarily-none" | "undeterminable";
                        /** Format: email */
                        email?: string;
                        establishedHow: string;
                        familyName: string;
                        givenNames: string;
                        hasCustody: boolean;
                        institution?: string;
                        phone?: string;
                        /** @enum {string} */
                        relation: "parent" | "guardian" | "family-guardian" | "foster-parent" | "confidential-advisor" | "other" | "curator" | "mentor" | "authorised" | "partner" | "child" | "sibling";
                        /** Format: date */
                        validFrom: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/relations/{relationId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a relation (custody changed); the history stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    relationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        validTo: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client's requests, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: {
                                channel: string;
                                deadline: string;
                                deadlines: {
                                    appealDeadline: string | null;
                                    basis: string[];
                                    decisionDeadline: string;
                                    explanation: string;
                                    extended: boolean;
                                    late: boolean;
                                };
                                decision: {
                                    answerReceivedOn: string | null;
                                    appealDeadline: string | null;
                                    basis: string[];
                                    consultedProfessional: string | null;
                                    decidedOn: string;
                                    destruction: {
                                        grantedEntryIds: string[];
                                        refused: {
                                            entryIds: string[];
                                            /** @enum {string} */
                                            ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                        }[];
                                    } | null;
                                    destructionConfirmation: {
                                        confirmedAt: string;
                                        /** Format: uuid */
                                        confirmedBy: string;
                                    } | null;
                                    executionDeadline: string | null;
                                    facts: string[];
                                    outcome: string;
                                    reasons: string;
                                } | null;
                                details: string;
                                extension: {
                                    noticeSentOn: string;
                                    reasons: string | null;
                                } | null;
                                extensionNoticeOn: string | null;
                                feeCents: number | null;
                                fulfilledOn: string | null;
                                /** Format: uuid */
                                id: string;
                                identityChecked: {
                                    checkedAt: string;
                                    documentType: string;
                                } | null;
                                intake: {
                                    basis: string[];
                                    consent: {
                                        declarationReference: string | null;
                                        givenOn: string;
                                        how: string;
                                        of: string[];
                                        recordedOn: string;
                                    } | null;
                                    consentMissing: string[];
                                    consentRecordedOn: string | null;
                                    explanation: string;
                                    outcome: string;
                                };
                                kind: string;
                                overdue: boolean;
                                part: string;
                                receivedOn: string;
                                requester: {
                                    kind: string;
                                    label: string;
                                    name: string | null;
                                    relationId: string | null;
                                };
                                state: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a request; the engine decides whether this requester may make it (a refusal is recorded with its reasons) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "written" | "electronic" | "in-person";
                        details: string;
                        identityCheck?: {
                            /** @enum {string} */
                            documentType: "passport" | "identity-card" | "driving-licence" | "residence-permit" | "other";
                        };
                        /** @enum {string} */
                        kind: "inspect" | "copy" | "correct" | "add-statement" | "destroy" | "restrict" | "object" | "portability" | "withdraw-consent" | "general-information";
                        /** @enum {string} */
                        part?: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "raw-test-data" | "third-party-information" | "administrative-data" | "personal-work-note";
                        /** Format: date */
                        receivedOn: string;
                        /** Format: uuid */
                        requesterRelationId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request with its intake, deadline and decision */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/answer-received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the day the requester received the answer: the appeal deadline (six weeks) runs from it; none after a late decision (003 §4) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The day the requester received the answer; the six weeks to go to court run from it (003 §4)
                         */
                        receivedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/confirm-destruction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second person confirms a granted destruction before it is carried out (organisation setting, on by default): the dossier holder, a manager or the privacy officer, never the decider */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the consent the engine said was missing: when and how it was given, and the declaration */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Where the written or electronic declaration is kept (required unless given in person) */
                        declarationReference?: string;
                        /**
                         * Format: date
                         * @description When the consent was given
                         */
                        givenOn: string;
                        /** @enum {string} */
                        how: "in-writing" | "electronic" | "in-person";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/copy.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The copy of the dossier for a granted copy request: shielding applied, raw test data listed only, numbered pages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide: granted, partly or refused, with reasons and the facts established; checked against the engine */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        consultedProfessional?: string;
                        destruction?: {
                            grantedEntryIds: string[];
                            refused: {
                                entryIds: string[];
                                /** @enum {string} */
                                ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                            }[];
                        };
                        facts?: ("factual-error" | "serious-harm-assessed" | "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure" | "other-person-consents" | "compelling-interest")[];
                        /** @enum {string} */
                        outcome: "granted" | "partly" | "refused";
                        reasons: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/download-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The download links of a request, with their state and how often fetched */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                createdAt: string;
                                expiresAt: string;
                                fetches: number;
                                /** Format: uuid */
                                id: string;
                                revokedAt: string | null;
                                /** @enum {string} */
                                state: "active" | "expired" | "revoked" | "locked";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Prepare the copy of a granted electronic copy request as a download for the requester, valid 7 days (token and code shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @description The web page for the requester; the token is in the fragment, never sent to a server. */
                            path: string;
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/download-links/{linkId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a download link at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    linkId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the extension notice with its reasons; extends by two months only when sent within the first month with the reasons (AVG 12(3)) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description The day the notice of the extension was sent
                         */
                        noticeSentOn: string;
                        /** @description The reasons for the delay, as the notice gave them (AVG 12(3)) */
                        reasons: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fulfil a decided request: correct (formal data with history; an entry by annotation — a finding is refused, own statement offered), add-statement, restrict, withdraw-consent (only the one whose consent it is), object, destroy (only the granted entries when partly granted), general-information (returned as `generalInformation`); a fee only for extra copies */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        consentId?: string;
                        corrections?: ({
                            /** @enum {string} */
                            field: "bsn" | "familyName" | "givenNames" | "birthDate" | "gender" | "streetAddress" | "postcode" | "town" | "phone" | "email";
                            value: string;
                        } | {
                            /** Format: uuid */
                            entryId: string;
                            reason: string;
                        })[];
                        feeCents?: number;
                        objection?: {
                            processing: string;
                        };
                        statement?: {
                            /** Format: uuid */
                            entryId: string;
                            text: string;
                            title?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            generalInformation?: {
                                addressee: string | null;
                                basis: string[];
                                careEndedOn: string | null;
                                careStartedOn: string | null;
                                clientName: string;
                                goals: {
                                    items: {
                                        date: string;
                                        text: string;
                                        title: string | null;
                                    }[];
                                    planDates: string[];
                                    withheld: number;
                                };
                                madeOn: string;
                                /** Format: uuid */
                                requestId: string;
                                results: {
                                    evaluationDates: string[];
                                    items: {
                                        date: string;
                                        text: string;
                                        title: string | null;
                                    }[];
                                    withheld: number;
                                };
                            };
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/identity-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the requester's identity was checked, and with which document (never a copy of it); needed before inspection, a copy handed over, portability or destruction */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        documentType: "passport" | "identity-card" | "driving-licence" | "residence-permit" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            deadline: string;
                            deadlines: {
                                appealDeadline: string | null;
                                basis: string[];
                                decisionDeadline: string;
                                explanation: string;
                                extended: boolean;
                                late: boolean;
                            };
                            decision: {
                                answerReceivedOn: string | null;
                                appealDeadline: string | null;
                                basis: string[];
                                consultedProfessional: string | null;
                                decidedOn: string;
                                destruction: {
                                    grantedEntryIds: string[];
                                    refused: {
                                        entryIds: string[];
                                        /** @enum {string} */
                                        ground: "significant-interest-of-another" | "good-care-requires-keeping" | "needed-for-procedure";
                                    }[];
                                } | null;
                                destructionConfirmation: {
                                    confirmedAt: string;
                                    /** Format: uuid */
                                    confirmedBy: string;
                                } | null;
                                executionDeadline: string | null;
                                facts: string[];
                                outcome: string;
                                reasons: string;
                            } | null;
                            details: string;
                            extension: {
                                noticeSentOn: string;
                                reasons: string | null;
                            } | null;
                            extensionNoticeOn: string | null;
                            feeCents: number | null;
                            fulfilledOn: string | null;
                            /** Format: uuid */
                            id: string;
                            identityChecked: {
                                checkedAt: string;
                                documentType: string;
                            } | null;
                            intake: {
                                basis: string[];
                                consent: {
                                    declarationReference: string | null;
                                    givenOn: string;
                                    how: string;
                                    of: string[];
                                    recordedOn: string;
                                } | null;
                                consentMissing: string[];
                                consentRecordedOn: string | null;
                                explanation: string;
                                outcome: string;
                            };
                            kind: string;
                            overdue: boolean;
                            part: string;
                            receivedOn: string;
                            requester: {
                                kind: string;
                                label: string;
                                name: string | null;
                                relationId: string | null;
                            };
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/letter.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter on a request (Dutch, B1), as PDF: the decision with what is withheld and why and the legal routes, or before it the extension notice (AVG 12(3)); for granted general information (BW 1:377c) the information itself */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/portability.fhir.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Portability export (AVG 20) as a FHIR R4 Bundle (Patient, RelatedPerson, Consent, DocumentReference) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/portability.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Portability export (AVG 20) as JSON, in the documented schema */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                /** Format: date */
                                birthDate: string;
                                bsn: string | null;
                                /** @description true: address, postcode, town, phone and e-mail are null because this recipient may not have them (docs/portability.md, "Contact data"), not because they are unknown. */
                                contactDataLeftOut: boolean;
                                /** @description When a shielding of the contact data applies to this recipient: its ground, never the data. */
                                contactDataWithheld: {
                                    basis: string[];
                                    /** @description What was withheld: a passage of the text, the title, the source description, an annotation, the contact data. */
                                    field: "text" | "title" | "source" | "annotation" | "contact-data";
                                    /** @description Why it was withheld (Dutch), never what. */
                                    ground: string;
                                } | null;
                                email: string | null;
                                familyName: string;
                                gender: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                                phone: string | null;
                                postcode: string | null;
                                streetAddress: string | null;
                                town: string | null;
                            };
                            consents: {
                                active: boolean;
                                givenBy: string;
                                /** Format: date */
                                givenOn: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                purpose: string | null;
                                recipient: string | null;
                                /** Format: date */
                                validFrom: string;
                                /** Format: date */
                                validTo: string | null;
                                withdrawn: boolean;
                            }[];
                            entries: {
                                annotations: {
                                    kind: string;
                                    reason: string;
                                    /** Format: date-time */
                                    recordedAt: string;
                                }[];
                                author: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The kind of entry, in Dutch. */
                                kind: string;
                                /** Format: date-time */
                                recordedAt: string;
                                /** @description A shielded source description is replaced by […afgeschermd…]. */
                                source: string;
                                /** @description The client's own statements disputing this entry, shown beside it (AVG 16; 003 §3.4). */
                                statements: {
                                    /** Format: date-time */
                                    recordedAt: string;
                                    source: string;
                                    text: string;
                                }[];
                                statementType: string | null;
                                /** @description Shielded passages are replaced by […afgeschermd…]. */
                                text: string;
                                /** @description A shielded title is replaced by […afgeschermd…]. */
                                title: string | null;
                                /** @description What of this entry was withheld from this recipient (passages, title, source, annotations), each with its ground. */
                                withheldParts: {
                                    basis: string[];
                                    /** @description What was withheld: a passage of the text, the title, the source description, an annotation, the contact data. */
                                    field: "text" | "title" | "source" | "annotation" | "contact-data";
                                    /** @description Why it was withheld (Dutch), never what. */
                                    ground: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            exportedAt: string;
                            /**
                             * @description Identifies this format.
                             * @enum {string}
                             */
                            format: "dossierwijzer-portability";
                            /** @description Raw test data: not exported, available for inspection (003 §2.3.11). */
                            inspectionOnly: {
                                /** Format: date-time */
                                recordedAt: string;
                                title: string | null;
                            }[];
                            organisation: string;
                            /** @description portability: for the client or their representative (AVG 20); transfer: for a successor provider or the Nidos guardian. */
                            reason: "portability" | "transfer";
                            /**
                             * Format: uuid
                             * @description The portability request or the transfer record this export belongs to.
                             */
                            reference: string;
                            relations: {
                                custodyKind: string | null;
                                familyName: string;
                                givenNames: string;
                                hasCustody: boolean;
                                /** Format: uuid */
                                id: string;
                                relation: string;
                                /** Format: date */
                                validFrom: string;
                                /** Format: date */
                                validTo: string | null;
                            }[];
                            /** @enum {number} */
                            version: 1;
                            /** @description Entries left out, with the ground. */
                            withheld: {
                                basis: string[];
                                /** @description Why it was withheld (Dutch), never what. */
                                ground: string;
                                /** Format: date-time */
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/portability.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Portability export (AVG 20) as a spreadsheet: personal data and entries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/requests/{requestId}/view": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the requester of a granted inspection or copy gets: shielding applied, withheld parts marked with their ground */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether the client's contact data may go to this reader in a copy or export. */
                            contactDataAllowed: boolean;
                            contactDataWithheld?: {
                                basis: string[];
                                field?: string;
                                ground: string;
                            };
                            entries: {
                                annotations?: {
                                    kind?: string;
                                    reason?: string;
                                    recordedAt?: string;
                                }[];
                                author?: string;
                                id?: string;
                                kindLabel?: string;
                                recordedAt?: string;
                                shown?: boolean;
                                source?: string;
                                statements?: {
                                    recordedAt?: string;
                                    source?: string;
                                    text?: string;
                                }[];
                                statementType?: string | null;
                                text?: string;
                                title?: string | null;
                                withheld?: {
                                    basis: string[];
                                    field?: string;
                                    ground: string;
                                };
                                withheldPassages?: {
                                    basis: string[];
                                    field?: string;
                                    ground: string;
                                }[];
                            }[];
                            inspectionOnly: {
                                recordedAt: string;
                                title: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/retention/good-care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The dossier holder records that good care requires keeping the dossier until a day (Jeugdwet 7.3.8), with the reason (sealed under the client's key) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why good care requires it, e.g. sexual abuse (000); sealed under the client's key */
                        reason: string;
                        /**
                         * Format: date
                         * @description Good care requires keeping the dossier until this day (Jeugdwet 7.3.8)
                         */
                        until: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            explanation: string;
                            goodCare: {
                                reason: string;
                                recordedAt: string;
                                recordedBy: string;
                                until: string;
                            } | null;
                            held: boolean;
                            keptUntil: string | null;
                            lastChange: string;
                            termEnd: string | null;
                            warning: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/shieldings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shieldings in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shieldings: {
                                annotationId: string | null;
                                entryId: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                otherPersonConsentedOn: string | null;
                                passage: {
                                    end: number;
                                    start: number;
                                } | null;
                                reason: string;
                                recordedAt: string;
                                shieldedFrom: string[];
                                shieldedFromNames: string[];
                                /** @description What it covers: text (a passage, or without one the whole entry), title, source, annotation, contact-data. */
                                target: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/shieldings/{shieldingId}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a shielding with a reason (kept in the history) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    shieldingId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/shieldings/{shieldingId}/other-person-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The other person consents to the information about them being shown */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    shieldingId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transfer of this dossier, if any */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            transfer: {
                                citations: string[];
                                /** Format: uuid */
                                disclosureId: string;
                                /** Format: uuid */
                                id: string;
                                recipient: string;
                                recipientKind: string;
                                transferredOn: string;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Transfer the dossier to a successor provider (with consent) or the Nidos guardian; engine-checked, recorded as a disclosure, closes the dossier to new entries */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientToldBeforehand: boolean;
                        /** Format: uuid */
                        consentId?: string;
                        /** Format: uuid */
                        guardianRelationId?: string;
                        notToldBecause?: string;
                        /** @description The successor provider, or the Nidos location. */
                        recipient: string;
                        /** @enum {string} */
                        recipientKind: "successor-provider" | "nidos-guardian";
                        /** Format: date */
                        transferredOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            citations: string[];
                            /** Format: uuid */
                            disclosureId: string;
                            /** Format: uuid */
                            id: string;
                            recipient: string;
                            recipientKind: string;
                            transferredOn: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/transfers/{transferId}/dossier.fhir.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transferred dossier as a FHIR R4 Bundle */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/transfers/{transferId}/dossier.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transferred dossier as data, in the portability schema (docs/portability.md) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                /** Format: date */
                                birthDate: string;
                                bsn: string | null;
                                /** @description true: address, postcode, town, phone and e-mail are null because this recipient may not have them (docs/portability.md, "Contact data"), not because they are unknown. */
                                contactDataLeftOut: boolean;
                                /** @description When a shielding of the contact data applies to this recipient: its ground, never the data. */
                                contactDataWithheld: {
                                    basis: string[];
                                    /** @description What was withheld: a passage of the text, the title, the source description, an annotation, the contact data. */
                                    field: "text" | "title" | "source" | "annotation" | "contact-data";
                                    /** @description Why it was withheld (Dutch), never what. */
                                    ground: string;
                                } | null;
                                email: string | null;
                                familyName: string;
                                gender: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                                phone: string | null;
                                postcode: string | null;
                                streetAddress: string | null;
                                town: string | null;
                            };
                            consents: {
                                active: boolean;
                                givenBy: string;
                                /** Format: date */
                                givenOn: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                purpose: string | null;
                                recipient: string | null;
                                /** Format: date */
                                validFrom: string;
                                /** Format: date */
                                validTo: string | null;
                                withdrawn: boolean;
                            }[];
                            entries: {
                                annotations: {
                                    kind: string;
                                    reason: string;
                                    /** Format: date-time */
                                    recordedAt: string;
                                }[];
                                author: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The kind of entry, in Dutch. */
                                kind: string;
                                /** Format: date-time */
                                recordedAt: string;
                                /** @description A shielded source description is replaced by […afgeschermd…]. */
                                source: string;
                                /** @description The client's own statements disputing this entry, shown beside it (AVG 16; 003 §3.4). */
                                statements: {
                                    /** Format: date-time */
                                    recordedAt: string;
                                    source: string;
                                    text: string;
                                }[];
                                statementType: string | null;
                                /** @description Shielded passages are replaced by […afgeschermd…]. */
                                text: string;
                                /** @description A shielded title is replaced by […afgeschermd…]. */
                                title: string | null;
                                /** @description What of this entry was withheld from this recipient (passages, title, source, annotations), each with its ground. */
                                withheldParts: {
                                    basis: string[];
                                    /** @description What was withheld: a passage of the text, the title, the source description, an annotation, the contact data. */
                                    field: "text" | "title" | "source" | "annotation" | "contact-data";
                                    /** @description Why it was withheld (Dutch), never what. */
                                    ground: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            exportedAt: string;
                            /**
                             * @description Identifies this format.
                             * @enum {string}
                             */
                            format: "dossierwijzer-portability";
                            /** @description Raw test data: not exported, available for inspection (003 §2.3.11). */
                            inspectionOnly: {
                                /** Format: date-time */
                                recordedAt: string;
                                title: string | null;
                            }[];
                            organisation: string;
                            /** @description portability: for the client or their representative (AVG 20); transfer: for a successor provider or the Nidos guardian. */
                            reason: "portability" | "transfer";
                            /**
                             * Format: uuid
                             * @description The portability request or the transfer record this export belongs to.
                             */
                            reference: string;
                            relations: {
                                custodyKind: string | null;
                                familyName: string;
                                givenNames: string;
                                hasCustody: boolean;
                                /** Format: uuid */
                                id: string;
                                relation: string;
                                /** Format: date */
                                validFrom: string;
                                /** Format: date */
                                validTo: string | null;
                            }[];
                            /** @enum {number} */
                            version: 1;
                            /** @description Entries left out, with the ground. */
                            withheld: {
                                basis: string[];
                                /** @description Why it was withheld (Dutch), never what. */
                                ground: string;
                                /** Format: date-time */
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/transfers/{transferId}/dossier.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transferred dossier as PDF: the recipient's view, withheld parts named with their ground */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                    transferId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/wishes-after-death": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the client recorded in life about inspection after death, per person or for everyone (Jeugdwet 7.3.12a lid 1(a), lid 4) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            wishes: {
                                expressedHow: string;
                                expressedOn: string;
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                recordedBy: string;
                                relationId: string | null;
                                relationName: string | null;
                                replaced: boolean;
                                wish: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record what the client wanted in life about one person's (or everyone's) inspection after death; a later wish replaces an earlier one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        expressedHow: "in-writing" | "electronic";
                        /** Format: date */
                        expressedOn: string;
                        /** Format: uuid */
                        relationId?: string;
                        /** @enum {string} */
                        wish: "consented" | "objected" | "withdrawn";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            wishes: {
                                expressedHow: string;
                                expressedOn: string;
                                /** Format: uuid */
                                id: string;
                                recordedAt: string;
                                recordedBy: string;
                                relationId: string | null;
                                relationName: string | null;
                                replaced: boolean;
                                wish: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/{clientId}/work-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a personal work note about this client (outside the dossier, only for you) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Days until the note is destroyed (default DW_WORK_NOTE_DAYS, 30) */
                        expiresInDays?: number;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            createdAt: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/find": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a client in the organisation by part of the name, birth date or BSN; outside one's caseload only name and birth year
         * @description Exactly one of name (at least 2 letters), birthDate or bsn (exact). At most 20 clients. Clients the caller may see come with their birth date; for clients outside the caller's reach, shown only to roles that may break the glass in this organisation (never an intern for a client who objected to interns), only name and birth year, and the id to ask emergency access with. Every client shown is logged; those outside the caseload with the purpose find-client-for-emergency-access.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Exactly one of name, birthDate, bsn. */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        birthDate?: string;
                        /** @description Burgerservicenummer, exact */
                        bsn?: string;
                        /** @description Part of the given names or family name, case-insensitive (at least 2 letters). */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: ({
                                birthDate: string;
                                birthYear: number;
                                familyName: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The caller has a care relation with the client now. */
                                inCaseload: boolean;
                                /** @enum {string} */
                                shown: "client";
                            } | {
                                birthYear: number;
                                familyName: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                shown: "existence";
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clients/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search my clients (or, for administrative roles, all) by name */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 50 */
                        limit?: number;
                        /** @description Part of the given names or family name, case-insensitive. */
                        nameContains: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                birthDate: string;
                                careEndedOn?: string | null;
                                familyName: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/downloads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The requester fetches a prepared copy with the link token and the code (no account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enrolment/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete an enrolment link: your own password and the code from your app; starts a session and answers ten recovery codes once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Six digits from the authenticator app. */
                        code: string;
                        password: string;
                        /** @description As `open` answered it. */
                        state: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            employeeId: string;
                            /** @description Ten one-time recovery codes, shown this once. */
                            recoveryCodes: string[];
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/enrolment/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a one-time enrolment link: who it is for, and a new TOTP secret to add to an authenticator app */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            displayName: string;
                            /** Format: date-time */
                            expiresAt: string;
                            state: string;
                            totp: {
                                otpauthUri: string;
                                /** @description The otpauth URI as a QR code: a data:image/png;base64 URL. */
                                qrCode: string;
                                /** @description The same secret in base32, for typing into an authenticator app. */
                                secret: string;
                            };
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/progress/{progressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a long export started with the header x-dossierwijzer-progress; only for whoever started it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    progressId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            done: number;
                            /** @enum {string} */
                            phase: "read" | "render" | "done";
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/families": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link dossiers you work on into a family (family part with its own entries) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberIds: string[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            members: {
                                clientId: string;
                                name: string;
                            }[];
                            name: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/families/{familyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A family and its members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    familyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            members: {
                                clientId: string;
                                name: string;
                            }[];
                            name: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/families/{familyId}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The family part: entries about the family as a whole */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    familyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                author: {
                                    id: string;
                                    name: string;
                                };
                                id: string;
                                kind: string;
                                recordedAt: string;
                                text: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Write in the family part */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    familyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "family-plan" | "family-conversation-report" | "family-evaluation" | "network-meeting";
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: {
                                id: string;
                                name: string;
                            };
                            id: string;
                            kind: string;
                            recordedAt: string;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/families/{familyId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a client you work on to a family you may open */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    familyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        clientId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            members: {
                                clientId: string;
                                name: string;
                            }[];
                            name: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/message-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The address the caller gets "er is een nieuw bericht" at (null: none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                        };
                    };
                };
            };
        };
        /** Set (or with null remove) the caller's address for new-message notifications */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the organisation's postal address, phone, e-mail and website, as its letters show them (the privacy officer) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E-mail address; empty: none. */
                        email: string;
                        /** @description Phone number, digits with spaces, dashes or brackets; empty: none. */
                        phone: string;
                        /** @description Place ("Utrecht"); empty: none. */
                        place: string;
                        /** @description Street and number, or PO box ("Postbus 123"); empty: none. */
                        postalAddress: string;
                        /** @description Dutch postal code ("3511 AB"); empty: none. */
                        postalCode: string;
                        /** @description Website ("www.example.nl"); empty: none. */
                        website: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact: {
                                /** @description E-mail address; empty: none. */
                                email: string;
                                /** @description Phone number, digits with spaces, dashes or brackets; empty: none. */
                                phone: string;
                                /** @description Place ("Utrecht"); empty: none. */
                                place: string;
                                /** @description Street and number, or PO box ("Postbus 123"); empty: none. */
                                postalAddress: string;
                                /** @description Dutch postal code ("3511 AB"); empty: none. */
                                postalCode: string;
                                /** @description Website ("www.example.nl"); empty: none. */
                                website: string;
                            };
                            destructionSecondConfirmation: boolean;
                            /** @description Roles that may open a dossier in an emergency (break the glass): any of care-professional, intern, admin-staff, manager, privacy-officer; never application-administrator. */
                            emergencyAccessRoles: ("care-professional" | "admin-staff" | "intern" | "manager" | "privacy-officer" | "application-administrator")[];
                            /** @description Whether the caller may change the settings (the privacy officer). */
                            mayChange: boolean;
                            /** @description Days after recording after which an entry reaches the client portal by itself, unless the holder withholds it (Jeugdwet 7.3.2 lid 4, 7.3.10); 0: the day it is recorded. */
                            portalReleaseDays: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's privacy settings: who may break the glass, and the second confirmation of a destruction */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact: {
                                /** @description E-mail address; empty: none. */
                                email: string;
                                /** @description Phone number, digits with spaces, dashes or brackets; empty: none. */
                                phone: string;
                                /** @description Place ("Utrecht"); empty: none. */
                                place: string;
                                /** @description Street and number, or PO box ("Postbus 123"); empty: none. */
                                postalAddress: string;
                                /** @description Dutch postal code ("3511 AB"); empty: none. */
                                postalCode: string;
                                /** @description Website ("www.example.nl"); empty: none. */
                                website: string;
                            };
                            destructionSecondConfirmation: boolean;
                            /** @description Roles that may open a dossier in an emergency (break the glass): any of care-professional, intern, admin-staff, manager, privacy-officer; never application-administrator. */
                            emergencyAccessRoles: ("care-professional" | "admin-staff" | "intern" | "manager" | "privacy-officer" | "application-administrator")[];
                            /** @description Whether the caller may change the settings (the privacy officer). */
                            mayChange: boolean;
                            /** @description Days after recording after which an entry reaches the client portal by itself, unless the holder withholds it (Jeugdwet 7.3.2 lid 4, 7.3.10); 0: the day it is recorded. */
                            portalReleaseDays: number;
                        };
                    };
                };
            };
        };
        /** Change the organisation's privacy settings (the privacy officer) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A destruction on request is carried out only after a second authorised person confirms it. */
                        destructionSecondConfirmation: boolean;
                        /** @description Roles that may open a dossier in an emergency (break the glass): any of care-professional, intern, admin-staff, manager, privacy-officer; never application-administrator. */
                        emergencyAccessRoles: ("care-professional" | "admin-staff" | "intern" | "manager" | "privacy-officer" | "application-administrator")[];
                        /** @description Days after recording after which an entry reaches the client portal by itself, unless the holder withholds it (Jeugdwet 7.3.2 lid 4, 7.3.10); 0: the day it is recorded. */
                        portalReleaseDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact: {
                                /** @description E-mail address; empty: none. */
                                email: string;
                                /** @description Phone number, digits with spaces, dashes or brackets; empty: none. */
                                phone: string;
                                /** @description Place ("Utrecht"); empty: none. */
                                place: string;
                                /** @description Street and number, or PO box ("Postbus 123"); empty: none. */
                                postalAddress: string;
                                /** @description Dutch postal code ("3511 AB"); empty: none. */
                                postalCode: string;
                                /** @description Website ("www.example.nl"); empty: none. */
                                website: string;
                            };
                            destructionSecondConfirmation: boolean;
                            /** @description Roles that may open a dossier in an emergency (break the glass): any of care-professional, intern, admin-staff, manager, privacy-officer; never application-administrator. */
                            emergencyAccessRoles: ("care-professional" | "admin-staff" | "intern" | "manager" | "privacy-officer" | "application-administrator")[];
                            /** @description Whether the caller may change the settings (the privacy officer). */
                            mayChange: boolean;
                            /** @description Days after recording after which an entry reaches the client portal by itself, unless the holder withholds it (Jeugdwet 7.3.2 lid 4, 7.3.10); 0: the day it is recorded. */
                            portalReleaseDays: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has seen my dossier: who, when, what part, on what basis; emergency accesses with their review (for those who may inspect the dossier) */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string[];
                            explanation: string;
                            lines: {
                                action: string;
                                at: string;
                                atText: string;
                                basis: string;
                                count: number;
                                emergency: {
                                    justified: boolean | null;
                                    outcome: string;
                                    reviewed: boolean;
                                } | null;
                                seq: string;
                                what: string;
                                who: {
                                    function: string;
                                    name: string;
                                };
                            }[];
                            nextBefore: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/invitation/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a one-time invitation: user name, password (the staff policy) and the first TOTP code; uses the link up and logs in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        password: string;
                        state: string;
                        token: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/invitation/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a one-time invitation link: whom it is for, and a new TOTP secret to scan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientName: string;
                            displayName: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Send back with `complete`: the TOTP secret, sealed to this invitation. */
                            state: string;
                            totp: {
                                otpauthUri: string;
                                qrCode: string;
                                secret: string;
                            };
                            username: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Portal log-in step 1: user name and password; answers a challenge for the TOTP code (no session yet) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            challenge: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @enum {string} */
                            next: "totp";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Portal log-in step 2: the TOTP code; starts the portal session (cookie dw_portal) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the portal session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in portal user, and whether the engine gives them a right to anything today */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                            clientName: string;
                            displayName: string;
                            /** @enum {string} */
                            kind: "client" | "relation";
                            relationId: string | null;
                            standing: {
                                /** @description Whether the engine gives this person a right to anything in the dossier today. */
                                allowed: boolean;
                                basis: string[];
                                explanation: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The redirect URI: the provider sends the browser back here; logs in or links the invitation, then 303 to /portaal */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    error?: string;
                    error_description?: string;
                    error_uri?: string;
                    iss?: string;
                    scope?: string;
                    session_state?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Logged in (the portal session cookie set): to /portaal. A browser whose log-in failed: to /portaal?inloggen=<code>, which the page words */
                303: {
                    headers: {
                        /** @description /portaal, or /portaal?inloggen=<code> after a failure */
                        location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/oidc/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenID Connect provider configured beside the password (DigiD through a broker); empty when none */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            providers: {
                                id: string;
                                /** @description What the button says after "Inloggen met", e.g. DigiD. */
                                name: string;
                                /** @description POST here (with the portal CSRF header, and `token` to link an invitation) to start. */
                                url: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a log-in through the OpenID Connect provider (with an invitation's token: link that invitation); answers where to send the browser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send the browser here (the provider's log-in). */
                            authorizationUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every consent given about this client (by whom, for what), and which consent this person may give today */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every consent given about this client, newest first */
                            consents: {
                                active: boolean;
                                givenByText: string;
                                /** Format: date */
                                givenOn: string;
                                givenOnText: string;
                                /** Format: uuid */
                                id: string;
                                /** @description Given in the portal: the portal account and session are its evidence */
                                inPortal: boolean;
                                /** @enum {string} */
                                kind: "care" | "disclosure";
                                kindText: string;
                                /** @description This person may withdraw it (AVG 7(3)) */
                                mayWithdraw: boolean;
                                part: string | null;
                                partText: string | null;
                                purpose: string | null;
                                recipient: string | null;
                                /** Format: date */
                                validFrom: string;
                                validText: string;
                                validTo: string | null;
                                what: string | null;
                                withdrawnAt: string | null;
                                withdrawnText: string | null;
                            }[];
                            /** @description Whether this person may give a consent of each kind today, with the engine's words */
                            mayGive: {
                                care: {
                                    allowed: boolean;
                                    /** @description The articles of law the engine cites */
                                    basis: string[];
                                    explanation: string;
                                };
                                disclosure: {
                                    allowed: boolean;
                                    /** @description The articles of law the engine cites */
                                    basis: string[];
                                    explanation: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Give a consent (care or a disclosure), recorded with the portal session as evidence; only whom the engine names */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dataDescription?: string;
                        informationGiven?: string;
                        /** @enum {string} */
                        kind: "care" | "disclosure";
                        /** @enum {string} */
                        part?: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "third-party-information" | "administrative-data";
                        purpose?: string;
                        recipient?: string;
                        /** Format: date */
                        validTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            givenByText: string;
                            /** Format: date */
                            givenOn: string;
                            givenOnText: string;
                            /** Format: uuid */
                            id: string;
                            /** @description Given in the portal: the portal account and session are its evidence */
                            inPortal: boolean;
                            /** @enum {string} */
                            kind: "care" | "disclosure";
                            kindText: string;
                            /** @description This person may withdraw it (AVG 7(3)) */
                            mayWithdraw: boolean;
                            part: string | null;
                            partText: string | null;
                            purpose: string | null;
                            recipient: string | null;
                            /** Format: date */
                            validFrom: string;
                            validText: string;
                            validTo: string | null;
                            what: string | null;
                            withdrawnAt: string | null;
                            withdrawnText: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/consents/{consentId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a consent at once (AVG 7(3)); only whoever gave it, or the client once the law leaves it to them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    consentId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            givenByText: string;
                            /** Format: date */
                            givenOn: string;
                            givenOnText: string;
                            /** Format: uuid */
                            id: string;
                            /** @description Given in the portal: the portal account and session are its evidence */
                            inPortal: boolean;
                            /** @enum {string} */
                            kind: "care" | "disclosure";
                            kindText: string;
                            /** @description This person may withdraw it (AVG 7(3)) */
                            mayWithdraw: boolean;
                            part: string | null;
                            partText: string | null;
                            purpose: string | null;
                            recipient: string | null;
                            /** Format: date */
                            validFrom: string;
                            validText: string;
                            validTo: string | null;
                            what: string | null;
                            withdrawnAt: string | null;
                            withdrawnText: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/consents/parents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The young person of 16+: per parent and per part, what they may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The articles of law the engine cites */
                            basis: string[];
                            explanation: string;
                            parents: {
                                name: string;
                                parts: {
                                    allowed: boolean;
                                    consentId: string | null;
                                    /** @enum {string} */
                                    part: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "administrative-data";
                                    partText: string;
                                    since: string | null;
                                    sinceText: string | null;
                                }[];
                                /** Format: uuid */
                                relationId: string;
                                roleText: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/consents/parents/{relationId}/{part}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The young person of 16+ lets a parent see a part, or stops it (at once) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    part: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "administrative-data";
                    relationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowed: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The articles of law the engine cites */
                            basis: string[];
                            explanation: string;
                            parents: {
                                name: string;
                                parts: {
                                    allowed: boolean;
                                    consentId: string | null;
                                    /** @enum {string} */
                                    part: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "administrative-data";
                                    partText: string;
                                    since: string | null;
                                    sinceText: string | null;
                                }[];
                                /** Format: uuid */
                                relationId: string;
                                roleText: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/dossier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dossier as the logged-in person may see it today: released entries, the reason beside what is withheld */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string[];
                            entries: {
                                annotations?: {
                                    kind?: string;
                                    reason?: string;
                                    recordedAt?: string;
                                }[];
                                author?: string;
                                id?: string;
                                kindLabel?: string;
                                recordedAt: string;
                                recordedOnText: string;
                                releasedOn?: string;
                                releasedOnText?: string;
                                shown: boolean;
                                source?: string;
                                statements?: {
                                    recordedAt?: string;
                                    recordedOnText?: string;
                                    source?: string;
                                    text?: string;
                                }[];
                                statementType?: string | null;
                                text?: string;
                                title?: string | null;
                                withheld?: {
                                    basis: string[];
                                    ground: string;
                                };
                                withheldPassages?: {
                                    basis: string[];
                                    ground: string;
                                }[];
                            }[];
                            explanation: string;
                            inspectionOnly: {
                                recordedAt: string;
                                recordedOnText: string;
                                title: string | null;
                            }[];
                            notYetReleased: {
                                count: number;
                                explanation: string;
                                nextVisibleOn: string | null;
                                nextVisibleOnText: string | null;
                            };
                            reader: {
                                name: string;
                                role: string;
                            };
                            today: string;
                            todayText: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/dossier/entries/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entry, if released and not withheld from this person (403 with the reason; 404 for an id not in this dossier) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            annotations?: {
                                kind?: string;
                                reason?: string;
                                recordedAt?: string;
                            }[];
                            author?: string;
                            id?: string;
                            kindLabel?: string;
                            recordedAt: string;
                            recordedOnText: string;
                            releasedOn?: string;
                            releasedOnText?: string;
                            shown: boolean;
                            source?: string;
                            statements?: {
                                recordedAt?: string;
                                recordedOnText?: string;
                                source?: string;
                                text?: string;
                            }[];
                            statementType?: string | null;
                            text?: string;
                            title?: string | null;
                            withheld?: {
                                basis: string[];
                                ground: string;
                            };
                            withheldPassages?: {
                                basis: string[];
                                ground: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/exports/progress/{progressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of one's own long export started with the header x-dossierwijzer-progress; only for the account that started it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    progressId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            done: number;
                            /** @enum {string} */
                            phase: "read" | "render" | "done";
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/general-information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** General information about the care (BW 1:377c): start, end, goals and results, from the released plans and evaluations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string[];
                            careEndedOn: string | null;
                            careEndedOnText: string | null;
                            careStartedOn: string | null;
                            careStartedOnText: string | null;
                            explanation: string;
                            goals: {
                                date: string;
                                dateText: string;
                                text: string;
                                title: string | null;
                            }[];
                            reader: {
                                name: string;
                                role: string;
                            };
                            results: {
                                date: string;
                                dateText: string;
                                text: string;
                                title: string | null;
                            }[];
                            withheld: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal user's conversation with the care team, oldest first; the limits of an attachment; the notification address */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                attachmentMaxBytes: number;
                                attachmentTypes: string[];
                                textMaxChars: number;
                            };
                            messages: {
                                attachments: {
                                    bytes: number;
                                    /** Format: uuid */
                                    id: string;
                                    mediaType: string;
                                    name: string;
                                }[];
                                author: string;
                                from: "me" | "team";
                                /** Format: uuid */
                                id: string;
                                sentAt: string;
                                sentOn: string;
                                text: string;
                            }[];
                            notifications: {
                                email: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Send a message (and at most one PDF, PNG or JPEG) to the care team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachment?: {
                            contentBase64: string;
                            name: string;
                        };
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attachments: {
                                bytes: number;
                                /** Format: uuid */
                                id: string;
                                mediaType: string;
                                name: string;
                            }[];
                            author: string;
                            from: "me" | "team";
                            /** Format: uuid */
                            id: string;
                            sentAt: string;
                            sentOn: string;
                            text: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages/{messageId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment of a message in the own conversation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/messages/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set (or with null remove) the address that gets "er is een nieuw bericht" (never the message itself) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person's own requests with state and deadline in words, and what the engine says today per kind of request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the engine says today for this person, per kind of request (the whole dossier) */
                            kinds: {
                                /** @description The articles of law the engine cites */
                                basis: string[];
                                explanation: string;
                                /** @enum {string} */
                                kind: "inspect" | "copy" | "correct" | "add-statement" | "destroy" | "restrict" | "object" | "portability" | "withdraw-consent" | "general-information";
                                label: string;
                                /** @enum {string} */
                                outcome: "allow" | "deny" | "needs-consent";
                            }[];
                            /** @description The person's own requests, newest first */
                            requests: {
                                /** @description The copy for this reader can be fetched (a granted inspection or copy): copy.pdf */
                                copy: boolean;
                                deadline: string | null;
                                /** @description In words: the decision deadline while open, the execution deadline once granted, else the day it was decided */
                                deadlineText: string;
                                decision: {
                                    /** Format: date */
                                    decidedOn: string;
                                    decidedOnText: string;
                                    /** @enum {string} */
                                    outcome: "granted" | "partly" | "refused";
                                    outcomeText: string;
                                    reasons: string;
                                } | null;
                                details: string;
                                /** @description The portability export for this reader can be fetched (a granted portability request): export.json, .xlsx, .fhir.json */
                                export: boolean;
                                /** Format: uuid */
                                id: string;
                                intake: {
                                    /** @description The articles of law the engine cites */
                                    basis: string[];
                                    explanation: string;
                                    /** @enum {string} */
                                    outcome: "allow" | "deny" | "needs-consent";
                                };
                                /** @enum {string} */
                                kind: "inspect" | "copy" | "correct" | "add-statement" | "destroy" | "restrict" | "object" | "portability" | "withdraw-consent" | "general-information";
                                kindLabel: string;
                                /** @description The letter (the decision, or the extension notice) can be fetched: letter.pdf */
                                letter: boolean;
                                overdue: boolean;
                                part: string;
                                partLabel: string;
                                /** Format: date */
                                receivedOn: string;
                                receivedOnText: string;
                                /** @enum {string} */
                                state: "received" | "extended" | "decided" | "fulfilled" | "refused-at-intake";
                                stateText: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Make a request (received today, electronically); the engine's intake and deadline; lands in the professionals' dashboard */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        consentId?: string;
                        details: string;
                        /** @enum {string} */
                        kind: "inspect" | "copy" | "correct" | "add-statement" | "destroy" | "restrict" | "object" | "portability" | "withdraw-consent" | "general-information";
                        /** @enum {string} */
                        part?: "dossier" | "conversation-report" | "care-plan" | "evaluation" | "research-report" | "raw-test-data" | "third-party-information" | "administrative-data";
                        statement?: {
                            /** Format: uuid */
                            entryId: string;
                            text: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The copy for this reader can be fetched (a granted inspection or copy): copy.pdf */
                            copy: boolean;
                            deadline: string | null;
                            /** @description In words: the decision deadline while open, the execution deadline once granted, else the day it was decided */
                            deadlineText: string;
                            decision: {
                                /** Format: date */
                                decidedOn: string;
                                decidedOnText: string;
                                /** @enum {string} */
                                outcome: "granted" | "partly" | "refused";
                                outcomeText: string;
                                reasons: string;
                            } | null;
                            details: string;
                            /** @description The portability export for this reader can be fetched (a granted portability request): export.json, .xlsx, .fhir.json */
                            export: boolean;
                            /** Format: uuid */
                            id: string;
                            intake: {
                                /** @description The articles of law the engine cites */
                                basis: string[];
                                explanation: string;
                                /** @enum {string} */
                                outcome: "allow" | "deny" | "needs-consent";
                            };
                            /** @enum {string} */
                            kind: "inspect" | "copy" | "correct" | "add-statement" | "destroy" | "restrict" | "object" | "portability" | "withdraw-consent" | "general-information";
                            kindLabel: string;
                            /** @description The letter (the decision, or the extension notice) can be fetched: letter.pdf */
                            letter: boolean;
                            overdue: boolean;
                            part: string;
                            partLabel: string;
                            /** Format: date */
                            receivedOn: string;
                            receivedOnText: string;
                            /** @enum {string} */
                            state: "received" | "extended" | "decided" | "fulfilled" | "refused-at-intake";
                            stateText: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the person's own requests */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The copy for this reader can be fetched (a granted inspection or copy): copy.pdf */
                            copy: boolean;
                            deadline: string | null;
                            /** @description In words: the decision deadline while open, the execution deadline once granted, else the day it was decided */
                            deadlineText: string;
                            decision: {
                                /** Format: date */
                                decidedOn: string;
                                decidedOnText: string;
                                /** @enum {string} */
                                outcome: "granted" | "partly" | "refused";
                                outcomeText: string;
                                reasons: string;
                            } | null;
                            details: string;
                            /** @description The portability export for this reader can be fetched (a granted portability request): export.json, .xlsx, .fhir.json */
                            export: boolean;
                            /** Format: uuid */
                            id: string;
                            intake: {
                                /** @description The articles of law the engine cites */
                                basis: string[];
                                explanation: string;
                                /** @enum {string} */
                                outcome: "allow" | "deny" | "needs-consent";
                            };
                            /** @enum {string} */
                            kind: "inspect" | "copy" | "correct" | "add-statement" | "destroy" | "restrict" | "object" | "portability" | "withdraw-consent" | "general-information";
                            kindLabel: string;
                            /** @description The letter (the decision, or the extension notice) can be fetched: letter.pdf */
                            letter: boolean;
                            overdue: boolean;
                            part: string;
                            partLabel: string;
                            /** Format: date */
                            receivedOn: string;
                            receivedOnText: string;
                            /** @enum {string} */
                            state: "received" | "extended" | "decided" | "fulfilled" | "refused-at-intake";
                            stateText: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{requestId}/copy.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The copy made for this reader on a granted inspection or copy request (shielding applied), as PDF; 409 unless granted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{requestId}/export.fhir.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portability export (AVG 20) of one's own granted portability request, as a FHIR R4 Bundle; 409 unless granted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{requestId}/export.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portability export (AVG 20) of one's own granted portability request, as JSON in the documented schema, made for this person today (released entries, shielding applied); 409 unless granted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                /** Format: date */
                                birthDate: string;
                                bsn: string | null;
                                /** @description true: address, postcode, town, phone and e-mail are null because this recipient may not have them (docs/portability.md, "Contact data"), not because they are unknown. */
                                contactDataLeftOut: boolean;
                                /** @description When a shielding of the contact data applies to this recipient: its ground, never the data. */
                                contactDataWithheld: {
                                    basis: string[];
                                    /** @description What was withheld: a passage of the text, the title, the source description, an annotation, the contact data. */
                                    field: "text" | "title" | "source" | "annotation" | "contact-data";
                                    /** @description Why it was withheld (Dutch), never what. */
                                    ground: string;
                                } | null;
                                email: string | null;
                                familyName: string;
                                gender: string;
                                givenNames: string;
                                /** Format: uuid */
                                id: string;
                                phone: string | null;
                                postcode: string | null;
                                streetAddress: string | null;
                                town: string | null;
                            };
                            consents: {
                                active: boolean;
                                givenBy: string;
                                /** Format: date */
                                givenOn: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                purpose: string | null;
                                recipient: string | null;
                                /** Format: date */
                                validFrom: string;
                                /** Format: date */
                                validTo: string | null;
                                withdrawn: boolean;
                            }[];
                            entries: {
                                annotations: {
                                    kind: string;
                                    reason: string;
                                    /** Format: date-time */
                                    recordedAt: string;
                                }[];
                                author: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The kind of entry, in Dutch. */
                                kind: string;
                                /** Format: date-time */
                                recordedAt: string;
                                /** @description A shielded source description is replaced by […afgeschermd…]. */
                                source: string;
                                /** @description The client's own statements disputing this entry, shown beside it (AVG 16; 003 §3.4). */
                                statements: {
                                    /** Format: date-time */
                                    recordedAt: string;
                                    source: string;
                                    text: string;
                                }[];
                                statementType: string | null;
                                /** @description Shielded passages are replaced by […afgeschermd…]. */
                                text: string;
                                /** @description A shielded title is replaced by […afgeschermd…]. */
                                title: string | null;
                                /** @description What of this entry was withheld from this recipient (passages, title, source, annotations), each with its ground. */
                                withheldParts: {
                                    basis: string[];
                                    /** @description What was withheld: a passage of the text, the title, the source description, an annotation, the contact data. */
                                    field: "text" | "title" | "source" | "annotation" | "contact-data";
                                    /** @description Why it was withheld (Dutch), never what. */
                                    ground: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            exportedAt: string;
                            /**
                             * @description Identifies this format.
                             * @enum {string}
                             */
                            format: "dossierwijzer-portability";
                            /** @description Raw test data: not exported, available for inspection (003 §2.3.11). */
                            inspectionOnly: {
                                /** Format: date-time */
                                recordedAt: string;
                                title: string | null;
                            }[];
                            organisation: string;
                            /** @description portability: for the client or their representative (AVG 20); transfer: for a successor provider or the Nidos guardian. */
                            reason: "portability" | "transfer";
                            /**
                             * Format: uuid
                             * @description The portability request or the transfer record this export belongs to.
                             */
                            reference: string;
                            relations: {
                                custodyKind: string | null;
                                familyName: string;
                                givenNames: string;
                                hasCustody: boolean;
                                /** Format: uuid */
                                id: string;
                                relation: string;
                                /** Format: date */
                                validFrom: string;
                                /** Format: date */
                                validTo: string | null;
                            }[];
                            /** @enum {number} */
                            version: 1;
                            /** @description Entries left out, with the ground. */
                            withheld: {
                                basis: string[];
                                /** @description Why it was withheld (Dutch), never what. */
                                ground: string;
                                /** Format: date-time */
                                recordedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{requestId}/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portability export (AVG 20) of one's own granted portability request, as a spreadsheet; 409 unless granted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/portal/requests/{requestId}/letter.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter on one of the person's own requests (decision or extension notice), as PDF; 409 before either */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/access-log/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find a client by part of the name, to open who saw the dossier (privacy officer); at most 20, each shown logged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                birthYear: number;
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The data breach register, with the 72-hour AP deadline and time left (privacy officer only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            breaches: {
                                apNotification: {
                                    deadline: string;
                                    minutesLeft: number;
                                    notified: boolean | null;
                                    notifiedAt: string | null;
                                    overdue: boolean;
                                    reason: string | null;
                                    text: string;
                                };
                                clientIds: string[];
                                clients: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
                                clientsInformed: {
                                    informed: boolean | null;
                                    informedAt: string | null;
                                    reason: string | null;
                                };
                                createdAt: string;
                                createdBy: string | null;
                                description: string;
                                discoveredAt: string;
                                emergencyAccessId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                risk: "not-assessed" | "unlikely" | "risk" | "high-risk";
                                riskAssessment: string | null;
                                /** @enum {string} */
                                status: "draft" | "open" | "closed";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a data breach (AVG 33(5)) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientIds: string[];
                        description: string;
                        /** Format: date-time */
                        discoveredAt: string;
                        /** @enum {string} */
                        risk: "not-assessed" | "unlikely" | "risk" | "high-risk";
                        riskAssessment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apNotification: {
                                deadline: string;
                                minutesLeft: number;
                                notified: boolean | null;
                                notifiedAt: string | null;
                                overdue: boolean;
                                reason: string | null;
                                text: string;
                            };
                            clientIds: string[];
                            clients: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            clientsInformed: {
                                informed: boolean | null;
                                informedAt: string | null;
                                reason: string | null;
                            };
                            createdAt: string;
                            createdBy: string | null;
                            description: string;
                            discoveredAt: string;
                            emergencyAccessId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            risk: "not-assessed" | "unlikely" | "risk" | "high-risk";
                            riskAssessment: string | null;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/breaches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a data breach: risk, AP notified or not (with reason), clients informed or not (with reason), status */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        apNotification?: {
                            /** Format: date-time */
                            at?: string;
                            notified: boolean;
                            reason?: string;
                        };
                        clientIds?: string[];
                        clientsInformed?: {
                            /** Format: date-time */
                            at?: string;
                            informed: boolean;
                            reason?: string;
                        };
                        description?: string;
                        /** @enum {string} */
                        risk?: "not-assessed" | "unlikely" | "risk" | "high-risk";
                        riskAssessment?: string;
                        /** @enum {string} */
                        status?: "draft" | "open" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apNotification: {
                                deadline: string;
                                minutesLeft: number;
                                notified: boolean | null;
                                notifiedAt: string | null;
                                overdue: boolean;
                                reason: string | null;
                                text: string;
                            };
                            clientIds: string[];
                            clients: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            clientsInformed: {
                                informed: boolean | null;
                                informedAt: string | null;
                                reason: string | null;
                            };
                            createdAt: string;
                            createdBy: string | null;
                            description: string;
                            discoveredAt: string;
                            emergencyAccessId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            risk: "not-assessed" | "unlikely" | "risk" | "high-risk";
                            riskAssessment: string | null;
                            /** @enum {string} */
                            status: "draft" | "open" | "closed";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/privacy/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's disclosure register (privacy officer) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            disclosures: ({
                                basis: string;
                                citations: string[];
                                clientToldBeforehand: boolean;
                                disclosedOn: string;
                                /** Format: uuid */
                                entryId: string | null;
                                /** Format: uuid */
                                id: string;
                                part: string;
                                recipient: string;
                                /** @enum {string|null} */
                                researchGround: "consent-not-possible" | "consent-not-required" | null;
                            } & {
                                /** Format: uuid */
                                clientId: string;
                                clientName: string;
                                recordedBy: string | null;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/emergency-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emergency accesses to review: the privacy officer sees everyone's but a privacy officer's own; a manager sees the privacy officer's */
        get: {
            parameters: {
                query?: {
                    open?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accesses: {
                                client: {
                                    familyName: string;
                                    givenNames: string;
                                    /** Format: uuid */
                                    id: string;
                                };
                                confirmedAt: string | null;
                                employee: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    role: string;
                                };
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                review: {
                                    justified?: boolean;
                                    note?: string | null;
                                    reviewedAt?: string;
                                    reviewedBy?: string;
                                } | null;
                                startedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/emergency-reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record whether an emergency access was justified; an unjustified one is a candidate data breach */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        justified: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidateBreach: boolean;
                            /** Format: uuid */
                            id: string;
                            justified: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/processing-activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records of processing activities (AVG 30) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activities: {
                                dataCategories: string[];
                                dataSubjects: string[];
                                id: string;
                                legalBasis: string;
                                name: string;
                                purpose: string;
                                recipients: string[];
                                retention: string;
                                security: string;
                                standard: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a processing activity of this organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dataCategories: string[];
                        dataSubjects: string[];
                        legalBasis: string;
                        name: string;
                        purpose: string;
                        recipients: string[];
                        retention: string;
                        security: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The requests dashboard as the privacy officer sees it: every open request of the organisation with its deadline, no content (AVG 39(1)(b)) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: {
                                clientId: string;
                                clientName: string;
                                deadline: string;
                                /** @enum {string} */
                                due: "decision" | "fulfilment";
                                kind: string;
                                overdue: boolean;
                                receivedOn: string;
                                requestId: string;
                                state: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dossiers whose retention period ended, waiting for review (privacy officer only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reviews: {
                                birthDate: string;
                                /** Format: uuid */
                                clientId: string;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                /**
                                 * Format: uuid
                                 * @description The hold's reference (kenmerk) while held: a legal-claims reading of the dossier names it (`x-dossierwijzer-purpose: legal-claims <holdId>`)
                                 */
                                holdId: string | null;
                                holdReason: string | null;
                                keptUntil: string;
                                lastChange: string;
                                name: string;
                                /** @enum {string} */
                                status: "pending" | "confirmed" | "held";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-reviews/{clientId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm that a dossier whose retention ended is destroyed (carried out by `dossierwijzer retention destroy-confirmed`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            /** @enum {string} */
                            status: "confirmed" | "held";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-reviews/{clientId}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep a dossier while it is needed for a procedure (with the reason), also before its retention ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the dossier is kept, e.g. the procedure it is needed for */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            /** @enum {string} */
                            status: "confirmed" | "held";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-reviews/{clientId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a hold: the procedure is over, and the next sweep decides again from the dossier's last change */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            /** @enum {string} */
                            status: "released";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's own retention term, with a warning when below the legal minimum */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            age: number | null;
                            /** @enum {string|null} */
                            ageOf: "client" | "youngest-child" | null;
                            /** @enum {string|null} */
                            kind: "years-after-last-change" | "until-age" | null;
                            legalMinimumYears: number;
                            reason: string | null;
                            termYears: number | null;
                            warning: string | null;
                        };
                    };
                };
            };
        };
        /** Set the organisation's own retention term (003 §3.2: years after the last change, or until an age), with its reason; warns below the legal minimum */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the organisation keeps dossiers this long */
                        reason: string;
                        term: {
                            /** @enum {string} */
                            kind: "years-after-last-change";
                            years: number;
                        } | {
                            age: number;
                            /** @enum {string} */
                            ageOf: "client" | "youngest-child";
                            /** @enum {string} */
                            kind: "until-age";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            age: number | null;
                            /** @enum {string|null} */
                            ageOf: "client" | "youngest-child" | null;
                            /** @enum {string|null} */
                            kind: "years-after-last-change" | "until-age" | null;
                            legalMinimumYears: number;
                            reason: string | null;
                            termYears: number | null;
                            warning: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention-settings/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long incidents and calamities are kept (years after the incident or its report to the inspectorate) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            defaultYears: number;
                            reason: string | null;
                            years: number;
                        };
                    };
                };
            };
        };
        /** Set how long incidents and calamities are kept, with the reason */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why the organisation keeps incidents and calamities this long */
                        reason: string;
                        years: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            defaultYears: number;
                            reason: string | null;
                            years: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Until when one dossier is kept: the legal minimum, the organisation's term, the good-care extension, a procedure hold */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            explanation: string;
                            goodCare: {
                                reason: string;
                                recordedAt: string;
                                recordedBy: string;
                                until: string;
                            } | null;
                            held: boolean;
                            /**
                             * Format: uuid
                             * @description The current hold's reference (kenmerk), named by a legal-claims reading (`x-dossierwijzer-purpose: legal-claims <holdId>`); null when not held
                             */
                            holdId: string | null;
                            keptUntil: string | null;
                            lastChange: string;
                            termEnd: string | null;
                            warning: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/retention/{clientId}/good-care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Keep a dossier longer because good care requires it (Jeugdwet 7.3.8), until a day, with the reason (sealed under the client's key) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why good care requires it, e.g. sexual abuse (000); sealed under the client's key */
                        reason: string;
                        /**
                         * Format: date
                         * @description Good care requires keeping the dossier until this day (Jeugdwet 7.3.8)
                         */
                        until: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            explanation: string;
                            goodCare: {
                                reason: string;
                                recordedAt: string;
                                recordedBy: string;
                                until: string;
                            } | null;
                            held: boolean;
                            /**
                             * Format: uuid
                             * @description The current hold's reference (kenmerk), named by a legal-claims reading (`x-dossierwijzer-purpose: legal-claims <holdId>`); null when not held
                             */
                            holdId: string | null;
                            keptUntil: string | null;
                            lastChange: string;
                            termEnd: string | null;
                            warning: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        /** End the good-care extension of a dossier: the next sweep decides again from the legal minimum and the organisation's term */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            explanation: string;
                            goodCare: {
                                reason: string;
                                recordedAt: string;
                                recordedBy: string;
                                until: string;
                            } | null;
                            held: boolean;
                            /**
                             * Format: uuid
                             * @description The current hold's reference (kenmerk), named by a legal-claims reading (`x-dossierwijzer-purpose: legal-claims <holdId>`); null when not held
                             */
                            holdId: string | null;
                            keptUntil: string | null;
                            lastChange: string;
                            termEnd: string | null;
                            warning: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/privacy/unusual-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unusual access on a day: without relation, emergency awaiting review, many dossiers outside caseload, dossiers opened by many */
        get: {
            parameters: {
                query?: {
                    day?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            dossiersManyEmployees: {
                                client: {
                                    id: string;
                                    name: string;
                                };
                                employees: number;
                            }[];
                            emergencyAwaitingReview: {
                                client: {
                                    id: string;
                                    name: string;
                                };
                                employee: {
                                    id: string;
                                    name: string;
                                };
                                id: string;
                                startedAt: string;
                            }[];
                            employeesOutsideCaseload: {
                                dossiers: number;
                                employee: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                            thresholds: {
                                employeesPerDossierPerDay: number;
                                outsideCaseloadPerDay: number;
                            };
                            withoutRelation: {
                                at: string;
                                basis: string;
                                client: {
                                    id: string;
                                    name: string;
                                };
                                employee: {
                                    id: string;
                                    name: string;
                                };
                                outcome: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaints (kept apart from the dossier, 2 years after closing) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            complaints: {
                                clientId: string | null;
                                closedOn: string | null;
                                complainant: string;
                                id: string;
                                keepUntil: string | null;
                                outcome: string | null;
                                receivedOn: string;
                                resolution: string | null;
                                summary: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a complaint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        clientId?: string;
                        complainant: string;
                        /** Format: date */
                        receivedOn: string;
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/complaints/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a complaint with its outcome; from then on it is kept 2 years */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        closedOn: string;
                        /** @enum {string} */
                        outcome: "founded" | "partly-founded" | "unfounded" | "withdrawn" | "settled";
                        resolution: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string | null;
                            closedOn: string | null;
                            complainant: string;
                            id: string;
                            keepUntil: string | null;
                            outcome: string | null;
                            receivedOn: string;
                            resolution: string | null;
                            summary: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents and calamities, with the reports due to the inspectorate (Jeugdwet 4.1.8) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: {
                                clientIds: string[];
                                description: string;
                                id: string;
                                inspectorateReportPending: boolean;
                                inspectorateReportRequired: boolean;
                                kind: string;
                                measures: string | null;
                                occurredOn: string;
                                reportedToInspectorateOn: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Report an incident, calamity or violence in the care relationship */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientIds: string[];
                        description: string;
                        /** @enum {string} */
                        kind: "incident" | "calamity" | "violence";
                        measures?: string;
                        /** Format: date */
                        occurredOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/incidents/{id}/inspectorate-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the date the incident was reported to the inspectorate */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        reportedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientIds: string[];
                            description: string;
                            id: string;
                            inspectorateReportPending: boolean;
                            inspectorateReportRequired: boolean;
                            kind: string;
                            measures: string | null;
                            occurredOn: string;
                            reportedToInspectorateOn: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/prospective-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registrations of prospective clients (kept 6 months) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            prospectiveClients: {
                                contact: string;
                                id: string;
                                keepUntil: string;
                                name: string;
                                question: string;
                                registeredOn: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a prospective client */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact: string;
                        name: string;
                        question: string;
                        /** Format: date */
                        registeredOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registers/quality-audits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Quality audits with their sample of clients (quality control by sample) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audits: {
                                clientIds: string[];
                                endsOn: string;
                                id: string;
                                registeredAt: string;
                                registeredBy: string;
                                startsOn: string;
                                subject: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a quality audit with its sample (manager or privacy officer)
         * @description A manager reads a sampled dossier for it with the header `x-dossierwijzer-purpose: quality-control <audit id>`, from startsOn to endsOn.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The sample: the dossiers the audit may read */
                        clientIds: string[];
                        /** Format: date */
                        endsOn: string;
                        /** Format: date */
                        startsOn: string;
                        /** @description What the audit checks; names no client */
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests that need something by due date — a decision, or carrying out a decided one (a destruction by its execution deadline) — overdue ones marked (of the clients the caller may see) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requests: {
                                /** Format: uuid */
                                clientId: string;
                                clientName: string;
                                deadline: string;
                                /** @enum {string} */
                                due: "decision" | "fulfilment";
                                kind: string;
                                overdue: boolean;
                                receivedOn: string;
                                /** Format: uuid */
                                requestId: string;
                                state: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/role-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Privileged roles awaiting a second person's approval (managers and the privacy officer) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            grants: {
                                employee: {
                                    currentRole: string | null;
                                    displayName: string;
                                    /** @description The employee has set their own password and second factor; only then can the grant be approved. */
                                    enrolled: boolean;
                                    functionTitle: string;
                                    id: string;
                                    username: string;
                                };
                                id: string;
                                /** @description Whether the caller may decide this grant (not their own, not one they asked for). */
                                mayDecide: boolean;
                                /** @description new-account, role-change or reset */
                                reason: string;
                                /** Format: date-time */
                                requestedAt: string;
                                requestedBy: {
                                    displayName: string;
                                    id: string;
                                };
                                role: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/role-grants/{grantId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a privileged role: it takes effect at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grantId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            outcome: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/role-grants/{grantId}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a privileged role: the account keeps the role it had (a new account: none) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grantId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            outcome: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/timeout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When your session ends without activity; asking counts as activity */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minutes without a request after which the session ends (DW_SESSION_IDLE_MINUTES) */
                            idleMinutes: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own personal work notes (nobody else's), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notes: {
                                /** Format: uuid */
                                clientId: string;
                                createdAt: string;
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                text: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-notes/{noteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Destroy one of your personal work notes */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    noteId: string;
                };
                cookie?: never;
            };
            /** @description This route takes no fields: send no body or {}. Any field is refused. */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-notes/{noteId}/move-into-dossier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn your work note into a dossier entry (from then on under the client's rights); the note is removed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    noteId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "referral" | "intake-report" | "help-question" | "plan" | "evaluation" | "conversation-report" | "research-report" | "raw-test-data" | "case-discussion" | "court-decision" | "correspondence" | "third-party-information" | "strengths-inventory" | "work-agreement" | "decision" | "information-given" | "disclosure" | "meldcode-step" | "freedom-restriction" | "own-statement";
                        /** Format: date */
                        occurredOn?: string;
                        source: {
                            description?: string;
                            /** @enum {string} */
                            kind: "client" | "parent" | "guardian" | "family-guardian" | "care-professional" | "other-professional" | "school" | "court" | "municipality" | "other";
                        };
                        /** @enum {string} */
                        statementType?: "fact" | "opinion";
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            clientId: string;
                            /** Format: uuid */
                            entryId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health and database status (kept for existing monitors; prefer /health/live and /health/ready) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: {
                                kind: string;
                                status: string;
                            };
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: {
                                kind: string;
                                status: string;
                            };
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (restart it when this fails) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "live";
                            uptimeSeconds: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, commit, pool, disk, checkpoints and migrations, each with the reason it fails */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                checkpoints: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                commit: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                database: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                disk: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                migrations: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                pool: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                            };
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                checkpoints: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                commit: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                database: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                disk: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                migrations: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                                pool: {
                                    ms: number;
                                    ok: boolean;
                                    reason?: string;
                                };
                            };
                            failing: string[];
                            /** @enum {string} */
                            status: "not-ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        /**
         * Problem
         * @description RFC 9457 problem details with Dutch (nl) and English (en) messages.
         */
        "def-0": {
            basis?: string[];
            /**
             * @description A stable code: one of the catalogue below (src/shared/error-codes.ts), or a Fastify `FST_ERR_…` code for a request the server could not read.
             *
             *     - `agreement-exists` (409): This start-of-care agreement is already recorded.
             *     - `already-closed` (400): The complaint has already been closed.
             *     - `already-confirmed` (409): The destruction has already been confirmed.
             *     - `already-ended` (409): The relation or care-team membership has already ended.
             *     - `already-holder` (409): A hand-over names the colleague who already holds the dossier on that day.
             *     - `already-reported` (400): The report to the inspectorate has already been recorded.
             *     - `already-restricted` (409): Processing is already restricted.
             *     - `already-reviewed` (409): The emergency access has already been reviewed.
             *     - `already-transferred` (409): The dossier has already been transferred.
             *     - `already-withdrawn` (409): The consent has already been withdrawn.
             *     - `answer-before-decision` (400): The answer's receipt is dated before the decision.
             *     - `answer-receipt-already-recorded` (409): The receipt of the answer has already been recorded.
             *     - `attachment-not-allowed` (400): A message attachment whose bytes are not a PDF, PNG or JPEG, or whose name does not fit its content.
             *     - `attachment-too-large` (400): A message attachment larger than DW_MESSAGE_ATTACHMENT_MAX_BYTES.
             *     - `bad-request` (400): The request could not be read (a malformed request without a Fastify code).
             *     - `care-already-ended` (409): The end of care is recorded once (migration 0086); it has been, or the client has no dossier.
             *     - `closed-before-received` (400): A complaint is closed on a date before it was received.
             *     - `conflict` (409): The change collides with data stored meanwhile (a unique or foreign key).
             *     - `consent-already-recorded` (409): The consent for this request has already been recorded.
             *     - `consent-missing` (409): The act needs a consent that has not been recorded yet.
             *     - `consent-not-applicable` (409): The consent named does not apply to this kind of shielding or disclosure.
             *     - `consent-not-in-force` (400): The consent named is not in force on that date, or was withdrawn.
             *     - `consent-other-data` (400): The consent named covers another part of the dossier.
             *     - `consent-other-recipient` (400): The consent named is for another recipient.
             *     - `consulted-professional-required` (400): A refusal on serious harm must name the other professional consulted (Jeugdwet 7.3.2 lid 4).
             *     - `contact-incomplete` (400): An organisation's postal code is given without the place (migration 0086).
             *     - `content-destroyed` (410): The dossier's content was destroyed (its key shredded) and can no longer be read.
             *     - `correction-refused` (409): The rules refuse this correction (a professional finding); an own statement can be added.
             *     - `correction-unchanged` (409): A correction whose new value equals the current one.
             *     - `csrf-header-missing` (403): A state-changing request without the CSRF header.
             *     - `custody-basis-missing` (400): A custodian is recorded without how custody was established.
             *     - `custody-inconsistent` (400): The custody facts of a relation contradict each other (e.g. a custody kind without custody).
             *     - `custody-kind-missing` (400): A custodian is recorded without the kind of custody.
             *     - `database-unavailable` (503): The database cannot be reached now; nothing was saved (Retry-After).
             *     - `date-in-future` (400): A date that must lie in the past or today lies in the future.
             *     - `date-not-in-future` (400): A date that must lie in the future (e.g. the end of a retention hold) does not.
             *     - `death-already-recorded` (409): The client's death has already been recorded.
             *     - `decision-against-law` (409): Granting the request is not allowed by the rules.
             *     - `destruction-needs-confirmation` (409): A destruction waits for a second authorised person's confirmation.
             *     - `dossier-transferred` (409): The dossier was transferred to another provider; nothing new is recorded here.
             *     - `download-expired` (410): A download link that has expired or was used up.
             *     - `download-not-available` (404): A download link or code that is wrong or withdrawn.
             *     - `draft-too-large` (400): A draft exceeds the configured maximum size of an entry (DW_MAX_ENTRY_BYTES).
             *     - `duplicate-bsn` (409): A client with this BSN already exists (the attempt is logged).
             *     - `duplicate-request` (409): An identical request from this requester is already open.
             *     - `emergency-role-refused` (400): An organisation setting names a role that may never break the glass (the application administrator).
             *     - `empty-text` (400): A text that must say something is empty.
             *     - `ends-before-start` (400): A period (e.g. of an audit) ends before it starts.
             *     - `enrolment-code-wrong` (400): The second-factor code given while enrolling is wrong.
             *     - `enrolment-link-invalid` (410): An enrolment link that was used, expired or replaced.
             *     - `enrolment-not-completed` (409): A role is approved before the employee completed the enrolment.
             *     - `enrolment-state-invalid` (400): The enrolment state sent back does not belong to this link; start the enrolment again.
             *     - `entry-append-only` (409): A dossier entry is never changed or deleted; add an annotation.
             *     - `entry-named-twice` (400): An entry is named both as destroyed and as kept in a partial destruction.
             *     - `entry-too-large` (400): A dossier entry exceeds the configured maximum size.
             *     - `extension-before-request` (400): The notice extending a request deadline predates the request.
             *     - `extension-reasons-required` (400): An extension of a request deadline without the reasons for the delay (AVG 12(3)).
             *     - `extension-too-late` (400): A deadline extension notified after the first month (AVG 12(3)).
             *     - `fact-already-recorded` (409): The access fact is already recorded.
             *     - `fee-not-allowed` (400): A fee is asked where the law allows none (the first copy is free, AVG 15(3)).
             *     - `field-not-allowed` (400): A field is sent that does not belong to this kind of act.
             *     - `field-not-for-decision` (400): A field is sent that does not belong to this decision.
             *     - `field-not-for-kind` (400): A field is sent that does not belong to this kind of consent or request.
             *     - `field-required` (400): A field that this kind of act requires is missing.
             *     - `forbidden` (403): The rules refuse the act; `nl` explains why and `basis` names the articles.
             *     - `future-instant` (400): A moment that must lie in the past lies in the future.
             *     - `identity-already-checked` (409): The requester's identity has already been checked for this request.
             *     - `identity-incomplete` (400): A client is registered without the identifying data required.
             *     - `identity-not-checked` (409): The requester's identity must be checked before the request is decided.
             *     - `internal` (500): An unexpected fault on the server; nothing was saved.
             *     - `invalid-acting-for` (400): The employee named as the one acted for cannot be acted for by this caller.
             *     - `invalid-bsn` (400): A BSN that fails the elfproef.
             *     - `invalid-correction` (400): A correction of a client's details with an empty or invalid new value.
             *     - `invalid-cursor` (400): The page cursor of a list is malformed.
             *     - `invalid-date` (400): A date that does not exist or is not plausible (e.g. before the birth date).
             *     - `invalid-email` (400): An e-mail address that cannot be one (for message notifications).
             *     - `invalid-instant` (400): A moment that cannot be read or is not plausible.
             *     - `invalid-passage` (400): A marked passage lies outside the text it marks.
             *     - `invalid-period` (400): A period whose end lies before its start.
             *     - `invalid-purpose` (400): The purpose header is unknown or does not name the record it rests on.
             *     - `invalid-search` (400): A client search names not exactly one of part of the name (at least 2 letters), birth date or BSN.
             *     - `invalid-text` (400): A text holds characters that do not belong in it (e.g. control characters).
             *     - `invalid-value` (400): The database refuses a value (out of range, bad encoding); the value is not echoed.
             *     - `login-failed` (401): A log-in failed; never says which part was wrong.
             *     - `login-throttled` (429): Too many failed log-ins for this account or address; wait (Retry-After).
             *     - `metrics-not-allowed` (403): The metrics are asked for from an address not configured (DW_METRICS_ALLOW).
             *     - `no-consent-needed` (409): A consent is recorded for a request that needs none.
             *     - `not-a-granted-destruction` (409): Only a granted destruction not yet carried out is confirmed.
             *     - `not-a-guardian` (400): The relation named is not a guardian with custody on that date.
             *     - `not-a-portability-request` (409): Only a portability request has this export.
             *     - `not-a-reading-request` (409): Only an inspection or copy request has a reader view.
             *     - `not-a-representative` (400): The relation named did not represent the client on that date.
             *     - `not-an-electronic-copy` (409): Only a copy request made electronically gets a download link.
             *     - `not-found` (404): Not found, or outside the caller's reach (the two are not told apart).
             *     - `not-general-information` (409): Only a general-information request has this overview.
             *     - `not-restricted` (409): The act needs a restriction of processing that is not in force.
             *     - `not-their-consent` (409): Only whoever gave a consent can withdraw it.
             *     - `note-too-large` (400): A work note exceeds the configured maximum size.
             *     - `nothing-to-shield` (400): A shielding names a part of an entry that the entry does not have.
             *     - `overloaded` (503): More API requests than the server takes at once and queues (DW_MAX_ACTIVE_REQUESTS, DW_MAX_QUEUED_REQUESTS, DW_MAX_QUEUE_WAIT_MS); nothing was done (Retry-After).
             *     - `own-account` (409): An administrator cannot disable or reset their own account or change their own role.
             *     - `password-too-common` (400): A new password is on the shipped list of common passwords.
             *     - `password-too-short` (400): A new password is shorter than the minimum length.
             *     - `password-unchanged` (400): A new password equals the current one.
             *     - `pdf-busy` (503): Too many PDFs are being made at the moment.
             *     - `pdf-size-budget` (503): Making a PDF exceeded its size budget and was stopped.
             *     - `pdf-time-budget` (503): Making a PDF exceeded its time budget and was stopped.
             *     - `portal-invitation-invalid` (410): A client-portal invitation link that was used, expired or replaced (the attempt is logged).
             *     - `portal-oidc-identity-taken` (409): The OpenID Connect identity is already linked to another portal account (one identity, one account).
             *     - `portal-oidc-mismatch` (403): An invitation linked through the OpenID Connect provider whose BSN claim is not the BSN in the dossier; logged, the invitation stays open.
             *     - `portal-oidc-provider-error` (502): The OpenID Connect provider answered with something that is not a valid answer (a server error, not JSON).
             *     - `portal-oidc-refused` (401): The OpenID Connect provider's answer was not accepted (cancelled, a code used before, a wrong nonce or ID token); no session.
             *     - `portal-oidc-state-invalid` (400): A portal OpenID Connect callback whose state or pending-log-in cookie is missing, wrong, expired or used before (a replay); logged.
             *     - `portal-oidc-unavailable` (503): The OpenID Connect provider cannot be reached now (no connection, a time-out).
             *     - `portal-oidc-unknown` (403): A log-in through the OpenID Connect provider by an identity no portal account is linked to (only an invitation links one); logged.
             *     - `portal-username-taken` (409): The user name chosen for a client-portal account is taken.
             *     - `reason-required` (400): A reason that this act requires is missing.
             *     - `reasons-required` (400): A (partial) refusal of a request without its reasons.
             *     - `refusal-ground-required` (400): A refusal, or an entry kept in a partial destruction, without a legal ground.
             *     - `relation-mismatch` (400): The care relation does not fit the employee's role (only interns are "intern").
             *     - `reported-before-occurred` (400): A report to the inspectorate is dated before the incident.
             *     - `representative-missing` (400): A young person assessed as not competent has no representative recorded.
             *     - `request-not-decided` (409): The request has no decision yet, so no decision letter.
             *     - `request-wrong-state` (409): The request is not in the state this act needs (e.g. not yet granted).
             *     - `role-pending` (403): The account's role awaits a second person's approval; until then it can do nothing.
             *     - `too-many-drafts` (409): The author already keeps the maximum number of drafts for this client; finish or discard one.
             *     - `too-young-for-assessment` (400): A competence assessment for a child under 12, who is always represented.
             *     - `totp-code-used` (401): A second-factor code that was already used in its period.
             *     - `unauthorized` (401): No valid session (not logged in, or the session expired or ended).
             *     - `unknown-annotation` (400): The annotation named does not belong to this entry.
             *     - `unknown-client` (400): A client named in the body does not exist in the organisation.
             *     - `unknown-consent` (400): The consent named is not in this client's register.
             *     - `unknown-employee` (400): The employee named does not exist in the organisation.
             *     - `unknown-entry` (400): An entry named in the body does not exist in this dossier.
             *     - `unknown-relation` (400): The relation named is not a registered relation of the client.
             *     - `unknown-requester` (400): The requester was not a registered relation of the client on the day of receipt.
             *     - `validation` (400): The body, query or parameters do not match the route's schema; `errors` names each field.
             */
            code: string;
            detail?: string;
            en: string;
            errors?: {
                en?: string;
                field?: string;
                nl?: string;
            }[];
            field?: string;
            nl: string;
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
