/**
 * The organisation's setting of who may break the glass (migration 0051): by
 * default care professionals; the application administrator never (the
 * column's check refuses it). The organisations table belongs to the
 * organisation's store (employee-store.ts), where the gate's question is
 * answered; this name is kept for the gate's import.
 */
export { emergencyAccessRoles } from './employee-store.js';
