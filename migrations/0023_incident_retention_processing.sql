-- Two gaps in the records beside the dossier (issue 7 parts 3 and 7).
--
-- 1. Incidents and calamities had no retention ("each with its own
--    retention"). No statute fixes a period, so AVG 5(1)(e) asks the
--    organisation for one: by default 5 years after the incident or its report
--    to the inspectorate, whichever is later (src/registers/register-retention.ts
--    explains the choice); never while a required inspectorate report
--    (Jeugdwet 4.1.8) is still due. The organisation may set its own term with
--    a reason; the retention sweep deletes expired incidents like complaints.
CREATE TABLE org.incident_retention_settings (
  organisation_id uuid PRIMARY KEY REFERENCES org.organisations(id),
  incident_years integer NOT NULL CHECK (incident_years BETWEEN 1 AND 100),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  set_by uuid NOT NULL REFERENCES org.employees(id),
  set_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
GRANT SELECT, INSERT, UPDATE ON org.incident_retention_settings TO dossierwijzer_app;
-- DELETE only for the retention purge of expired incidents.
GRANT DELETE ON org.incidents TO dossierwijzer_app;

UPDATE org.processing_activities
   SET retention = '5 jaar na het incident of de melding aan de inspectie (de organisatie kan een eigen termijn instellen); niet zolang een verplichte melding (Jeugdwet 4.1.8) nog openstaat'
 WHERE organisation_id IS NULL AND name = 'Incidenten en calamiteiten';

-- 2. The records of processing (AVG 30) missed activities the system
--    performs. Seeded as standard rows (no organisation), as in 0014.
INSERT INTO org.processing_activities (name, purpose, legal_basis, data_subjects, data_categories, recipients, retention, security) VALUES
  ('Persoonlijke werkaantekeningen', 'Een hulpverlener legt voor zichzelf tijdelijk aantekeningen vast, buiten het dossier.',
   'AVG 6 lid 1 c en 9 lid 2 h; Jeugdwet 7.3.8; Handreiking dossiervorming 2.3.13',
   ARRAY['jeugdigen', 'ouders en verzorgers'], ARRAY['eigen waarnemingen en indrukken van de hulpverlener'],
   ARRAY['niemand: alleen de schrijver zelf; overgezet naar het dossier valt de aantekening onder de rechten van de cliënt'],
   'Tot de vervaldatum (standaard 30 dagen), daarna vernietigd',
   'Versleuteld met de sleutel van de cliënt, alleen leesbaar voor de schrijver; het toegangslog noemt alleen het gebruik'),
  ('Overdracht van dossiers', 'Een dossier overdragen aan een opvolgende zorgaanbieder of aan de Nidos-voogd van een alleenstaande minderjarige.',
   'AVG 6 lid 1 a en c en 9 lid 2 a en h; Jeugdwet 7.3.11; BW 7:457',
   ARRAY['jeugdigen', 'ouders en verzorgers'], ARRAY['het dossier zoals de ontvanger het mag zien', 'naam van de ontvanger en datum'],
   ARRAY['opvolgende zorgaanbieder', 'Nidos (voogdij alleenstaande minderjarigen)'],
   'Het overdrachtsverslag zolang het dossier bewaard wordt (Jeugdwet 7.3.8)',
   'Toetsing door de regels van de wet, registratie als verstrekking, dossier daarna gesloten voor nieuwe aantekeningen'),
  ('Gezinsdossiers', 'Vastleggen wat het gezin als geheel betreft, naast de eigen dossiers van de gezinsleden.',
   'AVG 6 lid 1 c en 9 lid 2 h; Jeugdwet 7.3.8; Handreiking dossiervorming 2.3.4',
   ARRAY['jeugdigen', 'ouders en verzorgers', 'andere gezinsleden'], ARRAY['gezinsplan, gespreksverslagen en evaluaties over het gezin'],
   ARRAY['hulpverleners met een behandelrelatie met ten minste één gezinslid'],
   '20 jaar na de laatste wijziging; vernietigd met het dossier van het laatste gezinslid',
   'Eigen sleutel per gezin; nooit zichtbaar in inzage of afschrift van één gezinslid; toegang gelogd per gezinslid'),
  ('Noodtoegang', 'In een noodsituatie een dossier openen zonder behandelrelatie, met opgave van reden, achteraf getoetst.',
   'AVG 6 lid 1 d en 9 lid 2 c en h; NEN 7510', ARRAY['jeugdigen', 'medewerkers'],
   ARRAY['wie, wanneer, welk dossier, de reden (versleuteld)', 'het oordeel van de functionaris gegevensbescherming'],
   ARRAY['functionaris gegevensbescherming'], 'Zolang het dossier bewaard wordt',
   'Beperkt in tijd, altijd beoordeeld door de FG; een onterechte noodtoegang opent een concept-datalek'),
  ('Downloadlinks voor afschriften', 'Een afschrift van het dossier elektronisch beschikbaar stellen aan wie erom vroeg.',
   'AVG 6 lid 1 c, 12 lid 3 en 15 lid 3', ARRAY['jeugdigen', 'ouders en verzorgers'],
   ARRAY['het afschrift (versleuteld)', 'gehashte link en code', 'wie het ophaalde en wanneer'],
   ARRAY['de verzoeker'], '7 dagen, daarna niet meer op te halen; vernietigd met het dossier',
   'Link en aparte code, alleen als hash opgeslagen; elke poging staat in het toegangslog'),
  ('Verzoeken van cliënten', 'Verzoeken om inzage, afschrift, correctie, vernietiging en andere rechten behandelen binnen de termijn.',
   'AVG 12 tot en met 22; Jeugdwet 7.3.9 en 7.3.10; BW 7:456', ARRAY['jeugdigen', 'ouders en verzorgers', 'vertegenwoordigers'],
   ARRAY['het verzoek, de beslissing en de gronden'], ARRAY['de verzoeker'], 'Zolang het dossier bewaard wordt',
   'Gekoppeld aan het dossier, alleen voor wie het verzoek behandelt'),
  ('Bewaartermijnen en vernietiging', 'Dossiers na afloop van de bewaartermijn laten beoordelen en vernietigen, en vastleggen dat dat gebeurde.',
   'AVG 5 lid 1 e en 17; Jeugdwet 7.3.8 en 7.3.9; BW 7:454', ARRAY['jeugdigen'],
   ARRAY['datum laatste wijziging, bewaard tot, beslissing van de FG', 'vernietigingsverslag zonder inhoud'],
   ARRAY['functionaris gegevensbescherming'], 'Het vernietigingsverslag blijft; het dossier zelf niet',
   'Alleen via de goedgekeurde vernietigingsfunctie, die zelf het verslag schrijft');
