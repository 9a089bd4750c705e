// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Mailtrail::Tracking {

/// True when @p a becomes @p b by exactly one edit: inserting, deleting or substituting one
/// character, or swapping two adjacent ones (optimal string alignment distance 1).
[[nodiscard]] bool isOneEditApart(QStringView a, QStringView b);

/// The big mail providers' domains, from the resource :/mailtrail/data/mail-providers.txt
/// (data, not code), lower case.
[[nodiscard]] const QStringList &builtInMailProviders();

/// Finds the domain @p domain was probably meant to be: one edit away from a domain the
/// user has delivered to (@p deliveredDomains, tried first) or from a provider in
/// @p providers. Never for a domain that is itself delivered to or a listed provider; no
/// network lookups. Case-insensitive; the result is lower case.
[[nodiscard]] std::optional<QString> suggestDomain(const QString &domain,
                                                   const QStringList &deliveredDomains,
                                                   const QStringList &providers = builtInMailProviders());

/// suggestDomain() for the domain of @p address; returns the whole corrected address
/// ("bob@gmial.com" → "bob@gmail.com"), the local part unchanged.
[[nodiscard]] std::optional<QString> suggestAddress(const QString &address,
                                                    const QStringList &deliveredDomains,
                                                    const QStringList &providers = builtInMailProviders());

} // namespace Mailtrail::Tracking
