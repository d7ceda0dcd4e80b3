// Test wiring for the Microsoft 365 tests: the https sign-in authority fake (its certificate trusted
// in this process), the Graph fake checking tokens against it, a real core for users and handoffs,
// and Microsoft 365 built over the same HttpClient, keychain vault and data dir.
import type { User } from '../../src-preload/contract';
import type { AuthorityFakeOptions } from '../../e2e/fakes/microsoft/authority-fake';
import { startMicrosoftAuthorityFake } from '../../e2e/fakes/microsoft/authority-fake';
import { fakeBrowser } from '../../e2e/fakes/microsoft/fake-browser';
import { startMicrosoftGraphFake } from '../../e2e/fakes/microsoft/graph-fake';
import { trustInThisProcess } from '../../e2e/fakes/microsoft/test-tls';
import { systemClock } from '../clock';
import { createHttpClient } from '../net/http';
import { tempCore } from '../test-support/temp-core';
import { TOKEN_CACHE_KEY } from './encrypted-token-cache';
import type { MicrosoftAccountDeps } from './microsoft-account';
import { createMicrosoft365 } from './index';
import { callers } from '../test-support/callers';

export async function microsoftKit(options: AuthorityFakeOptions = {}) {
  const authority = await startMicrosoftAuthorityFake(options);
  const untrust = trustInThisProcess(authority.certificate.cert);
  const graph = await startMicrosoftGraphFake({ tokens: authority });
  const http = createHttpClient({ defaultTimeoutMs: 5_000 });
  const core = tempCore({ http, startWorker: false });
  const browser = fakeBrowser();
  const vault = core.services.vault;

  const { ok } = callers(core);
  const admin = await ok<User>('profile:create', {
    name: 'Avery Admin',
    email: 'avery@contoso.example',
    role: 'owner',
  });

  /** A Microsoft 365 instance as a (re)started Baton would build it: same database, vault and data dir. */
  const build = (overrides: Partial<MicrosoftAccountDeps> = {}) =>
    createMicrosoft365({
      db: core.db,
      clock: systemClock,
      vault,
      http,
      dataDir: core.dataDir,
      openBrowser: (url) => browser.open(url),
      ...overrides,
    });
  const microsoft = build();

  /** Enters the fake's app registration, authority and Graph address as an admin would. */
  const configure = (target = microsoft) =>
    target.account.save(admin, {
      clientId: authority.clientId,
      authority: authority.authority(),
      graphBaseUrl: graph.baseUrl,
    });

  return {
    authority,
    graph,
    http,
    core,
    browser,
    vault,
    admin,
    ok,
    build,
    microsoft,
    configure,
    async dispose() {
      await vault.delete(TOKEN_CACHE_KEY.service, TOKEN_CACHE_KEY.account).catch(() => undefined);
      await core.dispose();
      await graph.close();
      await authority.close();
      untrust();
    },
  };
}

export type MicrosoftKit = Awaited<ReturnType<typeof microsoftKit>>;
