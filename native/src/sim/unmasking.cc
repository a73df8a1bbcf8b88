#include "unmasking.h"

#include <cctype>

#include "../hresult_table.h"

namespace lun::sim {

namespace {

bool IsHex(const std::string& s, size_t from, size_t count) {
  if (s.size() != from + count) return false;
  for (size_t i = from; i < s.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool HasPrefix(const std::string& s, const char* prefix) {
  const std::string p(prefix);
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
  }
  return true;
}

bool IsInitiatorName(const std::string& e) {
  if (IsHex(e, 0, 16)) return true;
  if (HasPrefix(e, "eui.")) return IsHex(e, 4, 16);
  if (HasPrefix(e, "naa.")) return IsHex(e, 4, 16) || IsHex(e, 4, 32);
  if (HasPrefix(e, "iqn.")) {
    if (e.size() < 12 || e.size() > 223) return false;
    for (char c : e) {
      if (std::isspace(static_cast<unsigned char>(c)) || c == '*') return false;
    }
    return true;
  }
  return false;
}

}  // namespace

Outcome CheckUnmaskingList(const std::string& list) {
  if (list.empty() || list == "*") return Outcome::Ok();
  size_t start = 0;
  while (true) {
    const size_t end = list.find(';', start);
    const std::string entry = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!IsInitiatorName(entry)) {
      return Outcome::Fail(
          hr::kInvalidArg,
          "unmaskingList: '" + entry +
              "' is not an initiator name (16 hex digits, iqn.…, eui.+16 hex or naa.+16/32 hex); "
              "\"*\" and \"\" stand alone",
          "unmaskingList");
    }
    if (end == std::string::npos) return Outcome::Ok();
    start = end + 1;
  }
}

}  // namespace lun::sim
