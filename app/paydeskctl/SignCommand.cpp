#include "AppSupport.h"
#include "Commands.h"

#include "gateway/Signer.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace paydesk {

namespace {

// A JSON object on stdin: scalars become pairs (numbers as integers), objects are rejected.
Result<ParamList> paramsFromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return fail(ErrorCode::InvalidArgument, u"standard input is not a JSON object: " + error.errorString());
    ParamList params;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            params.append({it.key(), value.toString()});
        else if (value.isDouble())
            params.append({it.key(), QString::number(value.toInteger())});
        else if (value.isBool())
            params.append({it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false")});
        else if (!value.isNull())
            return fail(ErrorCode::InvalidArgument,
                        u"field " + it.key() + u" is not a string or number (send nested JSON as a string)");
    }
    return params;
}

// The fields to sign: the name=value arguments, or a JSON object on standard input when none.
bool readParams(const QStringList &pairs, ParamList &params, QTextStream &err)
{
    if (pairs.isEmpty()) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            err << "paydeskctl sign: cannot read standard input" << Qt::endl;
            return false;
        }
        auto parsed = paramsFromJson(input.readAll());
        if (!parsed) {
            err << "paydeskctl sign: " << parsed.error().detail << Qt::endl;
            return false;
        }
        params = *parsed;
        return true;
    }
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            err << "paydeskctl sign: expected name=value, got '" << pair << "'" << Qt::endl;
            return false;
        }
        params.append({pair.left(eq), pair.mid(eq + 1)});
    }
    return true;
}

} // namespace

int runSign(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Computes the IOTPay v1 MD5 signature of name=value pairs (or of a JSON object read from\n"
                       "standard input) and prints the canonical string, with the key shown as ***, and the sign.\n"
                       "With --verify SIGN, checks a received sign instead (exit 0 if it matches, 1 if not).\n"
                       "The key is read from --key-file, --key-env, PAYDESK_MERCHANT_KEY or the keychain."));
    parser.addHelpOption();
    addSecretOptions(parser);
    addConfigOption(parser);
    parser.addOption(
        {QStringLiteral("verify"), QStringLiteral("Compare with this received sign."), QStringLiteral("SIGN")});
    parser.addPositionalArgument(QStringLiteral("name=value"),
                                 QStringLiteral("Fields to sign (omit to read JSON from stdin)."),
                                 QStringLiteral("[name=value...]"));
    parser.process(arguments);
    (void)app;

    QTextStream out(stdout);
    QTextStream err(stderr);
    ParamList params;
    if (!readParams(parser.positionalArguments(), params, err))
        return ExitUsage;

    const auto settings = settingsFor(parser);
    auto secrets = secretStoreFor(parser, settings->mchId());
    auto key = secrets->readMerchantKey();
    if (!key) {
        err << "paydeskctl sign: merchant key from " << secrets->describe() << ": " << describe(key.error())
            << Qt::endl;
        return ExitConfig;
    }

    out << "canonical: " << Signer::canonicalStringRedacted(params) << Qt::endl;
    const QString sign = Signer::sign(params, *key);
    out << "sign: " << sign << Qt::endl;
    if (parser.isSet(QStringLiteral("verify"))) {
        const bool matches = Signer::verify(params, *key, parser.value(QStringLiteral("verify")));
        out << "verify: " << (matches ? "match" : "MISMATCH") << Qt::endl;
        return matches ? ExitOk : ExitFailed;
    }
    return ExitOk;
}

} // namespace paydesk
