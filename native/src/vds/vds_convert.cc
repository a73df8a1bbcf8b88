#include "vds_convert.h"

#include <cstdio>

#include "../hresult_table.h"

namespace lun::vds {

std::string WideToUtf8(const wchar_t* s) {
  if (!s || !*s) return {};
  int bytes = WideCharToMultiByte(CP_UTF8, 0, s, -1, nullptr, 0, nullptr, nullptr);
  if (bytes <= 1) return {};
  std::string out(static_cast<size_t>(bytes), '\0');
  WideCharToMultiByte(CP_UTF8, 0, s, -1, out.data(), bytes, nullptr, nullptr);
  out.resize(static_cast<size_t>(bytes - 1));
  return out;
}

std::wstring Utf8ToWide(const std::string& s) {
  if (s.empty()) return {};
  int chars = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
  std::wstring out(static_cast<size_t>(chars), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), out.data(), chars);
  return out;
}

std::vector<wchar_t> WritableWide(const std::string& s) {
  std::wstring wide = Utf8ToWide(s);
  std::vector<wchar_t> buffer(wide.begin(), wide.end());
  buffer.push_back(L'\0');
  return buffer;
}

std::string GuidToString(const GUID& id) {
  char text[40];
  std::snprintf(text, sizeof(text), "{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                static_cast<unsigned long>(id.Data1), id.Data2, id.Data3, id.Data4[0], id.Data4[1],
                id.Data4[2], id.Data4[3], id.Data4[4], id.Data4[5], id.Data4[6], id.Data4[7]);
  return text;
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool ParseGuid(const std::string& text, GUID* out) {
  std::string s = text;
  if (s.size() == 38 && s.front() == '{' && s.back() == '}') s = s.substr(1, 36);
  if (s.size() != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') return false;
  std::string hex;
  for (char c : s) {
    if (c == '-') continue;
    if (HexValue(c) < 0) return false;
    hex.push_back(c);
  }
  auto byte = [&hex](size_t i) {
    return static_cast<unsigned>(HexValue(hex[2 * i]) * 16 + HexValue(hex[2 * i + 1]));
  };
  GUID g{};
  g.Data1 = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
  g.Data2 = static_cast<unsigned short>((byte(4) << 8) | byte(5));
  g.Data3 = static_cast<unsigned short>((byte(6) << 8) | byte(7));
  for (size_t i = 0; i < 8; ++i) g.Data4[i] = static_cast<unsigned char>(byte(8 + i));
  *out = g;
  return true;
}

Outcome ParseDriveIds(const std::vector<std::string>& ids, std::vector<VDS_OBJECT_ID>* out) {
  out->clear();
  for (size_t i = 0; i < ids.size(); ++i) {
    VDS_OBJECT_ID id;
    if (!ParseGuid(ids[i], &id)) {
      std::string field = "driveIds[" + std::to_string(i) + "]";
      return Outcome::Fail(hr::kInvalidArg,
                           field + ": must be a VDS drive id (a GUID such as {01234567-89AB-...})", field);
    }
    out->push_back(id);
  }
  return Outcome::Ok();
}

namespace {
template <typename VdsHints>
void FillHints(const Hints& hints, VdsHints* out) {
  *out = VdsHints{};
  if (!hints.present) return;
  out->ullHintMask = hints.hintMask;
  out->ulMaximumDriveCount = hints.maximumDriveCount;
  out->ulStripeSize = static_cast<ULONG>(hints.stripeSize);
  out->bFastCrashRecoveryRequired = hints.fastCrashRecoveryRequired;
  out->bMostlyReads = hints.mostlyReads;
  out->bOptimizeForSequentialReads = hints.optimizeForSequentialReads;
  out->bOptimizeForSequentialWrites = hints.optimizeForSequentialWrites;
  out->bReadBackVerifyEnabled = hints.readBackVerifyEnabled;
  out->bWriteThroughCachingEnabled = hints.writeThroughCachingEnabled;
  out->bHardwareChecksumEnabled = hints.hardwareChecksumEnabled;
  out->bIsYankable = hints.isYankable;
  out->sRebuildPriority = hints.rebuildPriority;
}
}  // namespace

VDS_HINTS ToVdsHints(const Hints& hints) {
  VDS_HINTS out;
  FillHints(hints, &out);
  return out;
}

VDS_HINTS2 ToVdsHints2(const Hints& hints) {
  VDS_HINTS2 out;
  FillHints(hints, &out);
  return out;
}

}  // namespace lun::vds
