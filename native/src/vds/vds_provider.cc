#include "vds_provider.h"

#include "../hresult_table.h"
#include "vds_create_lun.h"
#include "vds_enum.h"
#include "vds_session.h"

namespace lun {

namespace {

using vds::MtaScope;
using vds::SubsystemHandle;
using vds::VdsSession;

class VdsProvider : public Provider {
 public:
  explicit VdsProvider(std::shared_ptr<VdsSession> session) : session_(std::move(session)) {}

  const char* Name() const override { return "vds"; }

  Outcome ListSubsystems(std::vector<SubsystemInfo>* out) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    std::vector<SubsystemHandle> handles;
    if (Outcome o = vds::EnumSubsystems(session_->service(), &handles); !o.ok()) return o;
    out->clear();
    for (const SubsystemHandle& handle : handles) {
      SubsystemInfo info;
      if (Outcome o = vds::ReadSubsystem(handle, &info); !o.ok()) return o;
      out->push_back(std::move(info));
    }
    return Outcome::Ok();
  }

  Outcome ListDrives(const std::string& subsystemId, std::vector<DriveInfo>* out) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    SubsystemHandle handle;
    if (Outcome o = vds::FindSubsystem(session_->service(), subsystemId, &handle); !o.ok()) return o;
    return vds::ReadDrives(handle, out);
  }

  Outcome ListLuns(const std::string& subsystemId, std::vector<LunInfo>* out) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    SubsystemHandle handle;
    if (Outcome o = vds::FindSubsystem(session_->service(), subsystemId, &handle); !o.ok()) return o;
    return vds::ReadLuns(handle, out);
  }

  Outcome QueryMaxLunCreateSize(const MaxSizeArgs& args, uint64_t* maxBytes) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    SubsystemHandle handle;
    if (Outcome o = vds::FindSubsystem(session_->service(), args.subsystemId, &handle); !o.ok()) return o;
    return vds::QueryMaxLunCreateSize(handle, args, maxBytes);
  }

  Outcome CreateLun(const CreateLunArgs& args, std::shared_ptr<Operation>* op) override {
    MtaScope mta;
    if (Outcome o = mta.status(); !o.ok()) return o;
    SubsystemHandle handle;
    if (Outcome o = vds::FindSubsystem(session_->service(), args.subsystemId, &handle); !o.ok()) return o;
    return vds::StartCreateLun(session_, std::move(handle), args, op);
  }

 private:
  std::shared_ptr<VdsSession> session_;
};

}  // namespace

std::unique_ptr<Provider> CreateVdsProvider(HResult* result, std::string* detail) {
  std::shared_ptr<VdsSession> session;
  Outcome o = VdsSession::Load(&session);
  if (!o.ok()) {
    *result = o.hr;
    *detail = o.detail;
    return nullptr;
  }
  *result = hr::kOk;
  return std::make_unique<VdsProvider>(std::move(session));
}

}  // namespace lun
