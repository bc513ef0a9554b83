#pragma once
// A 402 blocks a workspace's writes until it lifts (docs/api-contract.md#payment-required). The
// decisions are here: which workspaces one 402 blocks, which calls a block refuses, when it lifts,
// when the account API's usage is worth asking for the reset date, and how that date is read. The
// shell keeps the blocks between calls, reads the clock and tells its listeners.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trypost/time.hpp"

namespace trypost {

struct KnownWorkspace {
  std::string id;
  bool in_account = false;  // listed by the account API (the Store's summary)
};

struct PaymentAnswer {
  std::string workspace_id;      // empty when the account API answered, or a key's probe
  std::string kind;              // the endpoint or Store request kind that was answered
  std::string payment;           // credits | plan | unknown (payment_kind)
  std::optional<UtcSeconds> until;  // when the answer said when it ends
};

struct PaymentBlock {
  bool announce = false;                   // listeners hear of it
  std::vector<std::string> workspace_ids;  // blocked for writes until it lifts
  bool ask_usage = false;                  // ask GET /api/account/usage for resets_at
};

// The plan and the AI credits are the account's, pooled over its workspaces: a 402 in a workspace
// the account API lists blocks every listed one. A workspace known by its key alone may be another
// account's (an agency holding clients' keys), so it is blocked alone. A key's probe answers for a
// workspace not known yet: nothing is blocked or announced. A 402 of the account API itself is
// announced and blocks no workspace.
PaymentBlock payment_block_for(const PaymentAnswer& answer, const std::vector<KnownWorkspace>& known, bool account_api);

// Reads go out while blocked (a successful one lifts the block); every other method is refused
// locally.
bool payment_block_refuses(std::string_view method);

// A block lifts when its date has passed, or when the server answered that workspace (any status
// below 400).
bool payment_block_lifted(std::optional<UtcSeconds> until, UtcSeconds now, int answered_status = 0);

// Text entry points (bindings decidePaymentBlock, checkPaymentBlock); the usage
// answer's resets_at is read by parseApiTime (api_time_ms, calendar_window.hpp):
// {"status":402,"workspace_id"?,"kind","payment"?,"until"?,"workspaces":[{id,in_account}],
//  "account_api"?} -> {"announce","workspace_ids","ask_usage"}
std::string payment_block_json(const std::string& json_text);
// {"now","until"?,"method"?,"answered"?} -> {"lifted","refuses"}
std::string payment_block_check_json(const std::string& json_text);

}  // namespace trypost
