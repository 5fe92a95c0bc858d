/**
 * The vocabulary of acts, table-driven: for every act, exactly who may do it.
 * Each row cites its source; every other actor is refused with the articles
 * and a Dutch explanation.
 */
import { describe, expect, it } from 'vitest';
import { Act, ACTS, decideAct, Employee, ActingFor, RequestKindWord, type ActInput } from './acts.js';

const ON = '2026-12-04';
const CLIENT = { born: '2012-03-01' };

/** The actors of the matrix: every employee, administrative staff three times (for nobody, an involved professional, the holder). */
const ACTORS = [
  'holder', 'member', 'substitute', 'intern', 'professional-without-relation', 'without-relation',
  'admin-staff', 'admin-staff-for-involved', 'admin-staff-for-holder', 'manager', 'privacy-officer', 'application-administrator',
] as const;
type TestActor = (typeof ACTORS)[number];

function who(actor: TestActor): Pick<ActInput, 'employee' | 'actingFor'> {
  if (actor === 'admin-staff-for-involved') return { employee: Employee.adminStaff, actingFor: ActingFor.involved };
  if (actor === 'admin-staff-for-holder') return { employee: Employee.adminStaff, actingFor: ActingFor.holder };
  return { employee: actor };
}

const CARE_TEAM = ['holder', 'member', 'substitute'] as const;

/** Who may, per organisational act, and why. */
const MAY: Partial<Record<Act, { may: readonly TestActor[]; source: string }>> = {
  'shield': { may: CARE_TEAM, source: 'Jeugdwet 7.3.10: withholding to protect another person is the care professionals\' judgement' },
  'lift-shielding': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.10; AVG 5(1)(f), 32: showing what another is protected from, only by those responsible' },
  'register-relation': { may: ['holder', 'admin-staff-for-holder'], source: '003 §2.3.5: who represents the client is established with care' },
  'end-relation': { may: ['holder', 'admin-staff-for-holder'], source: '003 §2.3.5; BW 1:245' },
  'record-custody': { may: ['holder', 'admin-staff-for-holder'], source: '003 §2.3.5: "na een zorgvuldige vaststelling worden bijgehouden wie het gezag heeft"' },
  'record-consent': { may: [...CARE_TEAM, 'admin-staff-for-involved', 'admin-staff-for-holder'], source: 'Jeugdwet 7.3.4–7.3.5; 004 C: a signed declaration is administration for the professional' },
  'withdraw-consent': { may: [...CARE_TEAM, 'admin-staff-for-involved', 'admin-staff-for-holder'], source: 'AVG 7(3): effective at once; not by an intern' },
  'make-agreement': { may: ['holder'], source: '003 §2.3.5, §3.1: the agreement narrows what parents with custody receive (Jeugdwet 7.3.11)' },
  'end-agreement': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.11' },
  'assess-competence': { may: CARE_TEAM, source: '003 §3.1; BW 7:465: the professional assesses, with an expert consulted' },
  'register-request': { may: [...CARE_TEAM, 'intern', 'admin-staff', 'admin-staff-for-involved', 'admin-staff-for-holder'], source: 'AVG 12(3): the deadline runs from receipt; intake is administration (004 C)' },
  'decide-request': { may: ['holder', 'manager'], source: '003 §2.3.6: "Het is aan de hulpverlener om te beslissen op zo\'n verzoek"' },
  'destroy': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.9: cannot be undone' },
  'transfer': { may: ['holder', 'manager'], source: '003 §2.2.8: the whole dossier leaves the organisation' },
  'confirm-destruction': { may: ['holder', 'manager', 'privacy-officer'], source: 'Jeugdwet 7.3.9; issue 14: a second authorised person confirms' },
  'record-disclosure': { may: CARE_TEAM, source: 'Jeugdwet 7.3.11: professional secrecy is the care professionals\'' },
  'change-care-team': { may: ['holder', 'manager'], source: 'DOMAIN §2; AVG 5(1)(f), 32: joining the team opens the dossier' },
  'end-care': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.8; 003 §2.1: the holder closes the care, a manager when the holder cannot; the team closes (DOMAIN §2)' },
  'record-objection': { may: [...CARE_TEAM, 'intern', 'manager'], source: '000: a restriction the client asks for, recorded at once' },
  'withdraw-objection': { may: ['holder', 'manager'], source: '000; Jeugdwet 7.3.11' },
  'record-death': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.12a: after the death other rules decide who inspects' },
  'correct-death': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.12a: the same as recording the death (issue 16)' },
  'record-wish-after-death': { may: ['holder', 'manager'], source: 'Jeugdwet 7.3.12a lid 1(a), lid 4: it decides who inspects after death' },
  'end-restriction': { may: ['holder'], source: 'AVG 18(3)' },
  'keep-for-good-care': { may: ['holder'], source: 'Jeugdwet 7.3.8: the "goed jeugdhulpverlener"\'s judgement' },
  'release-to-portal': { may: ['holder'], source: '003 §2.3.6: the holder decides what the client gets, and when (issue 19)' },
  'invite-to-portal': { may: ['holder', 'member', 'substitute', 'admin-staff-for-holder'], source: 'Jeugdwet 7.3.10; NEN 7510-2 A.9.2: access granted by the care team that checked identity (issue 19)' },
  'withhold-from-portal': { may: ['holder'], source: 'Jeugdwet 7.3.2 lid 4, 7.3.10: refusing information is the holder\'s decision (003 §3.1)' },
  'open-emergency': { may: [...CARE_TEAM, 'professional-without-relation'], source: '003 §2.2.8: emergency access for those who give care' },
  'review-emergency': { may: ['privacy-officer'], source: 'AVG 39; NEN 7513' },
  'hold-retention': { may: ['privacy-officer'], source: 'AVG 39; Jeugdwet 7.3.8' },
  'release-retention': { may: ['privacy-officer'], source: 'AVG 39; Jeugdwet 7.3.8' },
  'confirm-retention-review': { may: ['privacy-officer'], source: 'AVG 39; Jeugdwet 7.3.8; AVG 17' },
  'review-log': { may: ['privacy-officer'], source: 'NEN 7513; AVG 39' },
  'administer-account': { may: ['application-administrator'], source: 'NEN 7510-2 A.9.2' },
};

