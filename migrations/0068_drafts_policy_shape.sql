-- 0067 wrote the drafts' policy in 0062's shape (two sub-SELECTs for the scope) while 0063 had moved every policy to
-- org.in_scope(<organisation>), a function the planner inlines (as 0066 did for the death tables). Same rows refused
-- and allowed; the shape of the others, so the drafts' queries plan as cheaply.
ALTER POLICY dw_organisation ON care.drafts
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = drafts.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = drafts.client_id)));
