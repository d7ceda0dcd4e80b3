// The one IPC contract between the renderer and main (DESIGN §1). Channel names are `domain:verb`;
// each has a zod input schema (main validates every input with it) and a TypeScript output type.
// Shared by main, the preload, the browser-host bridge and the renderer, so it imports only zod.
//
// This file is the contract's only entry: import from here, never from contract/*. One file per domain
// there, layered so that no file imports one above it (contract-layers.test.ts holds this; a cycle
// would compile yet could read a schema before it exists in the bundled preload and renderer):
//   errors, limits, fields (shared schema helpers, not exported from here)
//   → people, app, startup, sessions, panel, fixes, queue, ai-, connectwise-, microsoft-settings, managed
//   → handoffs → insights, escalation-settings → notes → session-detail
//   → channels (the table), events
export * from './contract/errors';
export * from './contract/limits';
export * from './contract/people';
export * from './contract/app';
export * from './contract/startup';
export * from './contract/sessions';
export * from './contract/panel';
export * from './contract/fixes';
export * from './contract/handoffs';
export * from './contract/insights';
export * from './contract/notes';
export * from './contract/session-detail';
export * from './contract/queue';
export * from './contract/ai-settings';
export * from './contract/connectwise-settings';
export * from './contract/microsoft-settings';
export * from './contract/escalation-settings';
export * from './contract/managed';
export * from './contract/channels';
export * from './contract/events';
