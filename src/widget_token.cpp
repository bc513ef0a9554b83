#include "trypost/widget_token.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "trypost/core_answer.hpp"
#include "trypost/error.hpp"
#include "trypost/json_reader.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using P = WidgetTokenProblem;

// Header and claims are a handful of flat fields: anything deeper or longer is not ours.
const JsonLimits kSegmentLimits{static_cast<std::int64_t>(kMaxWidgetTokenBytes), 4, 1024, 16};

WidgetTokenCheck fail(WidgetTokenCheck out, P p, std::string message, bool structural) {
  out.error = WidgetTokenError{p, std::move(message), structural};
  out.claims.reset();
  return out;
}

std::optional<json> segment_object(std::string_view seg) {
  const auto bytes = base64url_decode(seg);
  if (!bytes) return std::nullopt;
  json j;
  if (read_json_within(*bytes, kSegmentLimits, j) || !j.is_object()) return std::nullopt;
  return j;
}

// A NumericDate as this proxy accepts it: a whole, non-negative number of seconds.
enum class Num { absent, bad, ok };
Num seconds(const json& claims, const char* key, std::int64_t& out) {
  const auto it = claims.find(key);
  if (it == claims.end()) return Num::absent;
  if (it->is_number_unsigned()) {
    const auto u = it->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return Num::bad;
    out = static_cast<std::int64_t>(u);
    return Num::ok;
  }
  if (it->is_number_integer() && it->get<std::int64_t>() >= 0) {
    out = it->get<std::int64_t>();
    return Num::ok;
  }
  return Num::bad;
}

bool lower_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view wire_name(WidgetTokenProblem p) {
  switch (p) {
    case P::too_large: return "too_large";
    case P::malformed: return "malformed";
    case P::unsupported_alg: return "unsupported_alg";
    case P::unsupported_header: return "unsupported_header";
    case P::bad_signature: return "bad_signature";
    case P::bad_claim: return "bad_claim";
    case P::no_workspace: return "no_workspace";
    case P::not_read_only: return "not_read_only";
    case P::no_lifetime: return "no_lifetime";
    case P::expired: return "expired";
    case P::not_yet_valid: return "not_yet_valid";
    case P::issued_in_future: return "issued_in_future";
    case P::lifetime_too_long: return "lifetime_too_long";
    case P::wrong_workspace: return "wrong_workspace";
  }
  return "malformed";
}

int http_status(WidgetTokenProblem p) { return p == P::wrong_workspace ? 403 : 401; }

