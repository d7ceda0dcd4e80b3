// Microsoft 365 settings inputs and view live in the IPC contract (shared with the renderer).
export {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_MICROSOFT_AUTHORITY,
  MicrosoftSettingsInput,
} from '../../src-preload/contract';
export type { MicrosoftSettings } from '../../src-preload/contract';
