/**
 * Every error code the server answers with, in one place: the code (stable; clients and tests match on it), its
 * HTTP status and what it means, in English, for the maintainer and the OpenAPI document. Fastify's `FST_ERR_…`
 * codes are the model (one catalogue of named errors). The factories in `errors.ts` take only these codes, so a
 * new code is added here first or it does not compile; `error-codes.test.ts` scans the source so that no code
 * stays here once nothing answers with it, and so that each code is thrown with its status.
 *
 * The Dutch and English texts a person reads stay at the place that throws: most say which field, date or rule
 * is at fault. A malformed request Fastify itself refuses (unparsable JSON, a too-large body) keeps Fastify's
 * `FST_ERR_…` code.
 *
 * @example
 * throw badRequest('invalid-date', 'birthDate', 'Deze geboortedatum is niet aannemelijk.', 'This birth date is not plausible.');
 * throw conflict('invalid-date', …); // does not compile: 'invalid-date' is a 400, not a 409
 */

/** The catalogue: code → HTTP status and a one-line meaning. */
export const ERROR_CODES = {
  // 400: the input is wrong (a `field` names where)
  'already-closed': { status: 400, meaning: 'The complaint has already been closed.' },
  'already-reported': { status: 400, meaning: 'The report to the inspectorate has already been recorded.' },
  'answer-before-decision': { status: 400, meaning: 'The answer\'s receipt is dated before the decision.' },
  'attachment-not-allowed': { status: 400, meaning: 'A message attachment whose bytes are not a PDF, PNG or JPEG, or whose name does not fit its content.' },
  'attachment-too-large': { status: 400, meaning: 'A message attachment larger than DW_MESSAGE_ATTACHMENT_MAX_BYTES.' },
  'bad-request': { status: 400, meaning: 'The request could not be read (a malformed request without a Fastify code).' },
  'closed-before-received': { status: 400, meaning: 'A complaint is closed on a date before it was received.' },
  'consent-not-in-force': { status: 400, meaning: 'The consent named is not in force on that date, or was withdrawn.' },
  'consent-other-data': { status: 400, meaning: 'The consent named covers another part of the dossier.' },
  'consent-other-recipient': { status: 400, meaning: 'The consent named is for another recipient.' },
  'contact-incomplete': { status: 400, meaning: 'An organisation\'s postal code is given without the place (migration 0086).' },
  'consulted-professional-required': { status: 400, meaning: 'A refusal on serious harm must name the other professional consulted (Jeugdwet 7.3.2 lid 4).' },
  'custody-basis-missing': { status: 400, meaning: 'A custodian is recorded without how custody was established.' },
  'custody-inconsistent': { status: 400, meaning: 'The custody facts of a relation contradict each other (e.g. a custody kind without custody).' },
  'custody-kind-missing': { status: 400, meaning: 'A custodian is recorded without the kind of custody.' },
  'date-in-future': { status: 400, meaning: 'A date that must lie in the past or today lies in the future.' },
  'date-not-in-future': { status: 400, meaning: 'A date that must lie in the future (e.g. the end of a retention hold) does not.' },
  'draft-too-large': { status: 400, meaning: 'A draft exceeds the configured maximum size of an entry (DW_MAX_ENTRY_BYTES).' },
  'empty-text': { status: 400, meaning: 'A text that must say something is empty.' },
  'ends-before-start': { status: 400, meaning: 'A period (e.g. of an audit) ends before it starts.' },
  'enrolment-code-wrong': { status: 400, meaning: 'The second-factor code given while enrolling is wrong.' },
  'enrolment-state-invalid': { status: 400, meaning: 'The enrolment state sent back does not belong to this link; start the enrolment again.' },
  'entry-named-twice': { status: 400, meaning: 'An entry is named both as destroyed and as kept in a partial destruction.' },
  'emergency-role-refused': { status: 400, meaning: 'An organisation setting names a role that may never break the glass (the application administrator).' },
  'entry-too-large': { status: 400, meaning: 'A dossier entry exceeds the configured maximum size.' },
  'extension-before-request': { status: 400, meaning: 'The notice extending a request deadline predates the request.' },
  'extension-reasons-required': { status: 400, meaning: 'An extension of a request deadline without the reasons for the delay (AVG 12(3)).' },
  'extension-too-late': { status: 400, meaning: 'A deadline extension notified after the first month (AVG 12(3)).' },
  'fee-not-allowed': { status: 400, meaning: 'A fee is asked where the law allows none (the first copy is free, AVG 15(3)).' },
  'field-not-allowed': { status: 400, meaning: 'A field is sent that does not belong to this kind of act.' },
  'field-not-for-decision': { status: 400, meaning: 'A field is sent that does not belong to this decision.' },
  'field-not-for-kind': { status: 400, meaning: 'A field is sent that does not belong to this kind of consent or request.' },
  'field-required': { status: 400, meaning: 'A field that this kind of act requires is missing.' },
  'future-instant': { status: 400, meaning: 'A moment that must lie in the past lies in the future.' },
  'identity-incomplete': { status: 400, meaning: 'A client is registered without the identifying data required.' },
  'invalid-acting-for': { status: 400, meaning: 'The employee named as the one acted for cannot be acted for by this caller.' },
  'invalid-bsn': { status: 400, meaning: 'A BSN that fails the elfproef.' },
  'invalid-correction': { status: 400, meaning: 'A correction of a client\'s details with an empty or invalid new value.' },
  'invalid-cursor': { status: 400, meaning: 'The page cursor of a list is malformed.' },
  'invalid-email': { status: 400, meaning: 'An e-mail address that cannot be one (for message notifications).' },
  'invalid-date': { status: 400, meaning: 'A date that does not exist or is not plausible (e.g. before the birth date).' },
  'invalid-instant': { status: 400, meaning: 'A moment that cannot be read or is not plausible.' },
  'invalid-passage': { status: 400, meaning: 'A marked passage lies outside the text it marks.' },
  'invalid-period': { status: 400, meaning: 'A period whose end lies before its start.' },
  'invalid-purpose': { status: 400, meaning: 'The purpose header is unknown or does not name the record it rests on.' },
  'invalid-search': { status: 400, meaning: 'A client search names not exactly one of part of the name (at least 2 letters), birth date or BSN.' },
  'invalid-text': { status: 400, meaning: 'A text holds characters that do not belong in it (e.g. control characters).' },
  'invalid-value': { status: 400, meaning: 'The database refuses a value (out of range, bad encoding); the value is not echoed.' },
  'not-a-guardian': { status: 400, meaning: 'The relation named is not a guardian with custody on that date.' },
  'not-a-representative': { status: 400, meaning: 'The relation named did not represent the client on that date.' },
  'note-too-large': { status: 400, meaning: 'A work note exceeds the configured maximum size.' },
  'nothing-to-shield': { status: 400, meaning: 'A shielding names a part of an entry that the entry does not have.' },
  'password-too-common': { status: 400, meaning: 'A new password is on the shipped list of common passwords.' },
  'password-too-short': { status: 400, meaning: 'A new password is shorter than the minimum length.' },
  'password-unchanged': { status: 400, meaning: 'A new password equals the current one.' },
  'reason-required': { status: 400, meaning: 'A reason that this act requires is missing.' },
  'reasons-required': { status: 400, meaning: 'A (partial) refusal of a request without its reasons.' },
  'refusal-ground-required': { status: 400, meaning: 'A refusal, or an entry kept in a partial destruction, without a legal ground.' },
  'relation-mismatch': { status: 400, meaning: 'The care relation does not fit the employee\'s role (only interns are "intern").' },
  'reported-before-occurred': { status: 400, meaning: 'A report to the inspectorate is dated before the incident.' },
  'representative-missing': { status: 400, meaning: 'A young person assessed as not competent has no representative recorded.' },
  'too-young-for-assessment': { status: 400, meaning: 'A competence assessment for a child under 12, who is always represented.' },
  'unknown-annotation': { status: 400, meaning: 'The annotation named does not belong to this entry.' },
  'unknown-client': { status: 400, meaning: 'A client named in the body does not exist in the organisation.' },
  'unknown-consent': { status: 400, meaning: 'The consent named is not in this client\'s register.' },
  'unknown-employee': { status: 400, meaning: 'The employee named does not exist in the organisation.' },
  'unknown-entry': { status: 400, meaning: 'An entry named in the body does not exist in this dossier.' },
  'unknown-relation': { status: 400, meaning: 'The relation named is not a registered relation of the client.' },
  'unknown-requester': { status: 400, meaning: 'The requester was not a registered relation of the client on the day of receipt.' },
  'validation': { status: 400, meaning: 'The body, query or parameters do not match the route\'s schema; `errors` names each field.' },
  'portal-oidc-state-invalid': { status: 400, meaning: 'A portal OpenID Connect callback whose state or pending-log-in cookie is missing, wrong, expired or used before (a replay); logged.' },

  // 401: no valid session or log-in
  'login-failed': { status: 401, meaning: 'A log-in failed; never says which part was wrong.' },
  'totp-code-used': { status: 401, meaning: 'A second-factor code that was already used in its period.' },
  'unauthorized': { status: 401, meaning: 'No valid session (not logged in, or the session expired or ended).' },
  'portal-oidc-refused': { status: 401, meaning: 'The OpenID Connect provider\'s answer was not accepted (cancelled, a code used before, a wrong nonce or ID token); no session.' },

  // 403: refused
  'csrf-header-missing': { status: 403, meaning: 'A state-changing request without the CSRF header.' },
  'forbidden': { status: 403, meaning: 'The rules refuse the act; `nl` explains why and `basis` names the articles.' },
  'metrics-not-allowed': { status: 403, meaning: 'The metrics are asked for from an address not configured (DW_METRICS_ALLOW).' },
  'portal-oidc-unknown': { status: 403, meaning: 'A log-in through the OpenID Connect provider by an identity no portal account is linked to (only an invitation links one); logged.' },
  'portal-oidc-mismatch': { status: 403, meaning: 'An invitation linked through the OpenID Connect provider whose BSN claim is not the BSN in the dossier; logged, the invitation stays open.' },
  'role-pending': { status: 403, meaning: 'The account\'s role awaits a second person\'s approval; until then it can do nothing.' },

  // 404: not found, or outside the caller's reach (no existence leak)
  'download-not-available': { status: 404, meaning: 'A download link or code that is wrong or withdrawn.' },
  'not-found': { status: 404, meaning: 'Not found, or outside the caller\'s reach (the two are not told apart).' },

  // 409: the state of things does not allow it
  'agreement-exists': { status: 409, meaning: 'This start-of-care agreement is already recorded.' },
  'already-confirmed': { status: 409, meaning: 'The destruction has already been confirmed.' },
  'already-holder': { status: 409, meaning: 'A hand-over names the colleague who already holds the dossier on that day.' },
  'already-ended': { status: 409, meaning: 'The relation or care-team membership has already ended.' },
  'already-restricted': { status: 409, meaning: 'Processing is already restricted.' },
  'already-reviewed': { status: 409, meaning: 'The emergency access has already been reviewed.' },
  'already-transferred': { status: 409, meaning: 'The dossier has already been transferred.' },
  'already-withdrawn': { status: 409, meaning: 'The consent has already been withdrawn.' },
  'answer-receipt-already-recorded': { status: 409, meaning: 'The receipt of the answer has already been recorded.' },
  'care-already-ended': { status: 409, meaning: 'The end of care is recorded once (migration 0086); it has been, or the client has no dossier.' },
  'conflict': { status: 409, meaning: 'The change collides with data stored meanwhile (a unique or foreign key).' },
  'consent-already-recorded': { status: 409, meaning: 'The consent for this request has already been recorded.' },
  'consent-missing': { status: 409, meaning: 'The act needs a consent that has not been recorded yet.' },
  'consent-not-applicable': { status: 409, meaning: 'The consent named does not apply to this kind of shielding or disclosure.' },
  'correction-refused': { status: 409, meaning: 'The rules refuse this correction (a professional finding); an own statement can be added.' },
  'correction-unchanged': { status: 409, meaning: 'A correction whose new value equals the current one.' },
  'death-already-recorded': { status: 409, meaning: 'The client\'s death has already been recorded.' },
  'decision-against-law': { status: 409, meaning: 'Granting the request is not allowed by the rules.' },
  'destruction-needs-confirmation': { status: 409, meaning: 'A destruction waits for a second authorised person\'s confirmation.' },
  'dossier-transferred': { status: 409, meaning: 'The dossier was transferred to another provider; nothing new is recorded here.' },
  'duplicate-bsn': { status: 409, meaning: 'A client with this BSN already exists (the attempt is logged).' },
  'duplicate-request': { status: 409, meaning: 'An identical request from this requester is already open.' },
  'portal-username-taken': { status: 409, meaning: 'The user name chosen for a client-portal account is taken.' },
  'portal-oidc-identity-taken': { status: 409, meaning: 'The OpenID Connect identity is already linked to another portal account (one identity, one account).' },
  'enrolment-not-completed': { status: 409, meaning: 'A role is approved before the employee completed the enrolment.' },
  'entry-append-only': { status: 409, meaning: 'A dossier entry is never changed or deleted; add an annotation.' },
  'fact-already-recorded': { status: 409, meaning: 'The access fact is already recorded.' },
  'identity-already-checked': { status: 409, meaning: 'The requester\'s identity has already been checked for this request.' },
  'identity-not-checked': { status: 409, meaning: 'The requester\'s identity must be checked before the request is decided.' },
  'no-consent-needed': { status: 409, meaning: 'A consent is recorded for a request that needs none.' },
  'not-a-granted-destruction': { status: 409, meaning: 'Only a granted destruction not yet carried out is confirmed.' },
  'not-a-portability-request': { status: 409, meaning: 'Only a portability request has this export.' },
  'not-a-reading-request': { status: 409, meaning: 'Only an inspection or copy request has a reader view.' },
  'not-an-electronic-copy': { status: 409, meaning: 'Only a copy request made electronically gets a download link.' },
  'not-general-information': { status: 409, meaning: 'Only a general-information request has this overview.' },
  'not-restricted': { status: 409, meaning: 'The act needs a restriction of processing that is not in force.' },
  'not-their-consent': { status: 409, meaning: 'Only whoever gave a consent can withdraw it.' },
  'own-account': { status: 409, meaning: 'An administrator cannot disable or reset their own account or change their own role.' },
  'request-not-decided': { status: 409, meaning: 'The request has no decision yet, so no decision letter.' },
  'request-wrong-state': { status: 409, meaning: 'The request is not in the state this act needs (e.g. not yet granted).' },
  'too-many-drafts': { status: 409, meaning: 'The author already keeps the maximum number of drafts for this client; finish or discard one.' },

  // 410: gone for good
  'content-destroyed': { status: 410, meaning: 'The dossier\'s content was destroyed (its key shredded) and can no longer be read.' },
  'download-expired': { status: 410, meaning: 'A download link that has expired or was used up.' },
  'enrolment-link-invalid': { status: 410, meaning: 'An enrolment link that was used, expired or replaced.' },
  'portal-invitation-invalid': { status: 410, meaning: 'A client-portal invitation link that was used, expired or replaced (the attempt is logged).' },

  // 429: too many
  'login-throttled': { status: 429, meaning: 'Too many failed log-ins for this account or address; wait (Retry-After).' },

  // 500, 502, 503: the server (or a server it depends on) cannot now
  'internal': { status: 500, meaning: 'An unexpected fault on the server; nothing was saved.' },
  'portal-oidc-provider-error': { status: 502, meaning: 'The OpenID Connect provider answered with something that is not a valid answer (a server error, not JSON).' },
  'portal-oidc-unavailable': { status: 503, meaning: 'The OpenID Connect provider cannot be reached now (no connection, a time-out).' },
  'database-unavailable': { status: 503, meaning: 'The database cannot be reached now; nothing was saved (Retry-After).' },
  'pdf-busy': { status: 503, meaning: 'Too many PDFs are being made at the moment.' },
  'pdf-size-budget': { status: 503, meaning: 'Making a PDF exceeded its size budget and was stopped.' },
  'pdf-time-budget': { status: 503, meaning: 'Making a PDF exceeded its time budget and was stopped.' },
  'overloaded': { status: 503, meaning: 'More API requests than the server takes at once and queues (DW_MAX_ACTIVE_REQUESTS, DW_MAX_QUEUED_REQUESTS, DW_MAX_QUEUE_WAIT_MS); nothing was done (Retry-After).' },
} as const satisfies Record<string, { status: number; meaning: string }>;

/** A code from the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes the catalogue gives the HTTP status `S` (so `badRequest` takes only 400 codes). */
export type ErrorCodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof ERROR_CODES)[C]['status'] extends S ? C : never;
}[ErrorCode];

/** Every code, sorted. */
export const errorCodes: readonly ErrorCode[] = (Object.keys(ERROR_CODES) as ErrorCode[]).sort();
