// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/CaFileTrust.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QMutex>

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Mailtrail::Net::CaFileTrust {

namespace {

struct X509Free { void operator()(X509 *x) const { X509_free(x); } };
struct StoreFree { void operator()(X509_STORE *s) const { X509_STORE_free(s); } };
struct CtxFree { void operator()(X509_STORE_CTX *c) const { X509_STORE_CTX_free(c); } };
struct StackFree { void operator()(STACK_OF(X509) *s) const { sk_X509_pop_free(s, X509_free); } };
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, long(der.size())));
}

} // namespace

QList<QSslCertificate> load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the CA file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray pem = file.readAll();
    // Keyed by content, so an edited file is read again, while every connection of a sync
    // shares one parse.
    static QMutex mutex;
    static QHash<QByteArray, QList<QSslCertificate>> cache;
    const QByteArray key = QCryptographicHash::hash(pem, QCryptographicHash::Sha256);
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(key);
    if (it == cache.constEnd())
        it = cache.insert(key, QSslCertificate::fromData(pem, QSsl::Pem));
    if (it->isEmpty())
        *error = QStringLiteral("The CA file %1 holds no PEM certificate.").arg(path);
    return *it;
}

bool onlyIssuerErrors(const QList<QSslError> &errors)
{
    if (errors.isEmpty())
        return false;
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            break;
        default:
            return false;
        }
    }
    return true;
}

bool verify(const QList<QSslCertificate> &anchors, const QList<QSslCertificate> &chain,
            const QString &host, QString *why)
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (anchors.isEmpty() || chain.isEmpty())
        return fail(QStringLiteral("no certificate to check"));

    std::unique_ptr<X509_STORE, StoreFree> store(X509_STORE_new());
    if (!store)
        return fail(QStringLiteral("out of memory"));
    for (const QSslCertificate &anchor : anchors) {
        X509Ptr x = toX509(anchor);
        if (!x || X509_STORE_add_cert(store.get(), x.get()) != 1) {
            ERR_clear_error(); // a duplicate in the file is not an error
            continue;
        }
    }
    X509Ptr leaf = toX509(chain.constFirst());
    if (!leaf)
        return fail(QStringLiteral("the server's certificate cannot be decoded"));
    std::unique_ptr<STACK_OF(X509), StackFree> intermediates(sk_X509_new_null());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (X509Ptr x = toX509(chain.at(i)); x && sk_X509_push(intermediates.get(), x.get()) > 0)
            x.release();
    }

    std::unique_ptr<X509_STORE_CTX, CtxFree> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), intermediates.get()) != 1)
        return fail(QStringLiteral("out of memory"));
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_SERVER);
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx.get());
    const QByteArray name = host.toUtf8();
    if (QHostAddress(host).isNull()) {
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        if (X509_VERIFY_PARAM_set1_host(param, name.constData(), size_t(name.size())) != 1)
            return fail(QStringLiteral("invalid host name"));
    } else if (X509_VERIFY_PARAM_set1_ip_asc(param, name.constData()) != 1) {
        return fail(QStringLiteral("invalid address"));
    }

    const int ok = X509_verify_cert(ctx.get());
    ERR_clear_error();
    if (ok == 1)
        return true;
    return fail(QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()))));
}

} // namespace Mailtrail::Net::CaFileTrust
