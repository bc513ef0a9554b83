#pragma once
// HTTP Message Signatures (RFC 9421), requests and responses. The core builds the signature base,
// byte for byte; the MAC and the content digest come from WebCrypto in the shell, so no secret
// ever enters the core. The structured fields it reads and writes are in structured_field.hpp.
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
#include "trypost/structured_field.hpp"

namespace trypost {

// ---- RFC 9421 ----

// A covered component: a lowercased field name or a derived "@..." name, with its parameters in
// the order given (;name="page" on @query-param; ;sf, ;key="sig1", ;bs, ;tr on a field; ;req on
// anything a response signature takes from its request).
struct ComponentId {
  std::string name;
  sf::Parameters params;
};

// The signature parameters of RFC 9421 section 2.3.
struct SignatureParams {
  std::optional<std::int64_t> created, expires;
  std::optional<std::string> nonce, alg, keyid, tag;
};

struct SignatureInput {
  std::string label;  // the dictionary key, e.g. "sig1"
  std::vector<ComponentId> components;
  SignatureParams params;
  sf::Parameters extra_params;  // unknown parameters survive a round trip untouched
  // The order the parameters are written in, by name. The signer chooses it and a verifier must
  // keep it (it is part of the signed bytes); a received signature keeps the order it came in.
  // Parameters not named here follow in the order created, expires, nonce, alg, keyid, tag.
  std::vector<std::string> param_order;
};

using FieldLines = std::vector<std::pair<std::string, std::vector<std::string>>>;

// The message as the signer or verifier sees it: a request (method and url) or, when `status` is
// set, a response. Field names match case-insensitively; a field with several lines is a list of
// values, joined with ", " as RFC 9421 section 2.1 says. Field values are byte strings as HTTP
// carries them: ASCII unless covered with ;bs, where each character up to U+00FF is one byte.
struct SignedMessage {
  std::string method;
  std::string url;  // absolute: scheme://authority/path?query
  FieldLines headers;
  FieldLines trailers;                        // read by components with ;tr
  std::optional<int> status;                  // a response's status code (@status)
  std::optional<std::string> request_target;  // as on the request line when not origin-form
                                              // (absolute-form, "host:port" for CONNECT, "*")
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
// no trailing newline. Missing or doubled components, field values with CR, LF or NUL, and
// non-ASCII field values not covered with ;bs are errors: a base that silently skips or alters
// something signs less than the caller believes. `request` is the request a response answers,
// the source of its ;req components.
Expected<std::string> signature_base(const SignedMessage& msg, const SignatureInput& in,
                                     const SignedMessage* request = nullptr);

// Every member of a Signature-Input field, in field order.
Expected<std::vector<SignatureInput>> parse_signature_input(std::string_view field);
// Label -> base64 signature from a Signature field.
Expected<std::vector<std::pair<std::string, std::string>>> parse_signature_field(std::string_view field);

// Content-Digest (RFC 9530) members with their base64 values, e.g. {"sha-256", "X48E..."}.
Expected<std::vector<std::pair<std::string, std::string>>> parse_content_digest(std::string_view field);

// JSON entry points for the bindings (text in, text out; {"error": ...} on failure).
// signature_base_json: a message {"method","url","headers":{..},"trailers"?,"request_target"?}
//   or a response {"status","headers",.., "request"?: <request message>}, with either
//   "label"?,"components"?: "..."|[..],"params"?:{created,expires,nonce,alg,keyid,tag},
//   "param_order"?: [names] to sign, or "signature_input": "<field>", "label"? to rebuild a
//   received signature's base (its parameters in the order received).
//   -> {"signature_base","signature_params","signature_input","label","components":[..],
//       "params":{..},"param_order":[..], "covers_content_digest": bool}
std::string signature_base_json(const std::string& json_text);
// {"signature_input": "<field>", "signature"?: "<field>"} -> {"signatures":[{label, components,
//   params, signature_params, signature?}]}
std::string parse_signature_input_json(const std::string& json_text);

}  // namespace trypost
