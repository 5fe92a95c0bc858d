-- Records kept beside the dossier (issue 7 part 3) and the records of
-- processing (AVG 30, part 7). None of this is part of a care dossier: it has
-- its own retention and never shows in a client's timeline, inspection or
-- copy. Free texts (which name people) are AES-256-GCM ciphertext under the
-- master key, bound to `register:<kind>:<id>` — not under a client's key,
-- because these records outlive a destroyed dossier on their own terms.
-- client ids carry no foreign key for the same reason.

-- Klachten (complaints): kept 2 years after closing (004 A).
CREATE TABLE org.complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid,
  received_on date NOT NULL,
  content bytea NOT NULL,
  closed_on date CHECK (closed_on IS NULL OR closed_on >= received_on),
  outcome text CHECK (outcome IN ('founded', 'partly-founded', 'unfounded', 'withdrawn', 'settled')),
  keep_until date,
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL,
  CHECK ((closed_on IS NULL) = (outcome IS NULL) AND (closed_on IS NULL) = (keep_until IS NULL))
);
CREATE INDEX complaints_organisation ON org.complaints (organisation_id, received_on DESC);

-- Incidenten en calamiteiten; a calamity and violence in the care relationship
-- must be reported to the inspectorate (Jeugdwet 4.1.8).
CREATE TABLE org.incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  kind text NOT NULL CHECK (kind IN ('incident', 'calamity', 'violence')),
  occurred_on date NOT NULL,
  client_ids uuid[] NOT NULL DEFAULT '{}',
  content bytea NOT NULL,
  inspectorate_report_required boolean NOT NULL,
  reported_to_inspectorate_on date CHECK (reported_to_inspectorate_on IS NULL OR reported_to_inspectorate_on >= occurred_on),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX incidents_organisation ON org.incidents (organisation_id, occurred_on DESC);

-- Aanmeldingen (prospective clients, not yet in care): kept 6 months (004 A).
CREATE TABLE org.prospective_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  registered_on date NOT NULL,
  content bytea NOT NULL,
  keep_until date NOT NULL CHECK (keep_until > registered_on),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX prospective_clients_organisation ON org.prospective_clients (organisation_id, registered_on DESC);

