// The update the desktop app has downloaded, for the status bar's "Restart to update".
import { create } from 'zustand';
import type { UpdateStatus } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';

interface UpdateState {
  status: UpdateStatus | null;
  init: () => () => void;
  restart: () => Promise<void>;
}

export const useUpdateStore = create<UpdateState>()((set) => ({
  status: null,
  init() {
    void unwrap(baton().app['update-status']()).then(
      (status) => set({ status }),
      () => undefined,
    );
    return baton().on('update_status', (status) => set({ status }));
  },
  async restart() {
    set({ status: await unwrap(baton().app['restart-to-update']()) });
  },
}));
