#include "provider_factory.h"

#include "hresult_table.h"
#include "sim/sim_provider.h"

#if defined(_WIN32)
#include "vds/vds_provider.h"
#endif

namespace lun {

std::unique_ptr<Provider> CreateProvider(const std::string& name, ProviderConfig config, Outcome* error) {
  if (name == "sim") return sim::CreateSimProvider(std::move(config.simState), error);
  if (name == "vds") {
#if defined(_WIN32)
    HResult result = hr::kOk;
    std::string detail;
    std::unique_ptr<Provider> provider = CreateVdsProvider(config.vdsReadyTimeoutMs, &result, &detail);
    if (!provider) *error = Outcome::Fail(Failed(result) ? result : hr::kUnexpected, detail);
    return provider;
#else
    *error =
        Outcome::Fail(hr::kVdsNotSupported, "The Virtual Disk Service (VDS) exists only on Windows.", "name");
    error->action = "Use the simulated array instead (provider sim; on the command line: --provider sim).";
    return nullptr;
#endif
  }
  *error = Outcome::Fail(hr::kInvalidArg, "name: must be 'sim' or 'vds'", "name");
  return nullptr;
}

}  // namespace lun
