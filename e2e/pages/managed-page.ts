import type { Page } from '@playwright/test';

/** What a managed settings value looks like in Settings: its control disabled and this badge beside it. */
export const MANAGED_BADGE = 'Managed by your organization';

/**
 * Settings → Managed settings and Settings → People (issue 17), the "Managed by your organization"
 * badges in the other sections, and a direct call to main for what the UI does not offer (a tampered
 * renderer: main must refuse it all the same).
 */
export class ManagedPage {
  constructor(private readonly page: Page) {}

  managedSection = () => this.page.getByRole('region', { name: 'Managed settings' });
  /** The file's problems (role="alert"), one list item each: "key: what is wrong". */
  problems = () => this.managedSection().getByRole('alert').getByRole('listitem');
  problem = (key: string) => this.problems().filter({ hasText: `${key}:` });
  /** "Set by your organization in {file} …". */
  fileNote = () => this.managedSection().getByRole('note');

  /** Settings → People (ConnectWise has a "People" part too: this is the section itself). */
  peopleSection = () => this.page.locator('section#settings-people');
  rosterTable = () => this.peopleSection().getByRole('table', { name: 'Team roster' });
  /** A person's row (by the email under their name): Role, On this computer, ConnectWise member. */
  person = (email: string) => this.rosterTable().getByRole('row').filter({ hasText: email });

  /** The badge inside a section (the sections are regions named by their title). */
  badgesIn = (section: string) =>
    this.page.getByRole('region', { name: section, exact: true }).getByText(MANAGED_BADGE);

  /** Calls a contract channel in main directly, as a renderer that skipped the UI would. */
  async callMain<T = unknown>(channel: string, input?: unknown): Promise<MainReply<T>> {
    return this.page.evaluate(
      async ([channel, input]) => {
        // Runs in the page (the e2e project has no DOM types: the page's globals are typed here).
        interface Socket {
          addEventListener(type: string, listener: (event: { data: string }) => void, options?: object): void;
          send(data: string): void;
          close(): void;
        }
        const page = globalThis as unknown as {
          baton?: Record<string, Record<string, (input: unknown) => Promise<MainReply<unknown>>>>;
          location: { host: string };
          WebSocket: new (url: string) => Socket;
        };
        const [domain, verb] = channel.split(':') as [string, string];
        if (page.baton) return page.baton[domain]![verb]!(input);
        // The browser host: a second connection on the page's own authenticated bridge.
        const socket = new page.WebSocket(`ws://${page.location.host}/bridge`);
        await new Promise((resolve, reject) => {
          socket.addEventListener('open', resolve, { once: true });
          socket.addEventListener('error', reject, { once: true });
        });
        const reply = await new Promise<MainReply<unknown>>((resolve) => {
          socket.addEventListener('message', (event) => {
            const message = JSON.parse(event.data) as { id?: number; reply?: MainReply<unknown> };
            if (message.id === 1 && message.reply) resolve(message.reply);
          });
          socket.send(JSON.stringify({ id: 1, channel, input }));
        });
        socket.close();
        return reply;
      },
      [channel, input] as const,
    ) as Promise<MainReply<T>>;
  }
}

export type MainReply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
