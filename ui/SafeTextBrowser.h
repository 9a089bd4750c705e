// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextBrowser>

#include <functional>

namespace Mailtrail::Ui {

/// A QTextBrowser that never reads anything the message does not contain: data: images
/// are decoded in place; file:, qrc: and every other scheme are refused; http(s) resources
/// are refused and recorded unless remote content was allowed, and even then only go
/// through the injected fetcher (no fetcher: nothing is fetched). Links are not followed
/// inside the view; they are reported through linkActivated.
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    /// Asynchronous fetch of a remote resource; calls back with the bytes (empty: failed).
    using Fetcher = std::function<void(const QUrl &url, std::function<void(const QByteArray &)> done)>;

    explicit SafeTextBrowser(QWidget *parent = nullptr);

    void setRemoteAllowed(bool allowed) { m_remoteAllowed = allowed; }
    [[nodiscard]] bool remoteAllowed() const { return m_remoteAllowed; }
    void setFetcher(Fetcher fetcher) { m_fetcher = std::move(fetcher); }
    /// URLs the document asked for and did not get (remote or forbidden schemes).
    [[nodiscard]] QStringList refusedUrls() const { return m_refused; }
    void clearRefused() { m_refused.clear(); }

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void linkActivated(const QUrl &url);

private:
    bool m_remoteAllowed = false;
    Fetcher m_fetcher;
    QStringList m_refused;
};

} // namespace Mailtrail::Ui
