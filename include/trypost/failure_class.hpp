#pragma once
// What a failed answer means, for each part of the shell that acts on one. One table of statuses
// (status_class) is read by the retry decision (retry.hpp) and by the outbox (outbox_failure.hpp),
// so a status the transport stops retrying is never one the queue waits on, and the reverse. The
// client's own consequences of a failed call (a workspace to sign in again, a kept key to forget,
// a part of the account API this server lacks, a posts walk that ends quietly) are
// classify_call_failure; the Store puts them in its error answers and the binding classifyFailure
// answers them for a refusal the shell holds as a status only.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace trypost {

enum class StatusClass {
  success,             // 2xx, 3xx
  passing,             // no answer (0), 408, a 5xx other than 501 and 505: the same request may work later
  rate_limited,        // 429: turned away by the throttle before the request did anything
  payment_required,    // 402: only paying (or a new billing cycle) lifts it
  credential_refused,  // 401: the credential the request carried was not accepted
  refused,             // every other status, 501 and 505 among them: sent again, it gets the same answer
};

// 501 (not implemented) and 505 (HTTP version not supported) say what the server cannot do, not
// that it is busy: they are refusals, never retried and never waited on.
StatusClass status_class(int status);
// The table's name for a class (success, passing, rate_limited, payment_required,
// credential_refused, refused), as decideRetry answers it.
std::string_view status_class_name(StatusClass c);

// What a failed exchange is called by the transport's TransportError: network or timeout (no
// answer; timed_out says the shell's own timer ended it), rate_limited, payment_required, or
// http for every other status. Empty for a success. Read from status_class, so the error a caller
// sees and the retry decision behind it are one reading of the status.
std::string_view transport_error_kind(int status, bool timed_out);

// Where a failure stopped: refused by the core before it was sent (no key yet, unknown workspace,
// a rule), sent (the server's status, or 0 when no answer came), or refused by the shell itself
// (a payment block, a thrown error): nothing was sent.
enum class FailureStage { begin, send, local };

// What the client does with a failed call besides telling its caller.
struct CallFailure {
  bool credential_refused = false;  // the workspace's own credential (its key or this device's session)
                                    // was refused: the workspace needs signing in (or a key) again
  bool key_refused = false;         // the key being tried (a probe) was refused: a kept key is forgotten
  bool unsupported = false;         // this server has no such part of the account API
  bool account_token_refused = false;  // the account token itself was refused (a 401 on the account
                                       // API): only signing in with a token again helps
  bool quiet = false;               // a posts walk whose workspace went or whose refresh was overtaken:
                                    // the walk ends and its caller hears no error
  bool payment_required = false;    // the server answered 402: only paying (or a new billing cycle)
                                    // helps, so a payment block starts and a key being tried is kept
                                    // to try again
};

// kind: a Store request kind (posts.list, workspace.probe, ...) or an endpoint name (endpoints()).
// An unknown kind means nothing (every flag false). Only a sent request can have its credential
// refused; a core's refusal before sending (501: no account API) can say unsupported.
// names_resource: the body names what the request is about (sessions.open for one workspace_id),
// so a 404 is about that, not a missing route.
CallFailure classify_call_failure(std::string_view kind, int status, FailureStage stage = FailureStage::send,
                                  bool names_resource = false);
bool known_failure_kind(std::string_view kind);

// The flags as the shell reads them: {"credential_refused", "key_refused", "unsupported",
// "account_token_refused", "quiet", "payment_required"}.
nlohmann::json to_json(const CallFailure& failure);

// {"kind","status","stage"?: "begin"|"send"|"local"} -> {"outcome","conflict",
//  "credential_refused","key_refused","unsupported","account_token_refused","quiet","payment_required"}: the outbox's outcome
// (classify_outbox_failure) and the call's consequences (binding classifyFailure).
std::string failure_class_json(const std::string& json_text);

}  // namespace trypost
