#include "sshhostkey.h"

#include "sshhostkey_p.h"

namespace Trainyard {

Result<SshHostKey> SshHostKey::fromBase64(const QString &type, const QByteArray &base64)
{
    const QByteArray typeName = type.toLatin1();
    const ssh_keytypes_e keyType = ssh_key_type_from_name(typeName.constData());
    if (keyType == SSH_KEYTYPE_UNKNOWN)
        return Error{tr("The host key type %1 is not supported.").arg(type)};

    ssh_key key = nullptr;
    if (ssh_pki_import_pubkey_base64(base64.constData(), keyType, &key) != SSH_OK)
        return Error{tr("The %1 host key could not be read.").arg(type)};

    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    const int hashed = ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength);
    ssh_key_free(key);
    if (hashed != SSH_OK)
        return Error{tr("The fingerprint of the %1 host key could not be computed.").arg(type)};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
    ssh_clean_pubkey_hash(&hash);
    if (!text)
        return Error{tr("The fingerprint of the %1 host key could not be computed.").arg(type)};

    SshHostKey hostKey;
    hostKey.type = type;
    hostKey.base64 = base64;
    hostKey.fingerprint = QString::fromLatin1(text);
    ssh_string_free_char(text);
    return hostKey;
}

QString SshHostKey::normalizedFingerprint(const QString &fingerprint)
{
    const QString trimmed = fingerprint.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("SHA256:")))
        return trimmed;
    return QStringLiteral("SHA256:") + trimmed;
}

SshHostKey sshHostKeyFromLibssh(ssh_key key)
{
    if (!key)
        return {};
    char *base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &base64) != SSH_OK || !base64)
        return {};
    const QByteArray blob(base64);
    ssh_string_free_char(base64);
    const char *type = ssh_key_type_to_char(ssh_key_type(key));
    auto parsed = SshHostKey::fromBase64(QString::fromLatin1(type ? type : ""), blob);
    return parsed ? std::move(parsed).value() : SshHostKey{};
}

} // namespace Trainyard
