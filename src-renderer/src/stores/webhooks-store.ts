// The Notifications settings: which webhooks are stored. A webhook URL is a secret: it goes to main
// with a save and never comes back (WebhookSettings only says whether one is configured).
import { create } from 'zustand';
import type { AiTestResult, InputOf, WebhookSettings } from '../../../src-preload/contract';
import { baton, unwrap } from '../api/client';
import { errorMessage } from './queue-store';

export type WebhookChannel = 'teams' | 'slack';
export type WebhookSettingsDraft = InputOf<'settings:webhooks-save'>;

interface WebhooksState {
  webhooks: WebhookSettings | null;
  error: string | null;
  load: () => Promise<void>;
  /** Saves and keeps what main answered; throws (VALIDATION with field details, FORBIDDEN…). */
  save: (input: WebhookSettingsDraft) => Promise<WebhookSettings>;
  /** Sends a test message through the stored webhook of one channel. */
  test: (channel: WebhookChannel) => Promise<AiTestResult>;
}

let request = 0;

export const useWebhooksStore = create<WebhooksState>()((set) => ({
  webhooks: null,
  error: null,

  async load() {
    const mine = ++request;
    set({ error: null });
    try {
      const webhooks = await unwrap(baton().settings['webhooks-get']());
      if (mine === request) set({ webhooks });
    } catch (err) {
      if (mine === request) set({ error: errorMessage(err) });
    }
  },

  async save(input) {
    const webhooks = await unwrap(baton().settings['webhooks-save'](input));
    request++; // a load still on its way is older than this answer
    set({ webhooks, error: null });
    return webhooks;
  },

  test(channel) {
    return unwrap(baton().settings['webhooks-test']({ channel }));
  },
}));
