-- The two tables of 0064 and 0065 were written with 0062's policy shape (two sub-SELECTs for the scope), while 0063
-- moved every policy to org.in_scope(<organisation>), a function the planner inlines. Same rows refused and allowed;
-- the shape of the others, so the access path plans them as cheaply.
ALTER POLICY dw_organisation ON formal.client_death_corrections
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_death_corrections.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_death_corrections.client_id)));
ALTER POLICY dw_organisation ON formal.client_wishes_after_death
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_wishes_after_death.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_wishes_after_death.client_id)));
