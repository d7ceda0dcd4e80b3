// Test support: a ConnectWise fake on port 0 and a client pointed at it (tests only).
import type { ConnectWiseFake, ConnectWiseFakeOptions } from '../../../e2e/fakes/connectwise-fake';
import { startConnectWiseFake } from '../../../e2e/fakes/connectwise-fake';
import { createHttpClient } from '../../net/http';
import type { ConnectWiseClientOptions } from './client';
import { createConnectWiseClient } from './client';
import type { ConnectWiseConnection } from './config';

export function fakeConnection(cw: ConnectWiseFake, override: Partial<ConnectWiseConnection> = {}) {
  const { companyId, clientId, publicKey, privateKey } = cw.credentials;
  return { site: cw.siteUrl, companyId, clientId, publicKey, privateKey, ...override };
}

export async function startFakeWithClient(
  fakeOptions: ConnectWiseFakeOptions = {},
  clientOptions: Partial<ConnectWiseClientOptions> = {},
) {
  const cw = await startConnectWiseFake({
    members: [{ id: 7, identifier: 'asmith', firstName: 'Ann', lastName: 'Smith', email: 'ann@example.com' }],
    ...fakeOptions,
  });
  cw.addTicket({ id: 501, summary: 'Printer offline', status: { id: 5, name: 'In Progress' } });
  const http = createHttpClient({ defaultTimeoutMs: 3_000 });
  const client = createConnectWiseClient({ http, connection: fakeConnection(cw), ...clientOptions });
  return { cw, http, client };
}
