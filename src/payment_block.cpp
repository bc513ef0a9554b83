#include "trypost/payment_block.hpp"

#include <algorithm>
#include <cctype>

#include "trypost/core_answer.hpp"

namespace trypost {
namespace {

using nlohmann::json;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string bad(const char* field, const char* message) { return error_answer(field_error(field, message)); }

// "until" as the shell holds it: Unix seconds, or null/absent.
bool read_until(const json& j, std::optional<UtcSeconds>& out) {
  const auto u = j.find("until");
  if (u == j.end() || u->is_null()) return true;
  if (!u->is_number_integer()) return false;
  out = u->get<std::int64_t>();
  return true;
}

}  // namespace

PaymentBlock payment_block_for(const PaymentAnswer& a, const std::vector<KnownWorkspace>& known, bool account_api) {
  PaymentBlock out;
  if (a.workspace_id.empty()) {
    out.announce = starts_with(a.kind, "account.");
    return out;
  }
  out.announce = true;
  const auto self = std::find_if(known.begin(), known.end(), [&](const KnownWorkspace& w) { return w.id == a.workspace_id; });
  if (self == known.end() || !self->in_account) {
    out.workspace_ids.push_back(a.workspace_id);
  } else {
    for (const auto& w : known)
      if (w.in_account) out.workspace_ids.push_back(w.id);
  }
  // Credits reset with the billing cycle, which the account API tells; a plan ends when a person
  // pays, so no date is guessed for it.
  out.ask_usage = a.payment == "credits" && !a.until && account_api;
  return out;
}

bool payment_block_refuses(std::string_view method) { return upper(method) != "GET"; }

bool payment_block_lifted(std::optional<UtcSeconds> until, UtcSeconds now, int answered_status) {
  if (answered_status >= 200 && answered_status < 400) return true;
  return until && now >= *until;
}

std::string payment_block_json(const std::string& text) {
  json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  const auto st = j.find("status");
  if (st == j.end() || !st->is_number_integer()) return bad("status", "The status must be the answer's HTTP status.");
  PaymentAnswer a;
  if (const auto w = j.find("workspace_id"); w != j.end() && !w->is_null()) {
    if (!w->is_string()) return bad("workspace_id", "The workspace id must be a string.");
    a.workspace_id = w->get<std::string>();
  }
  const auto k = j.find("kind");
  if (k == j.end() || !k->is_string()) return bad("kind", "The kind names the endpoint that answered.");
  a.kind = k->get<std::string>();
  if (const auto p = j.find("payment"); p != j.end() && p->is_string()) a.payment = p->get<std::string>();
  if (!read_until(j, a.until)) return bad("until", "The until field is Unix seconds.");
  std::vector<KnownWorkspace> known;
  if (const auto ws = j.find("workspaces"); ws != j.end() && !ws->is_null()) {
    if (!ws->is_array()) return bad("workspaces", "The workspaces field is a list of {id, in_account}.");
    for (const auto& w : *ws) {
      if (!w.is_object() || !w.contains("id") || !w["id"].is_string()) return bad("workspaces", "Each workspace needs a string id.");
      known.push_back({w["id"].get<std::string>(), w.value("in_account", false) == true});
    }
  }
  const bool account_api = j.value("account_api", false) == true;
  PaymentBlock b;
  if (st->get<std::int64_t>() == 402) b = payment_block_for(a, known, account_api);
  return dump_answer(json{{"announce", b.announce}, {"workspace_ids", b.workspace_ids}, {"ask_usage", b.ask_usage}});
}

std::string payment_block_check_json(const std::string& text) {
  json j;
  ApiError err;
  if (!parse_argument(text, j, err)) return error_answer(err);
  const auto n = j.find("now");
  if (n == j.end() || !n->is_number_integer()) return bad("now", "The now field is Unix seconds.");
  std::optional<UtcSeconds> until;
  if (!read_until(j, until)) return bad("until", "The until field is Unix seconds.");
  int answered = 0;
  if (const auto s = j.find("answered"); s != j.end() && !s->is_null()) {
    if (!s->is_number_integer()) return bad("answered", "The answered field is an HTTP status.");
    answered = static_cast<int>(std::clamp<std::int64_t>(s->get<std::int64_t>(), 0, 999));
  }
  const bool lifted = payment_block_lifted(until, n->get<std::int64_t>(), answered);
  bool refuses = false;
  if (const auto m = j.find("method"); m != j.end() && !m->is_null()) {
    if (!m->is_string()) return bad("method", "The method must be a string.");
    refuses = !lifted && payment_block_refuses(m->get<std::string>());
  }
  return dump_answer(json{{"lifted", lifted}, {"refuses", refuses}});
}

}  // namespace trypost
