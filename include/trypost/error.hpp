#pragma once
// Errors are values in the API's own shape: {"message": ..., "errors": {"dotted.path": [..]}}.
// The UI shows the same words before the request leaves and after the server answers.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace trypost {

struct ApiError {
  int status = 422;
  std::string message;
  // Ordered by insertion would be nicer for display, but Laravel sorts nothing either; a map
  // keeps the output deterministic for tests and snapshots.
  std::map<std::string, std::vector<std::string>> errors;

  void add(const std::string& field, std::string text);
  bool empty() const { return errors.empty() && message.empty(); }
  // Laravel's summary: the first field error, plus " (and N more error[s])".
  void finalize_message();
  nlohmann::json to_json() const;
};

ApiError make_error(int status, std::string message);
// One field refused: the message is the text. 422 as the API answers a rule; 400 where the core
// refuses its own caller's arguments.
ApiError field_error(const std::string& field, std::string text, int status = 422);

// A value or an ApiError; the core never throws across its public surface.
template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(ApiError error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &std::get<0>(v_); }
  const ApiError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, ApiError> v_;
};

// The value when no field failed, else the collected errors as a 422 with Laravel's summary.
template <class T>
Expected<T> value_or_errors(T value, ApiError& err) {
  if (err.errors.empty()) return value;
  err.status = 422;
  err.finalize_message();
  return err;
}

// `text` with every occurrence of `secret` replaced by "[redacted]": a server that echoes the key
// it was sent must not put it in an error the user sees or a log keeps.
std::string redact(std::string text, const std::string& secret);

}  // namespace trypost
