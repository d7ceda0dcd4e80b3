// Settings → ConnectWise inputs and views live in the IPC contract (shared with the renderer).
import type { z } from 'zod';
import type {
  ConnectWiseConnectionInput as ConnectionSchema,
  ConnectWiseStatusMappingInput as MappingSchema,
} from '../../../src-preload/contract';

export {
  ConnectWiseBoardInput,
  ConnectWiseConnectionInput,
  ConnectWiseStatusMappingInput,
  MAPPED_STATUSES,
} from '../../../src-preload/contract';
export type {
  ConnectWiseBoardOption,
  ConnectWiseSettingsView,
  ConnectWiseStatusOption,
  ConnectWiseStatusRef,
  ConnectWiseTestResult,
  MappedStatus,
} from '../../../src-preload/contract';
export type ConnectWiseConnectionInput = z.output<typeof ConnectionSchema>;
export type ConnectWiseStatusMappingInput = z.output<typeof MappingSchema>;
