// Building msal-node's PublicClientApplication for Baton: our encrypted token cache, our network
// module, no PII in logs, and trust in a non-Microsoft authority's own discovery document.
import type { ICachePlugin, INetworkModule } from '@azure/msal-node';
import { LogLevel, PublicClientApplication } from '@azure/msal-node';

// msal has built-in metadata for Microsoft's own clouds; any other host (a test authority) is
// declared a known authority so msal trusts its discovery document instead of asking Microsoft's
// instance discovery endpoint about it.
const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.microsoftonline.de',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
]);

export function createMsalApp(options: {
  clientId: string;
  authority: string;
  cachePlugin: ICachePlugin;
  networkClient: INetworkModule;
  log?: (message: string) => void;
}): PublicClientApplication {
  const host = new URL(options.authority).host.toLowerCase();
  return new PublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: options.authority,
      knownAuthorities: MICROSOFT_LOGIN_HOSTS.has(host) ? [] : [options.authority],
    },
    cache: { cachePlugin: options.cachePlugin },
    system: {
      networkClient: options.networkClient,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Error,
        loggerCallback: (_level, message, containsPii) => {
          if (!containsPii) options.log?.(`msal: ${message}`);
        },
      },
    },
  });
}
