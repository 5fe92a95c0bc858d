/**
 * What other features take from the requests feature: the engine's refusal before a form (NotYours) and the history of
 * corrected formal data. Deciding lives in Decide.tsx, carrying out in Fulfil.tsx.
 */
export { NotYours } from './Decide';
export { CorrectionHistory } from './Fulfil';
