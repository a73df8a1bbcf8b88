// Threads nobody joins (cancel helpers, waiters, the poller).
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <utility>

namespace lun {

// Runs `body` on a new, detached thread whose body starts only after detach() has returned. mingw-w64's
// winpthreads can corrupt a thread's record when the thread ends while it is being detached (seen under Wine
// as crashes in the thread start routine, and as threads that never ran); the gate rules that out.
inline void RunDetached(std::function<void()> body) {
  auto gate = std::make_shared<std::promise<void>>();
  std::shared_future<void> detached = gate->get_future().share();
  std::thread([body = std::move(body), detached] {
    detached.wait();
    body();
  }).detach();
  gate->set_value();
}

}  // namespace lun
