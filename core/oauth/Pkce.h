// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace Mailtrail::OAuth {

/// Proof Key for Code Exchange (RFC 7636). Qt 6.4's QtNetworkAuth has none; the flow adds it
/// through QAbstractOAuth::setModifyParametersFunction.

/// A new code_verifier (§4.1): 32 bytes from QRandomGenerator::system(), base64url without
/// padding (43 characters).
[[nodiscard]] QByteArray newCodeVerifier();
/// code_challenge for the method S256 (§4.2): BASE64URL(SHA256(ASCII(verifier))), no padding.
[[nodiscard]] QByteArray codeChallengeS256(const QByteArray &verifier);
/// An unguessable `state` value (RFC 6749 §10.12), base64url.
[[nodiscard]] QByteArray newState();

} // namespace Mailtrail::OAuth
