#pragma once
// RFC 8941 structured fields: the parser and the strict serializer that HTTP message signatures
// (signing.hpp) need for Signature-Input, Signature, Content-Digest and the ;sf and ;key forms.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "trypost/error.hpp"

namespace trypost::sf {

struct Token {
  std::string value;
  friend bool operator==(const Token&, const Token&) = default;
};
struct ByteSeq {
  std::string base64;  // kept encoded: the core never needs the raw bytes
  friend bool operator==(const ByteSeq&, const ByteSeq&) = default;
};
struct Decimal {
  std::string text;  // kept as text: no floating point crosses the boundary or the toolchains
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

using BareItem = std::variant<std::int64_t, Decimal, std::string, Token, ByteSeq, bool>;
// Parameters keep their order: it is part of the signed bytes.
using Parameters = std::vector<std::pair<std::string, BareItem>>;

struct Item {
  BareItem value;
  Parameters params;
};
struct InnerList {
  std::vector<Item> items;
  Parameters params;
};
using Member = std::variant<Item, InnerList>;
using Dictionary = std::vector<std::pair<std::string, Member>>;
using List = std::vector<Member>;

// Serializers refuse what RFC 8941 cannot carry (a control character in a string, an integer
// beyond 15 digits, a key that is not lowercase) instead of writing a field a verifier rejects.
Expected<std::string> serialize_bare_item(const BareItem& v);
Expected<std::string> serialize_params(const Parameters& p);
Expected<std::string> serialize_item(const Item& i);
Expected<std::string> serialize_inner_list(const InnerList& l);
Expected<std::string> serialize_dictionary(const Dictionary& d);
Expected<std::string> serialize_list(const List& l);

Expected<Dictionary> parse_dictionary(std::string_view text);
Expected<List> parse_list(std::string_view text);
Expected<InnerList> parse_inner_list(std::string_view text);  // a whole field that is one inner list
Expected<Item> parse_item(std::string_view text);

bool valid_key(std::string_view key);
const BareItem* find_param(const Parameters& p, std::string_view key);

inline bool is_lcalpha(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace trypost::sf
