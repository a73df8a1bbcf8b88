#include "all_drives_worker.h"

#include <new>
#include <string>
#include <utility>
#include <vector>

#include "hresult_table.h"
#include "js_convert.h"
#include "js_errors.h"

namespace lun {

namespace {

struct Chunk {
  std::string subsystemId;
  js::JsonText drives;
};
using ChunkPtr = std::shared_ptr<Chunk>;

class AllDrivesWorker : public Napi::AsyncProgressQueueWorker<ChunkPtr> {
 public:
  AllDrivesWorker(Napi::Env env, std::shared_ptr<Provider> provider)
      : Napi::AsyncProgressQueueWorker<ChunkPtr>(env, "lun-studio-all-drives"),
        deferred_(Napi::Promise::Deferred::New(env)),
        provider_(std::move(provider)),
        result_(Napi::Persistent(Napi::Object::New(env))) {}

  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute(const ExecutionProgress& progress) override {
    Sender sender(progress);
    try {
      outcome_ = provider_->ListAllDrives(&sender);
    } catch (const std::bad_alloc&) {
      outcome_ = Outcome::Fail(hr::kOutOfMemory);
    } catch (const std::exception& e) {
      outcome_ = Outcome::Fail(hr::kUnexpected, std::string("Internal error: ") + e.what());
    }
  }

  void OnProgress(const ChunkPtr* chunks, size_t count) override {
    if (!parsed_.ok()) return;
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    for (size_t i = 0; i < count; ++i) {
      try {
        result_.Value().Set(chunks[i]->subsystemId, js::ParseJson(env, chunks[i]->drives));
      } catch (const Napi::Error& e) {
        parsed_ =
            Outcome::Fail(hr::kUnexpected, "Internal error: the drives of subsystem " +
                                               chunks[i]->subsystemId + " could not be read: " + e.Message());
        return;
      }
    }
  }

  // Runs after every chunk was delivered (the progress queue drains first).
  void OnOK() override {
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    const Outcome& failure = !outcome_.ok() ? outcome_ : parsed_;
    if (!failure.ok()) {
      deferred_.Reject(MakeError(env, failure).Value());
      return;
    }
    deferred_.Resolve(result_.Value());
  }

  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  class Sender : public DriveVisitor {
   public:
    explicit Sender(const ExecutionProgress& progress) : progress_(progress) {}
    void Visit(const std::string& subsystemId, std::vector<DriveInfo>* drives) override {
      auto chunk = std::make_shared<Chunk>();
      chunk->subsystemId = subsystemId;
      chunk->drives = js::DrivesToJson(*drives);
      progress_.Send(&chunk, 1);
    }

   private:
    const ExecutionProgress& progress_;
  };

  Napi::Promise::Deferred deferred_;
  std::shared_ptr<Provider> provider_;
  Napi::ObjectReference result_;
  Outcome outcome_;
  Outcome parsed_;
};

}  // namespace

Napi::Promise ListAllDrivesAsync(Napi::Env env, std::shared_ptr<Provider> provider) {
  auto* worker = new AllDrivesWorker(env, std::move(provider));  // AsyncWorker deletes itself
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

}  // namespace lun
