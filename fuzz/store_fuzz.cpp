// The workspace store driven by a sequence of operations decoded from bytes, against the tests'
// fake server (three workspaces, each with its own key). Operations: begin a read for a
// workspace, answer a pending request honestly, answer it with a truncated, re-statused or raw
// fuzzed body, answer it twice, switch. Invariants:
//  - no cross-workspace leak: answering a request begun for X leaves every other workspace's
//    views byte-identical, and (while only the server's own bodies were applied) every id a
//    workspace holds carries that workspace's id;
//  - an answer the store calls an error or drops changes no view at all;
//  - no key ever appears in snapshot() or in an outcome.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../tests/native/store_fake_server.hpp"
#include "trypost/store.hpp"

using nlohmann::json;
using namespace trypost;

namespace {
const char* const kParts[] = {"posts", "accounts", "labels", "signatures", "members", "api_keys", "outbox"};

std::string views_of(const Store& st, const std::string& ws) {
  std::string all;
  for (const char* p : kParts) {
    const auto v = st.view(ws, p);
    all += v.ok() ? v->dump() : std::string("!");
    all += '\n';
  }
  return all;
}

struct Reader {
  const std::uint8_t* p;
  std::size_t n;
  std::uint8_t byte() { return n ? (--n, *p++) : 0; }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  testing::FakeServer srv;
  Store st;
  std::vector<std::string> keys = {srv.seed_workspace("A", 3), srv.seed_workspace("B", 12), srv.seed_workspace("C", 20)};
  std::vector<std::string> ids;
  for (const auto& k : keys) {
    const auto req = st.begin_request("", RequestKind::workspace_probe, {}, k);
    const auto reply = srv.handle(*req);
    ids.push_back(st.apply_response((*req)["request_id"].get<std::uint64_t>(), reply.status, reply.body)["workspace_id"].get<std::string>());
  }
  static const RequestKind kKinds[] = {RequestKind::posts_page, RequestKind::labels_list, RequestKind::accounts_list,
                                       RequestKind::workspace_get, RequestKind::signatures_list, RequestKind::post_get};
  struct Sent {
    json req;
    std::size_t ws;
  };
  std::vector<Sent> pending;
  std::vector<json> next_page(ids.size(), json::object());
  bool raw_applied = false;
  Reader in{data, size};

  for (int step = 0; in.n && step < 64; ++step) {
    const std::uint8_t op = in.byte();
    if ((op & 3) == 0 || pending.empty()) {  // begin
      const std::size_t ws = in.byte() % ids.size();
      const RequestKind kind = kKinds[in.byte() % 6];
      json params = json::object();
      if (kind == RequestKind::posts_page && (op & 4)) params = next_page[ws];
      if (kind == RequestKind::post_get) params = {{"post_id", ids[ws] + "-post-" + std::to_string(in.byte() % 4)}};
      const auto req = st.begin_request(ids[ws], kind, params);
      if (req.ok()) pending.push_back({*req, ws});
      continue;
    }
    if ((op & 3) == 3) {
      st.switch_to(ids[in.byte() % ids.size()]);
      continue;
    }
    const std::size_t at = in.byte() % pending.size();
    const Sent sent = pending[at];
    if (!(op & 8)) pending.erase(pending.begin() + std::ptrdiff_t(at));  // else: answered again later
    auto reply = srv.handle(sent.req);
    bool raw = false;
    if ((op & 3) == 2) {  // a damaged answer
      switch (in.byte() & 3) {
        case 0: reply.body.resize(in.byte() % (reply.body.size() + 1)); break;
        case 1: reply.status = int(in.byte()) * 2 % 600; break;
        case 2: reply.body = "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"; break;
        default: {
          const std::size_t len = std::min<std::size_t>(in.byte(), in.n);
          reply.body.assign(reinterpret_cast<const char*>(in.p), len);
          in.p += len;
          in.n -= len;
          raw = true;
        }
      }
    }
    std::vector<std::string> before;
    for (const auto& id : ids) before.push_back(views_of(st, id));
    const json out = st.apply_response(sent.req["request_id"].get<std::uint64_t>(), reply.status, reply.body);
    const std::string outcome = out.value("outcome", "");
    for (std::size_t w = 0; w < ids.size(); ++w) {
      const bool unchanged = views_of(st, ids[w]) == before[w];
      if (w != sent.ws && !unchanged) __builtin_trap();                     // leaked into another workspace
      if (outcome != "applied" && !unchanged) __builtin_trap();             // an error changed state
    }
    if (outcome == "applied" && raw) raw_applied = true;
    if (outcome == "applied" && out.contains("next") && out["next"].is_object()) next_page[sent.ws] = out["next"];
    const std::string text = out.dump();
    for (const auto& k : keys)
      if (text.find(k) != std::string::npos) __builtin_trap();
  }

  const std::string snap = st.snapshot().dump();
  for (const auto& k : keys)
    if (snap.find(k) != std::string::npos) __builtin_trap();
  if (!raw_applied) {
    for (const auto& id : ids)
      for (const char* part : {"posts", "labels", "accounts"}) {
        const auto v = st.view(id, part);
        if (!v.ok()) continue;
        for (const auto& item : *v)
          if (item.is_object() && item.contains("id") && item["id"].is_string() &&
              item["id"].get<std::string>().rfind(id + "-", 0) != 0)
            __builtin_trap();
      }
  }
  return 0;
}
