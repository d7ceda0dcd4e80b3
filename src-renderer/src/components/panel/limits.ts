// The side panel's text limits (the contract's TEXT_LIMITS) and the contract's own checks, run
// before a text is handed over for saving.
import {
  FactAddInput,
  HypothesisAddInput,
  StepAddInput,
  StepUpdateInput,
  TEXT_LIMITS,
} from '../../../../src-preload/contract';
import type { Limit } from '../TextLimit';
import { schemaError } from '../TextLimit';

export const FACT_LIMIT: Limit = {
  max: TEXT_LIMITS.fact,
  noun: 'a fact',
  hint: 'Keep the fact itself here; paste logs in a message.',
};
export const checkFact = (text: string) => schemaError(FactAddInput.shape.text, text);

export const HYPOTHESIS_LIMIT: Limit = {
  max: TEXT_LIMITS.hypothesis,
  noun: 'a hypothesis',
  hint: 'Name the likely cause in a line.',
};
export const checkHypothesis = (label: string) => schemaError(HypothesisAddInput.shape.label, label);

export const STEP_LIMIT: Limit = {
  max: TEXT_LIMITS.step,
  noun: 'a step',
  hint: 'Say what to do in a line or two; paste logs in a message.',
};
export const checkStep = (text: string) => schemaError(StepAddInput.shape.text, text);

export const STEP_NOTE_LIMIT: Limit = {
  max: TEXT_LIMITS.stepNote,
  noun: 'a step’s note',
  hint: 'Paste the part around the error; longer logs go in a message.',
};
export const checkStepNote = (note: string) => schemaError(StepUpdateInput.shape.freeText, note);

export const REASON_LIMIT: Limit = {
  max: TEXT_LIMITS.hypothesisReason,
  noun: 'the reason',
  hint: 'Say in a few lines what proved it.',
};