WidgetTokenCheck check_widget_token(std::string_view token, const WidgetTokenPolicy& policy) {
  WidgetTokenCheck out;
  if (token.size() > kMaxWidgetTokenBytes)
    return fail(std::move(out), P::too_large, "The token is longer than " + std::to_string(kMaxWidgetTokenBytes) + " bytes.", true);
  const auto dot1 = token.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos)
    return fail(std::move(out), P::malformed, "The token is malformed.", true);
  const auto header = segment_object(token.substr(0, dot1));
  const auto claims = segment_object(token.substr(dot1 + 1, dot2 - dot1 - 1));
  if (!header || !claims) return fail(std::move(out), P::malformed, "The token is malformed.", true);

  const auto alg = header->find("alg");
  if (alg == header->end() || !alg->is_string() || alg->get<std::string>() != "HS256")
    return fail(std::move(out), P::unsupported_alg, "The token must be signed with HS256.", true);
  if (header->contains("crit"))
    return fail(std::move(out), P::unsupported_header, "The token uses header extensions this proxy does not understand.", true);
  if (const auto typ = header->find("typ"); typ != header->end() && !(typ->is_string() && lower_equals(typ->get<std::string>(), "jwt")))
    return fail(std::move(out), P::unsupported_header, "The token is not a JWT.", true);

  const auto sig = base64url_decode(token.substr(dot2 + 1));
  if (!sig || sig->size() != kWidgetSignatureBytes)
    return fail(std::move(out), P::bad_signature, "The token signature is invalid.", true);
  out.signing_input = std::string(token.substr(0, dot2));
  out.signature = *sig;

  // From here on the caller checks the HMAC before it shows any of these verdicts.
  const json& c = *claims;
  WidgetClaims wc;
  for (const char* k : {"sub", "scope", "iss", "aud", "jti"}) {
    const auto it = c.find(k);
    if (it != c.end() && !it->is_string())
      return fail(std::move(out), P::bad_claim, std::string("The token's ") + k + " claim must be a string.", false);
  }
  std::int64_t iat = 0, exp = 0, nbf = 0;
  const Num n_iat = seconds(c, "iat", iat), n_exp = seconds(c, "exp", exp), n_nbf = seconds(c, "nbf", nbf);
  for (const auto& [name, n] : {std::pair{"iat", n_iat}, std::pair{"exp", n_exp}, std::pair{"nbf", n_nbf}})
    if (n == Num::bad)
      return fail(std::move(out), P::bad_claim, std::string("The token's ") + name + " claim must be a whole number of seconds.", false);

  wc.sub = c.value("sub", std::string());
  wc.scope = c.value("scope", std::string());
  if (wc.sub.empty()) return fail(std::move(out), P::no_workspace, "The token names no workspace.", false);
  if (wc.scope != "read") return fail(std::move(out), P::not_read_only, "The token is not a read-only token.", false);
  if (n_iat != Num::ok || n_exp != Num::ok || exp <= iat)
    return fail(std::move(out), P::no_lifetime, "The token has no lifetime.", false);
  if (exp <= policy.now) return fail(std::move(out), P::expired, "The token has expired.", false);
  // Both are non-negative, so none of these differences can overflow.
  if (n_nbf == Num::ok && nbf - policy.skew_seconds > policy.now)
    return fail(std::move(out), P::not_yet_valid, "The token is not valid yet.", false);
  if (iat - policy.skew_seconds > policy.now)
    return fail(std::move(out), P::issued_in_future, "The token was issued in the future.", false);
  if (exp - iat > policy.max_ttl_seconds)
    return fail(std::move(out), P::lifetime_too_long, "The token lives longer than this proxy allows.", false);
  if (!policy.workspace_id.empty() && wc.sub != policy.workspace_id)
    return fail(std::move(out), P::wrong_workspace, "This token is for another workspace.", false);

  wc.iat = iat;
  wc.exp = exp;
  if (n_nbf == Num::ok) wc.nbf = nbf;
  for (auto [k, field] : {std::pair{"iss", &wc.iss}, std::pair{"aud", &wc.aud}, std::pair{"jti", &wc.jti}})
    if (c.contains(k)) *field = c[k].get<std::string>();
  out.claims = std::move(wc);
  return out;
}

std::string widget_token_check_json(const std::string& json_text) {
  json j;
  ApiError err;
  if (!parse_argument(json_text, j, err)) return error_answer(err);
  const auto token = j.find("token");
  if (token == j.end() || !token->is_string()) return error_answer(field_error("token", "The token field is required."));
  WidgetTokenPolicy policy;
  const auto int_of = [&](const char* key, std::int64_t& into, std::int64_t lo, std::int64_t hi) {
    const auto it = j.find(key);
    if (it == j.end()) return true;
    if (!it->is_number_integer() || it->get<std::int64_t>() < lo || it->get<std::int64_t>() > hi) return false;
    into = it->get<std::int64_t>();
    return true;
  };
  if (!j.contains("now") || !int_of("now", policy.now, 0, std::int64_t{1} << 40))
    return error_answer(field_error("now", "The now field must be seconds since the epoch."));
  if (!int_of("max_ttl_seconds", policy.max_ttl_seconds, 1, 86400 * 366))
    return error_answer(field_error("max_ttl_seconds", "The max ttl seconds field is out of range."));
  if (!int_of("skew_seconds", policy.skew_seconds, 0, 3600))
    return error_answer(field_error("skew_seconds", "The skew seconds field is out of range."));
  if (const auto ws = j.find("workspace_id"); ws != j.end() && ws->is_string()) policy.workspace_id = ws->get<std::string>();

  const auto r = check_widget_token(token->get<std::string>(), policy);
  json out{{"ok", r.ok()}};
  if (!r.signing_input.empty()) {
    out["signing_input"] = r.signing_input;
    out["signature"] = base64url_encode(r.signature);
  }
  if (r.claims) {
    json c{{"sub", r.claims->sub}, {"scope", r.claims->scope}, {"iat", r.claims->iat}, {"exp", r.claims->exp}};
    if (r.claims->nbf) c["nbf"] = *r.claims->nbf;
    if (r.claims->iss) c["iss"] = *r.claims->iss;
    if (r.claims->aud) c["aud"] = *r.claims->aud;
    if (r.claims->jti) c["jti"] = *r.claims->jti;
    out["claims"] = c;
  }
  if (r.error)
    out["problem"] = {{"kind", std::string(wire_name(r.error->problem))},
                      {"message", r.error->message},
                      {"status", http_status(r.error->problem)},
                      {"structural", r.error->structural}};
  return dump_answer(out);
}

}  // namespace trypost