-- Register van verwerkingsactiviteiten (AVG 30). Rows without an organisation
-- are the standard activities this system performs for every organisation;
-- an organisation adds its own.
CREATE TABLE org.processing_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES org.organisations(id),
  name text NOT NULL,
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  data_subjects text[] NOT NULL,
  data_categories text[] NOT NULL,
  recipients text[] NOT NULL,
  retention text NOT NULL,
  security text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO org.processing_activities (name, purpose, legal_basis, data_subjects, data_categories, recipients, retention, security) VALUES
  ('Jeugdhulpdossier', 'Goede jeugdhulp verlenen en vastleggen wat daarvoor nodig is.',
   'AVG 6 lid 1 c en 9 lid 2 h; Jeugdwet 7.3.8 (dossierplicht); WGBO 7:454',
   ARRAY['jeugdigen', 'ouders en verzorgers', 'andere betrokkenen in het gezin'],
   ARRAY['naam, adres en geboortedatum', 'BSN', 'gegevens over gezondheid en ontwikkeling', 'gezinssituatie en gezag'],
   ARRAY['het eigen hulpverleningsteam', 'gezinsvoogd (Jeugdwet 7.3.11)', 'anderen alleen met toestemming of wettelijke plicht'],
   '20 jaar na de laatste wijziging (Jeugdwet 7.3.8), langer zolang nodig voor een procedure',
   'Twee-factor-inloggen, toegang per behandelrelatie, versleuteling per cliënt, toegangslog (NEN 7513)'),
  ('Declaratie aan de gemeente', 'De geleverde jeugdhulp declareren bij de gemeente.',
   'AVG 6 lid 1 c; Jeugdwet hoofdstuk 7.4 (declaratiegegevens)',
   ARRAY['jeugdigen'], ARRAY['naam, BSN en geboortedatum', 'soort en duur van de hulp'],
   ARRAY['gemeente'], '7 jaar (fiscale bewaarplicht)', 'Alleen administratieve gegevens, geen inhoud van de hulp'),
  ('Statistiek voor het CBS', 'Beleidsinformatie jeugd aanleveren.',
   'AVG 6 lid 1 c; Jeugdwet hoofdstuk 7.4 (beleidsinformatie)', ARRAY['jeugdigen'], ARRAY['BSN, geboortedatum, soort hulp'],
   ARRAY['Centraal Bureau voor de Statistiek'], 'Zolang het dossier bewaard wordt', 'Alleen de wettelijk voorgeschreven gegevens'),
  ('Toegangslog', 'Vastleggen wie welk dossier wanneer en waarom heeft ingezien (NEN 7513), om misbruik op te sporen.',
   'AVG 32; NEN 7510 en NEN 7513', ARRAY['medewerkers', 'jeugdigen'], ARRAY['wie, wanneer, welk dossier, met welke grondslag'],
   ARRAY['functionaris gegevensbescherming', 'de cliënt zelf (wie zag mijn dossier)'], 'Zolang het dossier bewaard wordt',
   'Alleen toevoegen, keten van hashes, controlepunten buiten de database'),
  ('Klachtenbehandeling', 'Klachten van cliënten en ouders behandelen.',
   'AVG 6 lid 1 c; Jeugdwet paragraaf 4.2 (klachten)', ARRAY['klagers', 'jeugdigen', 'medewerkers'], ARRAY['de klacht en de afhandeling'],
   ARRAY['klachtencommissie'], '2 jaar na afhandeling', 'Apart van het dossier, alleen voor leidinggevende en FG'),
  ('Incidenten en calamiteiten', 'Incidenten onderzoeken en calamiteiten melden aan de inspectie.',
   'AVG 6 lid 1 c; Jeugdwet 4.1.8', ARRAY['jeugdigen', 'medewerkers'], ARRAY['wat er gebeurde en de maatregelen'],
   ARRAY['Inspectie Gezondheidszorg en Jeugd'], 'Zolang nodig voor onderzoek en verbetering', 'Apart van het dossier, alleen voor leidinggevende en FG'),
  ('Aanmeldingen', 'Aanmeldingen van mogelijke cliënten behandelen.',
   'AVG 6 lid 1 b en e', ARRAY['aangemelde jeugdigen en ouders'], ARRAY['naam, contactgegevens, hulpvraag'],
   ARRAY['geen'], '6 maanden na aanmelding', 'Apart van het dossier'),
  ('Datalekkenregister', 'Datalekken vastleggen en zo nodig melden.',
   'AVG 33 en 34', ARRAY['betrokken cliënten'], ARRAY['wat er gebeurde, wie geraakt is, welke maatregelen'],
   ARRAY['Autoriteit Persoonsgegevens', 'betrokkenen'], 'Zolang nodig voor toezicht', 'Alleen voor de FG'),
  ('Medewerkersaccounts', 'Medewerkers laten inloggen en hun rechten beheren.',
   'AVG 6 lid 1 b en c; NEN 7510', ARRAY['medewerkers'], ARRAY['naam, functie, rol, inloggegevens (gehasht)'],
   ARRAY['functioneel beheerder'], 'Tot het account is opgeheven', 'Wachtwoorden als argon2id-hash, tweede factor verplicht');

GRANT SELECT, INSERT, UPDATE ON org.complaints, org.incidents, org.prospective_clients TO dossierwijzer_app;
-- DELETE only for the retention purge of expired records.
GRANT DELETE ON org.complaints, org.prospective_clients TO dossierwijzer_app;
GRANT SELECT, INSERT ON org.processing_activities TO dossierwijzer_app;
