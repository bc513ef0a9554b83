#pragma once
// HTTP Message Signatures (RFC 9421) with the structured-field pieces (RFC 8941) they need.
// The core builds the signature base, byte for byte; the MAC and the content digest come from
// WebCrypto in the shell, so no secret ever enters the core.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "trypost/error.hpp"

namespace trypost {

// ---- RFC 8941 structured fields (the subset signatures use, parsed in full) ----
namespace sf {

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

// Serializers refuse what RFC 8941 cannot carry (a control character in a string, an integer
// beyond 15 digits, a key that is not lowercase) instead of writing a field a verifier rejects.
Expected<std::string> serialize_bare_item(const BareItem& v);
Expected<std::string> serialize_params(const Parameters& p);
Expected<std::string> serialize_item(const Item& i);
Expected<std::string> serialize_inner_list(const InnerList& l);
Expected<std::string> serialize_dictionary(const Dictionary& d);

Expected<Dictionary> parse_dictionary(std::string_view text);
Expected<InnerList> parse_inner_list(std::string_view text);  // a whole field that is one inner list
Expected<Item> parse_item(std::string_view text);

bool valid_key(std::string_view key);
const BareItem* find_param(const Parameters& p, std::string_view key);

}  // namespace sf

// ---- RFC 9421 ----

// A covered component: a lowercased field name or a derived "@..." name, with its parameters
// (for instance ;name="page" on @query-param, ;key="sig1" on a dictionary field, ;bs).
struct ComponentId {
  std::string name;
  sf::Parameters params;
};

// The signature parameters this project uses, in the order they are written.
struct SignatureParams {
  std::optional<std::int64_t> created, expires;
  std::optional<std::string> nonce, alg, keyid, tag;
};

struct SignatureInput {
  std::string label;  // the dictionary key, e.g. "sig1"
  std::vector<ComponentId> components;
  SignatureParams params;
  sf::Parameters extra_params;  // unknown parameters survive a round trip untouched
};

// The message as the signer or verifier sees it. Header names match case-insensitively; a
// header with several field lines is a list of values, joined with ", " as RFC 9421 says.
struct SignedMessage {
  std::string method;
  std::string url;  // absolute: scheme://authority/path?query
  std::vector<std::pair<std::string, std::vector<std::string>>> headers;
};

// Parts of an absolute URL as RFC 9421's derived components need them.
struct UrlParts {
  std::string scheme;     // lowercased
  std::string authority;  // host lowercased, default port dropped
  std::string path;       // as sent (still percent-encoded), "/" when empty
  std::optional<std::string> query;  // without "?", absent when the URL has none
};
Expected<UrlParts> split_url(std::string_view url);

// The covered components of a signature written as in a Signature-Input field:
// "\"date\" \"@authority\" \"content-type\"" (the parentheses are optional).
Expected<std::vector<ComponentId>> parse_component_list(std::string_view text);

// The components this project covers when the caller names none.
std::vector<ComponentId> default_components(bool has_body);

// `("date" "@authority");created=1618884473;keyid="k"`: the inner list that is both the
// @signature-params line and the Signature-Input member.
Expected<std::string> serialize_signature_params(const SignatureInput& in);
// `sig1=(...);created=...`
Expected<std::string> serialize_signature_input(const SignatureInput& in);

// The signature base (RFC 9421 §2.5): one line per covered component, then @signature-params,
// no trailing newline. Missing or doubled components, and field values with CR, LF or NUL, are
// errors: a base that silently skips something signs less than the caller believes.
Expected<std::string> signature_base(const SignedMessage& msg, const SignatureInput& in);

// Every member of a Signature-Input field, in field order.
Expected<std::vector<SignatureInput>> parse_signature_input(std::string_view field);
// Label -> base64 signature from a Signature field.
Expected<std::vector<std::pair<std::string, std::string>>> parse_signature_field(std::string_view field);

// Content-Digest (RFC 9530) members with their base64 values, e.g. {"sha-256", "X48E..."}.
Expected<std::vector<std::pair<std::string, std::string>>> parse_content_digest(std::string_view field);

// JSON entry points for the bindings (text in, text out; {"error": ...} on failure).
// signature_base_json: {"method","url","headers":{..},"label"?,"components"?: "..."|[..],
//   "params"?:{created,expires,nonce,alg,keyid,tag}} or {"method","url","headers",
//   "signature_input": "<field>", "label"?} to rebuild a received signature's base.
//   -> {"signature_base","signature_params","signature_input","label","components":[..],
//       "params":{..}, "covers_content_digest": bool}
std::string signature_base_json(const std::string& json_text);
// {"signature_input": "<field>", "signature"?: "<field>"} -> {"signatures":[{label, components,
//   params, signature_params, signature?}]}
std::string parse_signature_input_json(const std::string& json_text);

}  // namespace trypost
