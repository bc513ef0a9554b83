#include "trypost/api_snapshot.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <utility>

#include "snapshot_parts.hpp"
#include "trypost/core_answer.hpp"
#include "trypost/json_fields.hpp"
#include "trypost/response.hpp"

namespace trypost {

using nlohmann::json;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string ordinal(std::size_t i) { return std::to_string(i + 1); }

// Where one answer ends: the bracket that closes its first one, outside strings.
std::optional<std::size_t> document_end(std::string_view text, std::size_t start) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::nullopt;
}

struct Pages {
  std::set<std::int64_t> seen;
  std::int64_t last_page = 0;
  std::optional<std::int64_t> total;  // the smallest any page reported
};

struct Collected {
  const json* workspace = nullptr;
  std::string workspace_path;
  std::vector<std::pair<const json*, std::string>> posts, accounts, labels;  // item, its path
  Pages pages;
};

bool has(const json& j, const char* key) { return j.is_object() && j.contains(key); }

enum class ListKind { posts, accounts, labels, unknown };

ListKind kind_of_item(const json& item) {
  if (has(item, "platforms") || (has(item, "status") && has(item, "content"))) return ListKind::posts;
  if (has(item, "platform")) return ListKind::accounts;
  if (has(item, "color")) return ListKind::labels;
  return ListKind::unknown;
}

void add_list(const json& list, const std::string& path, ListKind kind, Collected& c, ApiError& err) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto item_path = path + "." + std::to_string(i);
    const ListKind k = kind == ListKind::unknown ? kind_of_item(list[i]) : kind;
    if (k == ListKind::posts) c.posts.emplace_back(&list[i], item_path);
    else if (k == ListKind::accounts) c.accounts.emplace_back(&list[i], item_path);
    else if (k == ListKind::labels) c.labels.emplace_back(&list[i], item_path);
    else err.add(item_path, "This item is neither a post, a social account nor a label.");
  }
}

void add_page(const json& page, const std::string& path, Collected& c, ApiError& err) {
  const json& data = page["data"];
  if (const auto m = page.find("meta"); m != page.end() && m->is_object()) {
    if (const auto p = m->find("path"); p != m->end() && p->is_string()) {
      const auto& text = p->get_ref<const std::string&>();
      if (text.size() >= 7 && text.compare(text.size() - 7, 7, "/assets") == 0) {
        err.add(path, "This is a page of the media library (GET /assets), not of posts.");
        return;
      }
    }
    const auto number = [&](const char* key) -> std::optional<std::int64_t> {
      const auto v = m->find(key);
      if (v == m->end() || !v->is_number_integer()) return std::nullopt;
      return v->get<std::int64_t>();
    };
    const auto current = number("current_page");
    const auto last = number("last_page");
    if (current && last && *current >= 1 && *last >= 1) {
      c.pages.seen.insert(*current);
      c.pages.last_page = std::max(c.pages.last_page, *last);
    }
    if (const auto total = number("total")) c.pages.total = c.pages.total ? std::min(*c.pages.total, *total) : *total;
  }
  add_list(data, path + ".data", ListKind::posts, c, err);
}

void collect(const json& doc, const std::string& path, Collected& c, ApiError& err, bool named_allowed) {
  if (doc.is_array()) {
    add_list(doc, path, ListKind::unknown, c, err);
    return;
  }
  if (!doc.is_object()) {
    err.add(path, "An answer must be a JSON object or list.");
    return;
  }
  if (looks_like_snapshot(doc)) {
    err.add(path, "This is already a calendar snapshot: give it to trypost preview as it is.");
    return;
  }
  if (const auto d = doc.find("data"); d != doc.end() && d->is_array()) {
    add_page(doc, path, c, err);
    return;
  }
  const bool named = has(doc, "posts") || has(doc, "social_accounts") || has(doc, "accounts") || has(doc, "labels");
  if (named && named_allowed) {
    auto sub = [&](const char* key, ListKind kind) {
      const auto it = doc.find(key);
      if (it == doc.end() || it->is_null()) return;
      const auto sub_path = join_path(path, key);
      if (!it->is_array()) {
        err.add(sub_path, std::string("The ") + key + " field must be a list.");
        return;
      }
      if (kind != ListKind::posts) {
        add_list(*it, sub_path, kind, c, err);
        return;
      }
      // Posts: the pages as the API answered them, or the posts themselves.
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        const auto item_path = sub_path + "." + std::to_string(i);
        if (item.is_object() && item.contains("data")) collect(item, item_path, c, err, false);
        else c.posts.emplace_back(&item, item_path);
      }
    };
    sub("posts", ListKind::posts);
    sub("social_accounts", ListKind::accounts);
    sub("accounts", ListKind::accounts);
    sub("labels", ListKind::labels);
    if (const auto w = doc.find("workspace"); w != doc.end() && !w->is_null()) collect(*w, join_path(path, "workspace"), c, err, false);
    return;
  }
  if (has(doc, "message") && !has(doc, "id")) {
    const auto& m = doc["message"];
    err.add(path, "This is an error the API answered (" + (m.is_string() ? m.get<std::string>() : m.dump()) +
                      "), not data; fix the request and read it again.");
    return;
  }
  if (has(doc, "id") && has(doc, "name")) {
    if (c.workspace) err.add(path, "A second workspace was given; a snapshot holds one workspace.");
    c.workspace = &doc;
    c.workspace_path = path;
    return;
  }
  err.add(path, "This answer is neither a page of posts, a list of social accounts or labels, nor the workspace.");
}

