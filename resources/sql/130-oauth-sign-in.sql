-- SPDX-License-Identifier: GPL-3.0-or-later
-- OAuth2 sign-in (issue 14). sign_in: 'password' (SASL PLAIN/LOGIN with the keychain's
-- password) or 'oauth2' (OAUTHBEARER/XOAUTH2 with an access token renewed from the
-- keychain's refresh token). oauth_provider: 'google', 'microsoft' or an issuer URL.
-- oauth_tenant: Microsoft's tenant ('' = common). oauth_client_id / oauth_client_secret:
-- the user's override of the built-in client ('' = built in; installed-app client secrets
-- are not secret, RFC 8252 §8.5). oauth_scopes: space separated ('' = the provider's).
-- Tokens are never stored here.
ALTER TABLE accounts ADD COLUMN sign_in TEXT NOT NULL DEFAULT 'password' CHECK (sign_in IN ('password', 'oauth2'));
ALTER TABLE accounts ADD COLUMN oauth_provider TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN oauth_tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN oauth_client_id TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN oauth_client_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN oauth_scopes TEXT NOT NULL DEFAULT '';
