// libFuzzer target for the run configuration loader. Whatever the bytes, loading must end in
// bounded time and memory with findings, never a crash. A configuration that loads is validated,
// written as YAML and read again: the second reading must equal the first, or the writer loses or
// changes something a user wrote.

#include "finding.h"
#include "runconfigurationfile.h"
#include "runconfigurationvalidator.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void printFindings(const char *title, const QList<Trainyard::Finding> &findings)
{
    std::fprintf(stderr, "%s\n", title);
    for (const Trainyard::Finding &finding : findings)
        std::fprintf(stderr, "  %s\n", qPrintable(finding.toString()));
}

[[noreturn]] void roundTripFailed(const char *what, const QByteArray &written,
                                  const Trainyard::RunConfigurationFile::Loaded &first,
                                  const Trainyard::RunConfigurationFile::Loaded &second)
{
    std::fprintf(stderr, "fuzz_runconfig: %s\n--- toYaml() wrote:\n%s\n---\n", what, written.constData());
    printFindings("findings of the input:", first.findings);
    printFindings("findings of the written YAML:", second.findings);
    if (second.configuration) {
        const QByteArray again = Trainyard::RunConfigurationFile::toYaml(*second.configuration);
        std::fprintf(stderr, "--- which loads as a configuration that writes:\n%s\n---\n", again.constData());
    }
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Trainyard;

    // Raw data, not a copy: ASan sees any read past the end of the input.
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString fileName = QStringLiteral("fuzz.runconfig");

    const RunConfigurationFile::Loaded loaded = RunConfigurationFile::parse(text, fileName);
    if (!loaded.configuration)
        return 0;
    const RunConfiguration &configuration = *loaded.configuration;

    RunConfigurationValidator::validate(configuration, {});
    RunConfigurationValidator::Context context;
    context.fileName = fileName;
    context.positions = loaded.positions;
    RunConfigurationValidator::validate(configuration, context);

    const QByteArray written = RunConfigurationFile::toYaml(configuration);
    const RunConfigurationFile::Loaded reloaded = RunConfigurationFile::parse(written, fileName);
    if (!reloaded.configuration)
        roundTripFailed("the written YAML does not load", written, loaded, reloaded);
    if (!(*reloaded.configuration == configuration))
        roundTripFailed("the written YAML loads as a different configuration", written, loaded, reloaded);
    return 0;
}
