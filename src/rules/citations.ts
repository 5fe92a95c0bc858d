/**
 * Every article the rules cite, in one place, written `<law> <article>` as the
 * conformance format expects. A rule cites these constants, never a string of
 * its own, so a renumbered article is changed here once. The same holds outside
 * the rules: a refusal's `basis` (`forbidden` in errors.ts) and a policy
 * decision's `citations` (access/policy.ts) are `Citation`s, so a free string
 * does not compile; `citations.test.ts` keeps every entry in use and its law
 * one the sources name.
 *
 * Sources (in `shared/domain/`): 003 = the professional guide "Het dossier in
 * de jeugdhulpverlening – rechten en plichten"; 000 XONAR, 001 Sterk Huis,
 * 002 Buro Onderscheiden, 004 Vigere Jeugdzorg privacy statements.
 */
export const Citation = {
  /** Quality: calamities and violence in the care relationship are reported to the inspectorate without delay (DOMAIN §1). */
  jeugdwet_4_1_8: 'Jeugdwet 4.1.8',
  /** Complaints (klachtrecht, §4.2): the provider has a complaints procedure; the complaints register. */
  jeugdwet_4_2: 'Jeugdwet 4.2',
  /** Information duty; lid 4: withhold information that would clearly cause serious harm (003 §3.1). */
  jeugdwet_7_3_2: 'Jeugdwet 7.3.2',
  /** Consent to care: under 12 the parents, 12–15 both (003 §2.3.5; 001; 002). */
  jeugdwet_7_3_4: 'Jeugdwet 7.3.4',
  /** From 16 the young person consents to care alone. */
  jeugdwet_7_3_5: 'Jeugdwet 7.3.5',
  /** Duty to keep a dossier, own statement, retention 20 years (003 §2.3.2, §3.2). */
  jeugdwet_7_3_8: 'Jeugdwet 7.3.8',
  /** Destruction on request, within three months; refusal grounds (003 §3.3). */
  jeugdwet_7_3_9: 'Jeugdwet 7.3.9',
  /** Inspection and copy; withheld to protect another's privacy (003 §3.1). */
  jeugdwet_7_3_10: 'Jeugdwet 7.3.10',
  /** Professional secrecy; parents' own right 12–15; family guardian lid 4 (003 §3.1; 004 C). */
  jeugdwet_7_3_11: 'Jeugdwet 7.3.11',
  /** Statistics and scientific research without consent: only where asking is not possible and the client did not object (003 §3.5). */
  jeugdwet_7_3_12: 'Jeugdwet 7.3.12',
  /** Inspection and copy after the client's death: consent in life, a compelling interest, custody of a child who died before 16 (003 §3.1). */
  jeugdwet_7_3_12a: 'Jeugdwet 7.3.12a',
  /** Representation of a client of 12 or over who is not competent; of an adult: curator, mentor, authorised person, partner, family. */
  jeugdwet_7_3_15: 'Jeugdwet 7.3.15',
  /** Court within six weeks against a decision on the dossier rights (003 §4). */
  jeugdwet_7_3_17: 'Jeugdwet 7.3.17',
  /** Minors are under custody; it ends at 18 (majority). */
  bw_1_233: 'BW 1:233',
  /** Custody includes representation (lid 4); custody of a parent and a non-parent together (lid 5). */
  bw_1_245: 'BW 1:245',
  /** Parents with joint custody exercise it together (care consent from each custodian). */
  bw_1_251: 'BW 1:251',
  /** A disagreement between parents with joint custody goes to the court. */
  bw_1_253a: 'BW 1:253a',
  /** A legal parent without custody: general information on request — start, end, goals, results (003 §3.1). */
  bw_1_377c: 'BW 1:377c',
  /** Joint custody of a parent and a non-parent (the partner of the parent). */
  bw_1_253t: 'BW 1:253t',
  /** Curatele: the curator represents the adult. */
  bw_1_378: 'BW 1:378',
  /** Mentorschap: the mentor represents the adult in matters of care. */
  bw_1_450: 'BW 1:450',
  /** WGBO: from 16 the young person contracts for care alone. */
  bw_7_447: 'BW 7:447',
  /** WGBO information duty, incl. the therapeutic exception. */
  bw_7_448: 'BW 7:448',
  /** WGBO consent to treatment. */
  bw_7_450: 'BW 7:450',
  /** WGBO dossier and retention. */
  bw_7_454: 'BW 7:454',
  /** WGBO destruction on request. */
  bw_7_455: 'BW 7:455',
  /** WGBO inspection and copy. */
  bw_7_456: 'BW 7:456',
  /** WGBO secrecy; those directly involved in the care are not "others". */
  bw_7_457: 'BW 7:457',
  /** WGBO statistics and scientific research without consent. */
  bw_7_458: 'BW 7:458',
  /** WGBO inspection and copy after the patient's death. */
  bw_7_458a: 'BW 7:458a',
  /** WGBO representation: under 12, and 12+ not competent, the representatives act; of an adult lid 3–4. */
  bw_7_465: 'BW 7:465',
  /** Purpose limitation and data minimisation. */
  avg_5: 'AVG 5',
  /** Purpose limitation: a quality audit reads client data for that purpose only. */
  avg_5_1_b: 'AVG 5(1)(b)',
  /** Integrity and confidentiality: access granted by those responsible for it, not by whoever can reach the data. */
  avg_5_1_f: 'AVG 5(1)(f)',
  /** Consent may be withdrawn at any time, as easily as it was given (lid 3). */
  avg_7: 'AVG 7',
  /** Security of processing: organisational measures, among them who may do what. */
  avg_32: 'AVG 32',
  /** The data protection officer's position: independent, no conflict of interests (lid 6) — nobody reviews their own emergency access. */
  avg_38: 'AVG 38',
  /** The data protection officer's tasks (the privacy officer, FG): monitoring compliance. */
  avg_39: 'AVG 39',
  /** Records of processing activities (het register van verwerkingen). */
  avg_30: 'AVG 30',
  /** Segregation of duties: no one person both asks for and grants a privileged role. */
  nen_7510_2_a_6_1_2: 'NEN 7510-2 A.6.1.2',
  /** Access control: allocating and withdrawing access rights is a privileged, controlled task. */
  nen_7510_2_a_9_2: 'NEN 7510-2 A.9.2',
  /** Provisioning of user access: a role takes effect only through formal approval. */
  nen_7510_2_a_9_2_3: 'NEN 7510-2 A.9.2.3',
  /** Management of secret authentication information: the user sets their own password and second factor. */
  nen_7510_2_a_9_2_4: 'NEN 7510-2 A.9.2.4',
  /** Secure log-on procedures (two factors). */
  nen_7510_2_a_9_4_2: 'NEN 7510-2 A.9.4.2',
  /** Lawful basis (legal obligation, vital interest). */
  avg_6: 'AVG 6',
  /** Special categories of data; vital interests (9(2)(c)). */
  avg_9: 'AVG 9',
  /** Deadlines for answering a request: one month, +2 when told in time. */
  avg_12: 'AVG 12',
  /** Right of access. */
  avg_15: 'AVG 15',
  /** Right to rectification. */
  avg_16: 'AVG 16',
  /** Right to erasure. */
  avg_17: 'AVG 17',
  /** Right to restriction of processing: only storage, legal claims, another's rights, public interest (lid 2). */
  avg_18: 'AVG 18',
  /** Right to data portability. */
  avg_20: 'AVG 20',
  /** Right to object. */
  avg_21: 'AVG 21',
  /** The AVG deadlines apply to Jeugdwet/WGBO requests (003 §4). */
  uavg_34: 'UAVG 34',
  /** Court within six weeks (003 §4). */
  uavg_35: 'UAVG 35',
  /** The confidential advisor gets what the task needs, "onverminderd" professional secrecy (003 §3.1). */
  besluit_jeugdwet_4_1_5: 'Besluit Jeugdwet 4.1.5',
  /** Duty to cooperate with a supervisor such as the IGJ (004 C). */
  awb_5_20: 'Awb 5:20',
  /** A statutory period ending on a Saturday, Sunday or holiday ends on the next working day. */
  atw_1: 'Algemene termijnenwet 1',
  /** The holidays, and Good Friday made equal to them. */
  atw_3: 'Algemene termijnenwet 3',
  /** EU rules for periods: months end on the same date or the month's last day; weekends and holidays. */
  regulation_1182_71_3: 'Verordening 1182/71 3',
} as const;
export type Citation = (typeof Citation)[keyof typeof Citation];
