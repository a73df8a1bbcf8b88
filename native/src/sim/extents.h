// Free-space bookkeeping on one drive: used extents in, free spans out, first-fit allocation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state.h"

namespace lun::sim {

struct Span {
  uint64_t offset = 0;
  uint64_t length = 0;
};

// The gaps between `used` (any order, must not overlap) inside [0, driveSize), by offset.
std::vector<Span> FreeSpans(uint64_t driveSize, std::vector<Span> used);
uint64_t TotalLength(const std::vector<Span>& spans);
// True when some of `used` overlap or leave [0, driveSize).
bool SpansConflict(uint64_t driveSize, std::vector<Span> used);
// Takes `amount` bytes from `free` (lowest offset first, possibly several extents), appending to *out and
// shrinking `free`. Precondition: TotalLength(*free) >= amount.
void TakeFirstFit(const std::string& driveId, uint64_t amount, std::vector<Span>* free,
                  std::vector<Extent>* out);

}  // namespace lun::sim
