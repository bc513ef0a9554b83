// The bindings' JSON for RFC 9421: messages, signature inputs and their answers.
#include <algorithm>

#include "signing_detail.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/signing.hpp"

namespace trypost {
namespace {

using nlohmann::json;
using namespace signing_detail;

Expected<FieldLines> fields_from_json(const json& j, const std::string& key, const std::string& where) {
  FieldLines out;
  const auto h = j.find(key);
  if (h == j.end() || h->is_null()) return out;
  if (!h->is_object()) return sig_error(where + key, "The " + key + " field must be an object of name: value.");
  std::vector<std::string> seen;
  for (const auto& [name, value] : h->items()) {
    const auto lname = lower(name);
    if (std::find(seen.begin(), seen.end(), lname) != seen.end())
      return sig_error(where + key + "." + lname, "The field " + lname + " is given twice with different letter case.");
    seen.push_back(lname);
    std::vector<std::string> lines;
    if (value.is_string()) {
      lines.push_back(value.get<std::string>());
    } else if (value.is_array()) {
      for (const auto& v : value) {
        if (!v.is_string()) return sig_error(where + key + "." + lname, "Field values must be strings.");
        lines.push_back(v.get<std::string>());
      }
    } else if (value.is_number_integer()) {
      lines.push_back(std::to_string(value.get<std::int64_t>()));
    } else {
      return sig_error(where + key + "." + lname, "Field values must be strings.");
    }
    out.emplace_back(lname, std::move(lines));
  }
  return out;
}

Expected<SignedMessage> message_from_json(const json& j, const std::string& where = "") {
  SignedMessage msg;
  if (const auto s = j.find("status"); s != j.end() && !s->is_null()) {
    if (!s->is_number_integer() || s->get<std::int64_t>() < 100 || s->get<std::int64_t>() > 999)
      return sig_error(where + "status", "The status field must be a three-digit status code.");
    msg.status = static_cast<int>(s->get<std::int64_t>());
  } else {
    const auto m = j.find("method");
    const auto u = j.find("url");
    if (m == j.end() || !m->is_string() || m->get<std::string>().empty())
      return sig_error(where + "method", "The method field is required.");
    if (u == j.end() || !u->is_string()) return sig_error(where + "url", "The url field is required.");
    msg.method = m->get<std::string>();
    // fetch() uppercases these six and sends every other method as written.
    static const char* const kNormalized[] = {"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"};
    std::string upper = msg.method;
    for (auto& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    for (const char* k : kNormalized)
      if (upper == k) msg.method = upper;
    msg.url = u->get<std::string>();
    if (const auto t = j.find("request_target"); t != j.end() && !t->is_null()) {
      if (!t->is_string() || t->get<std::string>().empty())
        return sig_error(where + "request_target", "The request_target field must be the request line's target.");
      msg.request_target = t->get<std::string>();
    }
  }
  auto headers = fields_from_json(j, "headers", where);
  if (!headers) return headers.error();
  msg.headers = std::move(headers.value());
  auto trailers = fields_from_json(j, "trailers", where);
  if (!trailers) return trailers.error();
  msg.trailers = std::move(trailers.value());
  return msg;
}

Expected<SignatureInput> input_from_json(const json& j, const SignedMessage& msg) {
  SignatureInput in;
  in.label = "sig1";
  if (const auto l = j.find("label"); l != j.end() && !l->is_null()) {
    if (!l->is_string() || !sf::valid_key(l->get<std::string>()))
      return sig_error("label", "The label must be lowercase letters, digits, '_', '-', '.' or '*'.");
    in.label = l->get<std::string>();
  }
  const auto c = j.find("components");
  if (c == j.end() || c->is_null()) {
    if (msg.status) return sig_error("components", "Name the components a response signature covers.");
    in.components = default_components(find_field(msg.headers, "content-digest") != nullptr);
  } else if (c->is_string()) {
    auto list = parse_component_list(c->get<std::string>());
    if (!list) return list.error();
    in.components = std::move(list.value());
  } else if (c->is_array()) {
    for (const auto& e : *c) {
      if (!e.is_string()) return sig_error("components", "Each component must be a string such as \"@path\" or date.");
      auto s = e.get<std::string>();
      // A bare name (date) and a serialized identifier ("date";bs) are both accepted.
      if (s.empty() || s[0] != '"') s = "\"" + s + "\"";
      auto list = parse_component_list(s);
      if (!list) return list.error();
      for (auto& x : list.value()) in.components.push_back(std::move(x));
    }
  } else {
    return sig_error("components", "The components must be a string or a list of strings.");
  }
  if (const auto p = j.find("params"); p != j.end() && !p->is_null()) {
    if (!p->is_object()) return sig_error("params", "The params field must be an object.");
    for (const auto& [k, v] : p->items()) {
      if (k == "created" || k == "expires") {
        if (v.is_null()) continue;
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
          return sig_error("params." + k, "The " + k + " parameter must be a non-negative integer (Unix seconds).");
        (k == "created" ? in.params.created : in.params.expires) = v.get<std::int64_t>();
      } else if (is_param_name(k)) {
        if (v.is_null()) continue;
        if (!v.is_string()) return sig_error("params." + k, "The " + k + " parameter must be a string.");
        auto s = v.get<std::string>();
        if (k == "nonce") in.params.nonce = std::move(s);
        else if (k == "alg") in.params.alg = std::move(s);
        else if (k == "keyid") in.params.keyid = std::move(s);
        else in.params.tag = std::move(s);
      } else {
        return sig_error("params." + k, "Unknown signature parameter; use created, expires, nonce, alg, keyid or tag.");
      }
    }
  }
  if (const auto o = j.find("param_order"); o != j.end() && !o->is_null()) {
    if (!o->is_array()) return sig_error("param_order", "The param_order field must be a list of parameter names.");
    for (const auto& e : *o) {
      if (!e.is_string() || !is_param_name(e.get<std::string>()))
        return sig_error("param_order", "The parameter order names created, expires, nonce, alg, keyid or tag.");
      const auto name = e.get<std::string>();
      if (std::find(in.param_order.begin(), in.param_order.end(), name) != in.param_order.end())
        return sig_error("param_order", "The parameter order names " + name + " twice.");
      in.param_order.push_back(name);
    }
  }
  return in;
}

json input_to_json(const SignatureInput& in) {
  json comps = json::array();
  for (const auto& c : in.components) comps.push_back(component_label(c));
  json params = json::object();
  if (in.params.created) params["created"] = *in.params.created;
  if (in.params.expires) params["expires"] = *in.params.expires;
  if (in.params.nonce) params["nonce"] = *in.params.nonce;
  if (in.params.alg) params["alg"] = *in.params.alg;
  if (in.params.keyid) params["keyid"] = *in.params.keyid;
  if (in.params.tag) params["tag"] = *in.params.tag;
  json out{{"label", in.label}, {"components", comps}, {"params", params}};
  if (const auto s = serialize_signature_params(in)) {
    out["signature_params"] = *s;
    // The order actually written, read back from the inner list.
    json order = json::array();
    if (const auto l = sf::parse_inner_list(*s))
      for (const auto& [k, v] : l->params) order.push_back(k);
    out["param_order"] = order;
  }
  return out;
}

}  // namespace

std::string signature_base_json(const std::string& json_text) {
  json j;
  ApiError err;
  if (!parse_argument(json_text, j, err)) return error_answer(err);
  const auto msg = message_from_json(j);
  if (!msg) return error_answer(msg.error());
  std::optional<SignedMessage> request;
  if (const auto r = j.find("request"); r != j.end() && !r->is_null()) {
    if (!msg->status) return error_answer(sig_error("request", "Only a response (with a status) is signed with its request."));
    if (!r->is_object() || r->contains("status"))
      return error_answer(sig_error("request", "The request field must be a request {method, url, headers}."));
    auto parsed = message_from_json(*r, "request.");
    if (!parsed) return error_answer(parsed.error());
    request = std::move(parsed.value());
  }
  SignatureInput in;
  if (const auto si = j.find("signature_input"); si != j.end() && !si->is_null()) {
    // Verifying: rebuild the base from what the sender declared, in the order it was sent.
    if (!si->is_string()) return error_answer(sig_error("signature_input", "The signature_input field must be a string."));
    const auto all = parse_signature_input(si->get<std::string>());
    if (!all) return error_answer(all.error());
    std::optional<std::string> label;
    if (const auto l = j.find("label"); l != j.end() && l->is_string()) label = l->get<std::string>();
    if (!label && all->size() > 1)
      return error_answer(sig_error("label", "The Signature-Input field holds several signatures; name the label to check."));
    const auto it = std::find_if(all->begin(), all->end(), [&](const auto& s) { return !label || s.label == *label; });
    if (it == all->end()) return error_answer(sig_error("label", "No signature with that label in the Signature-Input field."));
    in = *it;
  } else {
    auto built = input_from_json(j, *msg);
    if (!built) return error_answer(built.error());
    in = std::move(built.value());
  }
  const auto base = signature_base(*msg, in, request ? &*request : nullptr);
  if (!base) return error_answer(base.error());
  const auto field = serialize_signature_input(in);
  if (!field) return error_answer(field.error());
  auto out = input_to_json(in);
  out["signature_base"] = *base;
  out["signature_input"] = *field;
  out["covers_content_digest"] = std::any_of(in.components.begin(), in.components.end(), [](const auto& c) {
    return c.name == "content-digest" && !sf::find_param(c.params, "req");
  });
  return dump_answer(out);
}

std::string parse_signature_input_json(const std::string& json_text) {
  json j;
  ApiError err;
  if (!parse_argument(json_text, j, err)) return error_answer(err);
  const auto si = j.find("signature_input");
  if (si == j.end() || !si->is_string()) return error_answer(sig_error("signature_input", "The signature_input field is required."));
  const auto all = parse_signature_input(si->get<std::string>());
  if (!all) return error_answer(all.error());
  std::vector<std::pair<std::string, std::string>> sigs;
  if (const auto s = j.find("signature"); s != j.end() && !s->is_null()) {
    if (!s->is_string()) return error_answer(sig_error("signature", "The signature field must be a string."));
    auto parsed = parse_signature_field(s->get<std::string>());
    if (!parsed) return error_answer(parsed.error());
    sigs = std::move(parsed.value());
  }
  json list = json::array();
  for (const auto& in : *all) {
    auto e = input_to_json(in);
    for (const auto& [label, b64] : sigs)
      if (label == in.label) e["signature"] = b64;
    list.push_back(std::move(e));
  }
  return dump_answer(json{{"signatures", list}});
}

}  // namespace trypost
