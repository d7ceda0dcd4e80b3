// The offline drafter (DESIGN §5): the built-in "AI provider" that needs no model. It composes every
// structured output Baton needs (escalation package, resolution note, enrichment assessment, claim
// briefing, handoff summary) from what the session recorded, deterministically (a pure function of the
// context, ctx.now included), and labels the markdown outputs as drafted offline so the job queue can
// upgrade them when a model is reachable. It never adds a technical claim the session did not record.
export { draftAssessment } from './assessment';
export { draftBriefing } from './briefing';
export { draftEscalationPackage } from './escalation-package';
export { draftResolutionNote } from './resolution-note';
export { draftSummary } from './summary';
export { OFFLINE_LABEL } from './types';
export type { Assessment, DraftContext, DraftEscalation, HandoffPriority } from './types';
