// RFC 9421 Signature-Input parsing and signature-base building, and the RFC 8941 dictionary
// underneath, on arbitrary field text. Invariants: parse -> serialize -> parse round-trips to the
// same serialization; a base built from a parsed input ends with exactly its @signature-params
// line and never holds CR, LF inside a line, or NUL.
#include <cstdint>
#include <string>
#include <string_view>

#include "trypost/signing.hpp"

using namespace trypost;

namespace {
SignedMessage message() {
  return SignedMessage{"POST",
                       "https://example.com/foo?param=Value&Pet=dog",
                       {{"Host", {"example.com"}},
                        {"Date", {"Tue, 20 Apr 2021 02:07:55 GMT"}},
                        {"Content-Type", {"application/json"}},
                        {"Content-Digest", {"sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"}},
                        {"Example-Dict", {"a=1, b=2;x=1;y=2, c=(a b c)"}},
                        {"Content-Length", {"18"}}}};
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto d = sf::parse_dictionary(text); d.ok()) {
    const auto once = sf::serialize_dictionary(*d);
    if (once.ok()) {
      const auto again = sf::parse_dictionary(*once);
      if (!again.ok()) __builtin_trap();
      const auto twice = sf::serialize_dictionary(*again);
      if (!twice.ok() || *twice != *once) __builtin_trap();
    }
  }

  const auto inputs = parse_signature_input(text);
  if (!inputs.ok()) return 0;
  std::string joined;
  for (const auto& in : *inputs) {
    const auto s = serialize_signature_input(in);
    if (!s.ok()) __builtin_trap();  // what was parsed must be writable
    if (!joined.empty()) joined += ", ";
    joined += *s;
  }
  const auto back = parse_signature_input(joined);
  if (!back.ok() || back->size() != inputs->size()) __builtin_trap();
  std::string rejoined;
  for (const auto& in : *back) {
    if (!rejoined.empty()) rejoined += ", ";
    rejoined += serialize_signature_input(in).value();
  }
  if (rejoined != joined) __builtin_trap();

  const auto msg = message();
  for (const auto& in : *inputs) {
    const auto base = signature_base(msg, in);
    if (!base.ok()) continue;
    const std::string tail = "\"@signature-params\": " + serialize_signature_params(in).value();
    if (base->size() < tail.size() || base->compare(base->size() - tail.size(), tail.size(), tail) != 0) __builtin_trap();
    if (base->find('\r') != std::string::npos || base->find('\0') != std::string::npos) __builtin_trap();
    std::size_t lines = 1;
    for (char c : *base) lines += c == '\n';
    if (lines != in.components.size() + 1) __builtin_trap();
  }
  return 0;
}