const FULFIL_HANDING_OVER: readonly TestActor[] = [...CARE_TEAM, 'admin-staff-for-involved', 'admin-staff-for-holder', 'manager'];

describe('decideAct: acts × actors', () => {
  it('names every act the issue lists', () => {
    for (const act of ['read-part', 'record-entry', 'annotate', 'shield', 'lift-shielding', 'register-relation', 'end-relation', 'record-custody',
      'record-consent', 'withdraw-consent', 'make-agreement', 'end-agreement', 'register-request', 'decide-request', 'fulfil-request', 'destroy',
      'transfer', 'change-care-team', 'open-emergency', 'review-emergency', 'hold-retention', 'release-retention', 'confirm-retention-review',
      'administer-account']) {
      expect(ACTS).toContain(act);
    }
  });

  for (const [act, row] of Object.entries(MAY)) {
    it(`${act}: only ${row.may.join(', ')} (${row.source})`, () => {
      for (const actor of ACTORS) {
        const d = decideAct({ act: act as Act, ...who(actor), on: ON, client: CLIENT });
        expect(d.outcome, `${actor} → ${act}`).toBe(row.may.includes(actor) ? 'allow' : 'deny');
        expect(d.basis.length, `${actor} → ${act}`).toBeGreaterThan(0);
        expect(d.explanation.length, `${actor} → ${act}`).toBeGreaterThan(30);
      }
    });
  }

  it('decides a request of every kind only by the holder or a manager (003 §2.3.6), citing the kind\'s articles', () => {
    for (const kind of Object.values(RequestKindWord)) {
      for (const actor of ACTORS) {
        const d = decideAct({ act: Act.decideRequest, ...who(actor), requestKind: kind, on: ON, client: CLIENT });
        expect(d.outcome, `${actor} decides ${kind}`).toBe(actor === 'holder' || actor === 'manager' ? 'allow' : 'deny');
      }
    }
    expect(decideAct({ act: Act.decideRequest, employee: 'holder', requestKind: 'destroy', on: ON, client: CLIENT }).basis).toContain('Jeugdwet 7.3.9');
    expect(decideAct({ act: Act.decideRequest, employee: 'holder', requestKind: 'general-information', on: ON, client: CLIENT }).basis).toContain('BW 1:377c');
  });

  it('fulfils per kind: handing over by the care team and staff for them; a change of dossier or rights only by the holder or a manager', () => {
    for (const kind of Object.values(RequestKindWord)) {
      const handingOver = ['inspect', 'copy', 'portability', 'general-information'].includes(kind);
      for (const actor of ACTORS) {
        const d = decideAct({ act: Act.fulfilRequest, ...who(actor), requestKind: kind, on: ON, client: CLIENT });
        const may = handingOver ? FULFIL_HANDING_OVER.includes(actor) : actor === 'holder' || actor === 'manager';
        expect(d.outcome, `${actor} fulfils ${kind}`).toBe(may ? 'allow' : 'deny');
      }
    }
    // Fulfilling a destruction is the act destroy (Jeugdwet 7.3.9).
    expect(decideAct({ act: Act.fulfilRequest, employee: 'member', requestKind: 'destroy', on: ON, client: CLIENT }).rule).toBe('destroy.not-responsible');
  });

  it('never lets an intern change rights: nothing but recording, reading, a request\'s intake and the client\'s objection (000; issue 14)', () => {
    const allowed = ACTS.filter((act) => decideAct({ act, employee: 'intern', on: ON, client: CLIENT }).outcome === 'allow');
    expect(allowed).toEqual(['read-part', 'record-entry', 'annotate', 'register-request', 'record-objection']);
  });

  it('explains an intern\'s refusal in Dutch with the reason (B1)', () => {
    const d = decideAct({ act: Act.liftShielding, employee: 'intern', on: ON, client: CLIENT });
    expect(d.outcome).toBe('deny');
    expect(d.explanation).toContain('stagiair');
    expect(d.basis).toEqual(expect.arrayContaining(['Jeugdwet 7.3.10', 'AVG 32']));
  });

  it('tells administrative staff to name the holder for custody (003 §2.3.5)', () => {
    expect(decideAct({ act: Act.recordCustody, employee: 'admin-staff', on: ON, client: CLIENT }).explanation).toContain('noem die hulpverlener');
    expect(decideAct({ act: Act.recordCustody, employee: 'admin-staff', actingFor: 'involved', on: ON, client: CLIENT }).explanation).toContain('namens de dossierhouder');
  });

  it('lets emergency access read but change nothing, and says so before a form is filled in (003 §2.2.8: "dat in geval van nood er wel toegang is tot het dossier"; AVG 9(2)(c))', () => {
    // The browser asks the engine with the facts the gate decides on (issue 15 item 7): a care professional without a care
    // relation who broke the glass reads the dossier; every act that writes or changes rights stays refused, with a reason that names the emergency.
    const emergency = { employee: Employee.professionalWithoutRelation, on: ON, client: CLIENT, facts: ['emergency'] } as const;
    expect(decideAct({ ...emergency, act: Act.readPart }).outcome).toBe('allow');
    expect(decideAct({ ...emergency, act: Act.readPart, part: 'conversation-report' }).outcome).toBe('allow');
    expect(decideAct({ ...emergency, act: Act.readPart }).basis).toEqual(expect.arrayContaining(['AVG 9']));
    expect(decideAct({ ...emergency, act: Act.recordEntry }).rule).toBe('record.no-care-relation');
    expect(decideAct({ ...emergency, act: Act.annotate }).outcome).toBe('deny');
    for (const [act, row] of Object.entries(MAY)) {
      if (row.may.includes('professional-without-relation')) continue;
      const d = decideAct({ ...emergency, act: act as Act });
      expect(d.outcome, act).toBe('deny');
      expect(d.basis.length, act).toBeGreaterThan(0);
      if (d.rule.endsWith('.not-responsible')) expect(d.explanation, act).toContain('U heeft noodtoegang');
    }
    // Without the emergency it is the plain refusal of someone not involved.
    const plain = decideAct({ act: Act.changeCareTeam, employee: Employee.professionalWithoutRelation, on: ON, client: CLIENT });
    expect(plain.explanation).toContain('niet bij de hulp aan deze cliënt betrokken');
    expect(plain.explanation).not.toContain('noodtoegang');
  });

  it('passes the acts on the content to the law\'s own questions (decide, decideRecording)', () => {
    expect(decideAct({ act: Act.readPart, employee: 'member', on: ON, client: CLIENT }).outcome).toBe('allow');
    expect(decideAct({ act: Act.readPart, employee: 'intern', on: ON, client: CLIENT, facts: ['client-objects-to-interns'] }).outcome).toBe('deny');
    expect(decideAct({ act: Act.recordEntry, employee: 'manager', on: ON, client: CLIENT }).rule).toBe('record.no-care-relation');
    expect(decideAct({ act: Act.annotate, employee: 'substitute', on: ON, client: CLIENT }).outcome).toBe('allow');
  });
});
