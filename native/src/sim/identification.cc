#include "identification.h"

#include <cctype>
#include <cstdint>

namespace lun::sim {

namespace {

constexpr int32_t kCodeSetBinary = 1;      // VDSStorageIdCodeSetBinary
constexpr int32_t kCodeSetUtf8 = 3;        // VDSStorageIdCodeSetUtf8
constexpr int32_t kTypeNaa = 3;            // VDSStorageIdTypeFCPHName (the NAA designator)
constexpr int32_t kTypeScsiName = 8;       // VDSStorageIdTypeScsiNameString
constexpr int32_t kAssociationDevice = 0;  // VDSStorageIdAssocDevice

std::string HexDigits(const std::string& id) {
  std::string hex;
  for (char c : id) {
    if (std::isxdigit(static_cast<unsigned char>(c))) hex += static_cast<char>(std::tolower(c));
  }
  return hex;
}

uint64_t Fnv1a(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::string NaaHex(const std::string& lunId) {
  static const char kHex[] = "0123456789abcdef";
  std::string digits = HexDigits(lunId);
  uint64_t h = Fnv1a(lunId);
  while (digits.size() < 31) {
    digits += kHex[h & 0xF];
    h = (h >> 4) | (h << 60);
    if ((digits.size() & 15) == 0) h = Fnv1a(lunId + digits);
  }
  return "6" + digits.substr(0, 31);
}

LunIdentification IdentificationOf(const std::string& lunId) {
  LunIdentification info;
  info.vendorId = "LUNSTUD";
  info.productId = "SIM ARRAY";
  info.productRevision = "1.0";
  std::string serial = HexDigits(lunId);
  for (char& c : serial) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  info.serialNumber = serial.empty() ? lunId : serial;

  const std::string naa = NaaHex(lunId);
  StorageIdentifier binary;
  binary.codeSet = kCodeSetBinary;
  binary.type = kTypeNaa;
  binary.association = kAssociationDevice;
  for (size_t i = 0; i + 1 < naa.size(); i += 2) {
    binary.value.push_back(static_cast<uint8_t>(std::stoi(naa.substr(i, 2), nullptr, 16)));
  }
  info.identifiers.push_back(binary);

  StorageIdentifier name;
  name.codeSet = kCodeSetUtf8;
  name.type = kTypeScsiName;
  name.association = kAssociationDevice;
  const std::string text = "naa." + naa;
  name.value.assign(text.begin(), text.end());
  info.identifiers.push_back(name);
  return info;
}

}  // namespace lun::sim
