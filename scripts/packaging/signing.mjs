// What `npm run dist` can sign and notarize with the credentials in the environment, and why not
// otherwise. electron-builder reads the same variables itself; this only decides what to switch off so a
// build without credentials finishes (unsigned) and says so, instead of failing half-way.

const has = (env, ...names) => names.every((name) => Boolean(env[name]));

/** @param {NodeJS.ProcessEnv} env */
export function signingPlan(env = process.env) {
  const macIdentity = has(env, 'CSC_LINK') || has(env, 'CSC_NAME');
  const notarizeWith = has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER')
    ? 'App Store Connect API key'
    : has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID')
      ? 'Apple ID'
      : has(env, 'APPLE_KEYCHAIN_PROFILE')
        ? 'keychain profile'
        : null;
  const winCert = has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK');
  return {
    mac: {
      sign: macIdentity,
      notarize: macIdentity && notarizeWith !== null,
      skipped: [
        ...(macIdentity ? [] : ['macOS signing (set CSC_LINK + CSC_KEY_PASSWORD, or CSC_NAME)']),
        ...(macIdentity && notarizeWith === null
          ? [
              'notarization (set APPLE_API_KEY/_ID/_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID)',
            ]
          : []),
        ...(!macIdentity ? ['notarization (needs a signed build)'] : []),
      ],
    },
    win: {
      sign: winCert,
      skipped: winCert ? [] : ['Windows signing (set WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD)'],
    },
    feedUrl: env.BATON_UPDATE_FEED_URL || null,
  };
}
