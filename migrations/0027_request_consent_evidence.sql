-- The consent a request needed (e.g. the 16-year-old's, for a parent's
-- inspection; BW 7:457, Jeugdwet 7.3.11) was recorded as a bare date. A
-- consent under the AVG must be shown to have been given (AVG 7(1)): now the
-- request keeps whose consent it was, when it was given, how, and a reference
-- to the signed declaration where there is one (001; 002; 004 C).
ALTER TABLE org.requests ADD COLUMN consent_of text[];
ALTER TABLE org.requests ADD COLUMN consent_given_on date;
ALTER TABLE org.requests ADD COLUMN consent_how text CHECK (consent_how IS NULL OR consent_how IN ('in-writing', 'electronic', 'in-person'));
ALTER TABLE org.requests ADD COLUMN consent_reference text CHECK (consent_reference IS NULL OR length(consent_reference) BETWEEN 1 AND 300);
