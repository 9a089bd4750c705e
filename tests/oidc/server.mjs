// SPDX-License-Identifier: GPL-3.0-or-later
// A real OpenID provider (oidc-provider) on loopback for Mailtrail's OAuth2 tests (issue 14).
//
//   node server.mjs DIR
//
// Listens on 127.0.0.1 at a port the system picks, then writes DIR/env (KEY=value lines:
// OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_INTROSPECTION_URL, OIDC_LOG) and logs one JSON line per
// event (grants, refusals, revocations, introspections; never a token) to DIR/grants.log.
// DIR/issued-secrets lists every code and token issued (for the tests' leak checks).
//
// Clients: "mailtrail-test" (a public native app, RFC 8252: PKCE, loopback redirect on any
// port, authorization_code + refresh_token) and "dovecot" (confidential, for the
// introspection endpoint, RFC 7662). Introspection answers carry `email` (the account id,
// which is the address the dev login page was given) and `active`.
//
// Test controls (loopback only, for fault injection on the real server):
//   POST /test/config?access_ttl=SECONDS     lifetime of new access tokens
//   POST /test/token-mode?mode=normal|400|garbage   what /token answers
//   POST /test/revoke?account=ADDRESS         revoke every grant (and token) of ADDRESS
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Provider from 'oidc-provider';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node server.mjs DIR');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
const logFile = path.join(dir, 'grants.log');
const log = (event) => fs.appendFileSync(logFile, `${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);

const introspectionSecret = 'dovecot-introspection-only';
let accessTtl = Number(process.env.OIDC_ACCESS_TTL || 3600);
let tokenMode = 'normal';
const grantsByAccount = new Map();

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'mailtrail-test',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://127.0.0.1/'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    {
      client_id: 'dovecot',
      client_secret: introspectionSecret,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [],
      grant_types: [],
      response_types: [],
    },
  ],
  scopes: ['openid', 'email', 'offline_access'],
  claims: { email: ['email'] },
  features: {
    devInteractions: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
  },
  pkce: { required: () => true },
  ttl: {
    AccessToken: () => accessTtl,
    AuthorizationCode: 120,
    Grant: 86400,
    IdToken: 3600,
    Interaction: 600,
    RefreshToken: 86400,
    Session: 86400,
  },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, email: id }; } };
  },
  async extraTokenClaims(ctx, token) {
    if (token.kind === 'AccessToken') return { email: token.accountId };
    return undefined;
  },
  cookies: { keys: ['mailtrail-test-cookie-key'] },
});
provider.proxy = false;

provider.on('grant.success', (ctx) => log({ event: 'grant', grant_type: ctx.oidc.params.grant_type, client: ctx.oidc.client?.clientId }));
provider.on('grant.error', (ctx, err) => log({ event: 'grant.error', grant_type: ctx.oidc.params?.grant_type, error: err.error }));
provider.on('revocation.success', () => log({ event: 'revocation' }));
provider.on('introspection.error', (ctx, err) => log({ event: 'introspection.error', error: err.error }));
// Every secret handed out, for the tests that check none leaks into logs, transcripts, the
// profile or process arguments (test data; this provider's secrets protect nothing).
const secretsFile = path.join(dir, 'issued-secrets');
const remember = (token) => fs.appendFileSync(secretsFile, `${token.jti}\n`);
provider.on('access_token.saved', remember);
provider.on('authorization_code.saved', remember);
provider.on('refresh_token.saved', (token) => {
  remember(token);
  const grants = grantsByAccount.get(token.accountId) || new Set();
  grants.add(token.grantId);
  grantsByAccount.set(token.accountId, grants);
});
provider.on('authorization.error', (ctx, err) => log({ event: 'authorization.error', error: err.error }));

provider.use(async (ctx, next) => {
  if (ctx.path.startsWith('/test/') && ctx.method === 'POST') {
    if (ctx.path === '/test/config') {
      accessTtl = Number(ctx.query.access_ttl) || accessTtl;
      log({ event: 'config', access_ttl: accessTtl });
    } else if (ctx.path === '/test/token-mode') {
      tokenMode = String(ctx.query.mode);
      log({ event: 'token-mode', mode: tokenMode });
    } else if (ctx.path === '/test/revoke') {
      const account = String(ctx.query.account);
      for (const grantId of grantsByAccount.get(account) || []) {
        for (const model of [provider.AccessToken, provider.RefreshToken, provider.AuthorizationCode]) {
          await model.revokeByGrantId(grantId);
        }
        const grant = await provider.Grant.find(grantId);
        if (grant) await grant.destroy();
      }
      grantsByAccount.delete(account);
      log({ event: 'revoked', account });
    } else {
      ctx.status = 404;
      return;
    }
    ctx.body = 'ok\n';
    return;
  }
  if (ctx.path === '/token' && tokenMode !== 'normal') {
    log({ event: 'token-fault', mode: tokenMode });
    if (tokenMode === '400') {
      ctx.status = 400;
      ctx.type = 'text/html';
      ctx.body = '<html><body>Bad Request</body></html>';
    } else {
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = '{"this is": not json';
    }
    return;
  }
  await next();
  if (ctx.path === '/token/introspection') log({ event: 'introspection', active: ctx.body?.active === true });
});

server.on('request', provider.callback());
const env = [
  `OIDC_ISSUER=${issuer}`,
  `OIDC_PORT=${port}`,
  'OIDC_CLIENT_ID=mailtrail-test',
  `OIDC_INTROSPECTION_URL=http://dovecot:${introspectionSecret}@127.0.0.1:${port}/token/introspection`,
  `OIDC_LOG=${logFile}`,
  `OIDC_PID=${process.pid}`,
].join('\n');
fs.writeFileSync(path.join(dir, 'env.tmp'), `${env}\n`);
fs.renameSync(path.join(dir, 'env.tmp'), path.join(dir, 'env'));
log({ event: 'started', issuer });
process.on('SIGTERM', () => server.close(() => process.exit(0)));