// GET /workspace gives {id, name}; the account API's workspace adds a logo and brand colours.
void read_workspace_answer(const json& w, const std::string& path, WorkspaceSnapshot& s, ApiError& err) {
  Fields f(w, path, err);
  s.name = f.string("name", true).value_or("");
  s.logo_url = f.string("logo_url").value_or("");
  const auto* b = f.get("brand");
  if (!b || !b->is_object()) return;
  Fields bf(*b, f.at("brand"), err);
  auto colour = [&](const char* key, const char* alt, std::string& out) {
    const char* k = bf.get(key) ? key : alt;
    out = bf.string(k).value_or("");
    if (!out.empty() && !is_hex_color(out)) out.clear();
  };
  colour("primary", "primary_color", s.brand.primary);
  colour("background", "background_color", s.brand.background);
  colour("text", "text_color", s.brand.text);
}

template <class T, class Parse>
void parse_items(const std::vector<std::pair<const json*, std::string>>& items, Parse parse, std::vector<T>& out,
                 ApiError& err) {
  std::set<std::string> ids;
  for (const auto& [item, path] : items) {
    auto v = parse(*item, path);
    if (!v) {
      for (const auto& [field, msgs] : v.error().errors)
        for (const auto& m : msgs) err.add(field, m);
      continue;
    }
    // A post on two pages (the list moved while it was read) is the same post: kept once.
    if (!ids.insert(v.value().id).second) continue;
    out.push_back(std::move(v).value());
  }
}

}  // namespace

Expected<std::vector<json>> split_json_documents(std::string_view text) {
  std::vector<json> out;
  std::size_t i = 0;
  const ResponseLimits limits{kMaxSnapshotBytes, kMaxSnapshotDepth, kMaxSnapshotStringBytes, kMaxSnapshotArrayLength};
  if (static_cast<std::int64_t>(text.size()) > kMaxSnapshotBytes)
    return make_error(422, "The answers are larger than the limit of " + std::to_string(kMaxSnapshotBytes) + " bytes.");
  while (true) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    const std::string n = ordinal(out.size());
    if (text[i] != '{' && text[i] != '[')
      return make_error(422, "Answer " + n + " is not JSON (it starts at byte " + std::to_string(i) + " with something else than { or [).");
    const auto end = document_end(text, i);
    if (!end) return make_error(422, "Answer " + n + " is cut short: it starts at byte " + std::to_string(i) + " and never closes.");
    json doc;
    if (parse_json_within(std::string(text.substr(i, *end - i)), limits, doc))
      return make_error(422, "Answer " + n + " (from byte " + std::to_string(i) + ") is not valid JSON.");
    out.push_back(std::move(doc));
    i = *end;
  }
  if (out.empty()) return make_error(422, "No answers were given: expected the API's posts pages, social accounts and labels.");
  return out;
}

Expected<WorkspaceSnapshot> snapshot_from_api_answers(const std::vector<json>& answers, const ApiSnapshotOptions& options) {
  ApiError err;
  Collected c;
  for (std::size_t i = 0; i < answers.size(); ++i) collect(answers[i], "answers." + std::to_string(i), c, err, true);

  WorkspaceSnapshot s;
  if (c.workspace) read_workspace_answer(*c.workspace, c.workspace_path, s, err);
  if (options.name) s.name = *options.name;
  if (s.name.empty())
    err.add("workspace.name", "The workspace's name is missing: include the answer of GET /workspace, or give a name.");

  if (c.pages.last_page > 0) {
    std::vector<std::int64_t> missing;
    for (std::int64_t p = 1; p <= c.pages.last_page; ++p)
      if (!c.pages.seen.count(p)) missing.push_back(p);
    if (!missing.empty()) {
      std::string list;
      for (std::size_t k = 0; k < missing.size() && k < 10; ++k) list += (k ? ", " : "") + std::to_string(missing[k]);
      if (missing.size() > 10) list += ", ...";
      err.add("posts", "The posts list has " + std::to_string(c.pages.last_page) + " pages and page" +
                           (missing.size() > 1 ? "s " : " ") + list + (missing.size() > 1 ? " are" : " is") +
                           " missing: read every page (?page=1 to ?page=" + std::to_string(c.pages.last_page) + ").");
    }
  }
  parse_items(c.posts, post_from_json, s.posts, err);
  parse_items(c.accounts, social_account_from_json, s.accounts, err);
  parse_items(c.labels, label_from_json, s.labels, err);
  if (c.pages.total && static_cast<std::int64_t>(s.posts.size()) < *c.pages.total && err.empty())
    err.add("posts", "The pages hold " + std::to_string(s.posts.size()) + " posts but the API counts " +
                         std::to_string(*c.pages.total) + ": the list changed while it was read; read every page again.");
  return snapshot_parts::finish_snapshot(std::move(s), err, options.exported_at ? &*options.exported_at : nullptr);
}

std::string snapshot_from_api_json(const std::string& request_json) {
  const json req = json::parse(request_json, nullptr, false);
  if (!req.is_object() || !req.contains("text") || !req["text"].is_string())
    return error_answer(make_error(400, "The request must be {\"text\": answers, \"name\"?, \"exported_at\"?}."));
  ApiSnapshotOptions options;
  if (const auto n = req.find("name"); n != req.end() && n->is_string() && !n->get_ref<const std::string&>().empty())
    options.name = n->get<std::string>();
  if (const auto e = req.find("exported_at"); e != req.end() && e->is_string()) options.exported_at = e->get<std::string>();
  auto docs = split_json_documents(req["text"].get_ref<const std::string&>());
  if (!docs) return error_answer(docs.error());
  auto s = snapshot_from_api_answers(docs.value(), options);
  if (!s) return error_answer(s.error());
  return to_json(s.value()).dump();
}

}  // namespace trypost
