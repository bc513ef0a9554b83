#include "trypost/wording.hpp"

#include <optional>

#include "trypost/content_type.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/platform.hpp"

namespace trypost {
namespace {

using nlohmann::json;

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// "platforms.3.meta" -> 3 after the prefix, when the path continues with a row number.
std::optional<std::size_t> row_of(const std::string& path, std::string_view prefix, std::string* rest = nullptr) {
  if (path.rfind(prefix, 0) != 0) return std::nullopt;
  std::size_t i = prefix.size(), n = 0;
  bool digit = false;
  while (i < path.size() && path[i] >= '0' && path[i] <= '9') {
    n = n * 10 + std::size_t(path[i] - '0');
    ++i;
    digit = true;
  }
  if (!digit || n > 100000) return std::nullopt;
  if (rest) *rest = i < path.size() && path[i] == '.' ? path.substr(i + 1) : std::string{};
  return n;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

// Wire names inside a message replaced by people's names ("instagram_feed" -> "Instagram feed").
std::string plain_names(std::string text) {
  for (auto t : all_content_types()) {
    const std::string wire(to_string(t));
    for (std::size_t at = text.find(wire); at != std::string::npos; at = text.find(wire, at)) {
      text.replace(at, wire.size(), display_name(t));
      at += display_name(t).size();
    }
  }
  // Platform spellings are common words ("x"): only replaced where the message quotes one as
  // "the <wire> platform".
  for (auto p : all_platforms()) {
    const std::string quoted = "the " + std::string(to_string(p)) + " platform";
    for (std::size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at)) {
      const std::string with = std::string(display_name(p));
      text.replace(at, quoted.size(), with);
      at += with.size();
    }
  }
  return text;
}

// What the post's row N goes to: "LinkedIn page", else "Account N".
std::string row_name(std::size_t i, const WordingContext& ctx) {
  if (i < ctx.platforms.size())
    if (auto p = parse_platform(ctx.platforms[i])) return std::string(display_name(*p));
  if (i < ctx.content_types.size())
    if (auto t = parse_content_type(ctx.content_types[i])) return std::string(display_name(*t));
  return "Account " + std::to_string(i + 1);
}

// The content type a "The x_post content type ..." message is about.
std::optional<ContentType> type_in(const std::string& message) {
  std::optional<ContentType> best;
  std::size_t best_len = 0;
  for (auto t : all_content_types()) {
    const auto wire = to_string(t);
    if (has(message, wire) && wire.size() > best_len) {
      best = t;
      best_len = wire.size();
    }
  }
  return best;
}

std::string media_words(const ContentTypeInfo& info) {
  if (info.accept_images && info.accept_videos) return "an image or video";
  if (info.accept_videos) return "a video";
  if (info.accept_images) return "an image";
  return "a file";
}

std::string number_after(const std::string& message, std::string_view before) {
  const auto at = message.find(before);
  if (at == std::string::npos) return {};
  std::size_t i = at + before.size();
  std::string n;
  while (i < message.size() && message[i] >= '0' && message[i] <= '9') n += message[i++];
  return n;
}

// The generic rule messages, for a field whose name is already said.
std::string generic(const std::string& message) {
  if (has(message, "is required")) return "this is needed.";
  if (has(message, "must be a valid URL")) return "enter a full web address, starting with https://.";
  if (has(message, "hexadecimal color")) return "write the colour as # and six hex digits, like #1E90FF.";
  if (has(message, "format is invalid")) return "this is not written the way it should be.";
  if (has(message, "is invalid")) return "this choice is not available; pick another.";
  if (has(message, "must not be greater than")) {
    const auto n = number_after(message, "greater than ");
    return "too long: at most " + n + " characters.";
  }
  if (has(message, "must be a valid date")) return "this is not a date and time.";
  if (has(message, "duplicate")) return "this is chosen twice.";
  auto text = plain_names(message);
  if (text.rfind("The ", 0) == 0) text = "t" + text.substr(1);
  return text;
}

}  // namespace

std::string plain_error(const std::string& path, const std::string& message, const WordingContext& ctx) {
  std::string rest;
  if (path == "scheduled_at") {
    if (has(message, "required")) return "Pick a date and time to schedule.";
    if (has(message, "after now")) return "Pick a time in the future: this one has already passed.";
    if (has(message, "valid date")) return "The schedule time is not a date and time: pick one.";
    return "Schedule time: " + generic(message);
  }
  if (path == "content") {
    if (has(message, "-character limit of")) {
      const auto over = number_after(message, "The content is ");
      const auto type = type_in(message);
      const auto max = number_after(message, "over the ");
      const std::string where = type ? std::string(display_name(*type)) : "this network";
      return "The text is " + over + (over == "1" ? " character" : " characters") + " too long for " + where +
             " (at most " + max + ").";
    }
    return "Text: " + generic(message);
  }
  if (path == "platforms") return has(message, "required") ? "Pick at least one account to post to." : "Accounts: " + generic(message);
  if (auto i = row_of(path, "media.", &rest)) {
    const std::string who = "Media " + std::to_string(*i + 1) + ": ";
    if (has(message, "could not be downloaded")) return who + "the file at this address could not be downloaded.";
    if (has(message, "must be a file of type")) return who + "this kind of file is not accepted; use an image (jpg, png, gif, webp), a video (mp4, mov) or a PDF.";
    if (has(message, "kilobytes")) return who + "the file is too large.";
    if (rest == "url" && has(message, "required")) return who + "add the file's web address.";
    if (rest == "meta.alt_text") return who + "alt text " + generic(message);
    return who + generic(message);
  }
  if (path == "media") return "Media: " + generic(message);
  if (auto i = row_of(path, "platforms.", &rest)) {
    const std::string who = row_name(*i, ctx);
    if (rest == "content_type" || rest.empty()) {
      const auto t = type_in(message);
      const std::string type_name = t ? std::string(display_name(*t)) : who;
      if (t && has(message, "requires media")) return type_name + " posts need at least " + media_words(content_type_info(*t)) + ".";
      if (t && has(message, "does not accept videos")) return type_name + " posts cannot include videos.";
      if (t && has(message, "does not accept images")) return type_name + " posts cannot include images.";
      if (t && has(message, "does not accept documents")) return type_name + " posts cannot include PDFs.";
      if (t && has(message, "does not accept GIFs")) return type_name + " posts cannot include GIFs.";
      if (t && has(message, "cannot mix")) return type_name + " posts take images or a video, not both.";
      if (t && has(message, "accepts at most"))
        return type_name + " posts take at most " + number_after(message, "accepts at most ") + " images or videos.";
      if (t && has(message, "needs at least"))
        return type_name + " posts need at least " + number_after(message, "needs at least ") + " images or videos.";
      if (has(message, "is not available for")) return who + ": this kind of post cannot go to this network; pick another.";
    }
    if (rest.rfind("meta.", 0) == 0) {
      std::string key = rest.substr(5), tail;
      if (auto dot = key.find('.'); dot != std::string::npos) {
        tail = key.substr(dot + 1);
        key = key.substr(0, dot);
      }
      std::string words = attribute_name(key);
      if (key == "board_id") words = "board";
      else if (key == "channel_id") words = "channel";
      // A row of a list option ("embeds.1.color"): "embed 2 color".
      std::string inner;
      if (auto n = row_of(tail, "", &inner)) {
        if (!words.empty() && words.back() == 's') words.pop_back();
        words += " " + std::to_string(*n + 1) + (inner.empty() ? "" : " " + attribute_name(inner));
      }
      if (has(message, "is required")) return who + ": pick a " + words + " to publish.";
      return who + ", " + words + ": " + generic(message);
    }
    if (rest == "social_account_id" || rest == "id") return who + ": " + (has(message, "duplicate") ? "this account is chosen twice." : "this account cannot be used; pick another.");
    return who + ": " + generic(message);
  }
  if (auto i = row_of(path, "label_ids.")) return "Label " + std::to_string(*i + 1) + ": this label no longer exists; untick it.";
  if (path == "label_ids") return "Labels: " + generic(message);
  return capitalised(plain_names(message));
}

json display_names() {
  json platforms = json::object(), types = json::object(), statuses = json::object();
  for (auto p : all_platforms()) platforms[std::string(to_string(p))] = display_name(p);
  for (auto t : all_content_types()) types[std::string(to_string(t))] = display_name(t);
  for (std::size_t s = 0; s < kPostStatusCount; ++s) statuses[std::string(to_string(PostStatus(s)))] = display_name(PostStatus(s));
  return json{{"platforms", platforms}, {"content_types", types}, {"statuses", statuses}};
}

std::string wording_json(const std::string& input) {
  const json in = json::parse(input, nullptr, false);
  if (in.is_discarded() || !in.is_object())
    return error_answer(field_error("body", "The request must be a JSON object."));
  if (!in.contains("errors") && !in.contains("message")) return display_names().dump();
  WordingContext ctx;
  for (const auto* key : {"platforms", "content_types"}) {
    auto it = in.find(key);
    if (it == in.end() || !it->is_array()) continue;
    auto& into = std::string(key) == "platforms" ? ctx.platforms : ctx.content_types;
    for (const auto& v : *it) into.push_back(v.is_string() ? v.get<std::string>() : std::string{});
  }
  json errors = json::object();
  std::string first;
  std::size_t count = 0;
  if (auto e = in.find("errors"); e != in.end() && e->is_object()) {
    for (auto item = e->begin(); item != e->end(); ++item) {
      // Named, not a structured binding: LLVM 14 cannot capture one in the lambda below.
      const std::string path = item.key();
      const json& list = item.value();
      json out = json::array();
      const auto add = [&](const json& m) {
        if (!m.is_string()) return;
        out.push_back(plain_error(path, m.get<std::string>(), ctx));
        if (first.empty()) first = out.back().get<std::string>();
        ++count;
      };
      if (list.is_array()) for (const auto& m : list) add(m);
      else add(list);
      errors[path] = std::move(out);
    }
  }
  // The API's summary names its first error; that one leads here too when it can be found.
  if (auto m = in.find("message"); m != in.end() && m->is_string()) {
    const std::string api = m->get<std::string>();
    if (auto e = in.find("errors"); e != in.end() && e->is_object())
      for (const auto& [path, list] : e->items())
        if (list.is_array() && !list.empty() && list[0].is_string() && api.rfind(list[0].get<std::string>(), 0) == 0)
          first = plain_error(path, list[0].get<std::string>(), ctx);
    if (count == 0) first = plain_names(api);
  }
  std::string message = first;
  if (count > 1) message += " (and " + std::to_string(count - 1) + (count == 2 ? " more problem)" : " more problems)");
  return json{{"errors", errors}, {"message", message}}.dump();
}

}  // namespace trypost
