#include "extents.h"

#include <algorithm>

namespace lun::sim {

namespace {
void SortByOffset(std::vector<Span>* spans) {
  std::sort(spans->begin(), spans->end(), [](const Span& a, const Span& b) { return a.offset < b.offset; });
}
}  // namespace

std::vector<Span> FreeSpans(uint64_t driveSize, std::vector<Span> used) {
  SortByOffset(&used);
  std::vector<Span> free;
  uint64_t cursor = 0;
  for (const Span& u : used) {
    if (u.offset > cursor) free.push_back({cursor, u.offset - cursor});
    cursor = std::max(cursor, u.offset + u.length);
  }
  if (cursor < driveSize) free.push_back({cursor, driveSize - cursor});
  return free;
}

uint64_t TotalLength(const std::vector<Span>& spans) {
  uint64_t total = 0;
  for (const Span& s : spans) total += s.length;
  return total;
}

bool SpansConflict(uint64_t driveSize, std::vector<Span> used) {
  SortByOffset(&used);
  uint64_t cursor = 0;
  for (const Span& u : used) {
    if (u.length == 0 || u.offset < cursor || u.length > driveSize || u.offset > driveSize - u.length)
      return true;
    cursor = u.offset + u.length;
  }
  return false;
}

void TakeFirstFit(const std::string& driveId, uint64_t amount, std::vector<Span>* free,
                  std::vector<Extent>* out) {
  auto it = free->begin();
  while (amount > 0 && it != free->end()) {
    const uint64_t take = std::min(amount, it->length);
    out->push_back({driveId, it->offset, take});
    amount -= take;
    it->offset += take;
    it->length -= take;
    if (it->length == 0) {
      it = free->erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace lun::sim
