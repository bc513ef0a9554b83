#include "trypost/snapshot.hpp"

#include <cctype>
#include <optional>
#include <utility>

#include "trypost/core_answer.hpp"
#include "trypost/json_fields.hpp"
#include "snapshot_parts.hpp"
#include "trypost/response.hpp"

namespace trypost {

using nlohmann::json;

namespace {

// Splits snake_case, kebab-case and camelCase into lower-case words.
std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == '_' || c == '-' || c == '.' || c == ' ') {
      flush();
      continue;
    }
    if (std::isupper(c) && !cur.empty() && !std::isupper(static_cast<unsigned char>(name[i - 1]))) flush();
    cur.push_back(char(std::tolower(c)));
  }
  flush();
  return out;
}

ApiError damaged(std::string why) {
  return make_error(422, "The snapshot file is damaged and was not loaded: " + why);
}

template <class T, class Parse>
bool parse_list(const json& j, const char* key, const std::string& path, Parse parse, std::vector<T>& out,
                ApiError& err, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) err.add(join_path(path, key), std::string("The ") + key + " list is missing.");
    return !required;
  }
  if (!it->is_array()) {
    err.add(join_path(path, key), std::string("The ") + key + " field must be a list.");
    return false;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    auto v = parse((*it)[i], join_path(path, key) + "." + std::to_string(i));
    if (v) out.push_back(std::move(v).value());
    else
      for (const auto& [f, msgs] : v.error().errors)
        for (const auto& m : msgs) err.add(f, m);
  }
  return true;
}

void read_workspace(const json& w, const std::string& path, WorkspaceSnapshot& s, ApiError& err) {
  if (!w.is_object()) {
    err.add(path, "The workspace must be an object.");
    return;
  }
  Fields f(w, path, err);
  s.name = f.string("name", true).value_or("");
  s.logo_url = f.string("logo_url").value_or("");
  if (const auto* b = f.get("brand")) {
    if (!b->is_object()) {
      err.add(f.at("brand"), "The brand must be an object.");
      return;
    }
    Fields bf(*b, f.at("brand"), err);
    auto colour = [&](const char* key, std::string& out) {
      out = bf.string(key).value_or("");
      if (!out.empty() && !is_hex_color(out)) err.add(bf.at(key), std::string("The ") + key + " colour must look like #RRGGBB.");
    };
    colour("primary", s.brand.primary);
    colour("background", s.brand.background);
    colour("text", s.brand.text);
  }
}

}  // namespace

Expected<WorkspaceSnapshot> snapshot_parts::finish_snapshot(WorkspaceSnapshot s, ApiError& err, const std::string* exported_at) {
  if (exported_at) {
    const auto t = parse_time(*exported_at);
    if (t.value) s.exported_at = t.value;
    else err.add("exported_at", "The exported at field " + t.error + ".");
  }
  if (!err.empty()) {
    err.finalize_message();
    return err;
  }
  return s;
}

bool is_secret_field_name(std::string_view name) {
  static const char* const kWords[] = {"key",        "keys",       "apikey",   "secret",  "secrets",
                                       "token",      "tokens",     "password", "passwd",  "passphrase",
                                       "authorization", "auth",    "bearer",   "credential", "credentials",
                                       "cookie",     "session",    "jwt",      "private", "privatekey"};
  for (const auto& w : words_of(name))
    for (const char* k : kWords)
      if (w == k) return true;
  return false;
}

json strip_secrets(const json& j) {
  if (j.is_object()) {
    json out = json::object();
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!is_secret_field_name(it.key())) out[it.key()] = strip_secrets(it.value());
    return out;
  }
  if (j.is_array()) {
    json out = json::array();
    for (const auto& v : j) out.push_back(strip_secrets(v));
    return out;
  }
  return j;
}

Expected<WorkspaceSnapshot> snapshot_from_workspace_json(const json& j) {
  if (!j.is_object()) return make_error(422, "The workspace export must be a JSON object.");
  ApiError err;
  WorkspaceSnapshot s;
  if (auto w = j.find("workspace"); w != j.end()) read_workspace(*w, "workspace", s, err);
  else err.add("workspace", "The workspace field is required.");
  parse_list(j, "accounts", "", social_account_from_json, s.accounts, err, false);
  parse_list(j, "labels", "", label_from_json, s.labels, err, false);
  parse_list(j, "posts", "", post_from_json, s.posts, err, true);
  const auto e = j.find("exported_at");
  return snapshot_parts::finish_snapshot(std::move(s), err,
                                         e != j.end() && e->is_string() ? &e->get_ref<const std::string&>() : nullptr);
}

json to_json(const WorkspaceSnapshot& s) {
  json brand = json::object();
  if (!s.brand.primary.empty()) brand["primary"] = s.brand.primary;
  if (!s.brand.background.empty()) brand["background"] = s.brand.background;
  if (!s.brand.text.empty()) brand["text"] = s.brand.text;
  json ws{{"name", s.name}, {"brand", brand}};
  if (!s.logo_url.empty()) ws["logo_url"] = s.logo_url;
  json accounts = json::array(), labels = json::array(), posts = json::array();
  for (const auto& a : s.accounts) accounts.push_back(to_json(a));
  for (const auto& l : s.labels) labels.push_back(to_json(l));
  // Post meta is free-form per platform; it is the one place a stray credential could ride along.
  for (const auto& p : s.posts) posts.push_back(strip_secrets(to_json(p)));
  json file{{"format", kSnapshotFormat},
            {"version", kSnapshotVersion},
            {"workspace", ws},
            {"accounts", accounts},
            {"labels", labels},
            {"posts", posts},
            {"counts", {{"accounts", s.accounts.size()}, {"labels", s.labels.size()}, {"posts", s.posts.size()}}}};
  if (s.exported_at) file["exported_at"] = format_iso_time(*s.exported_at);
  return file;
}

bool looks_like_snapshot(const json& j) {
  if (!j.is_object()) return false;
  auto f = j.find("format");
  return f != j.end() && f->is_string() && f->get<std::string>() == kSnapshotFormat;
}

namespace {

// Everything an import checks; the posts and labels lists are read here unless `lists` holds them.
Expected<WorkspaceSnapshot> import_checked(const json& file, std::optional<std::pair<std::vector<Post>, std::vector<Label>>> lists) {
  if (!file.is_object()) return damaged("it is not a JSON object.");
  if (!looks_like_snapshot(file))
    return make_error(422, "This file is not a TryPost calendar snapshot (its format field is missing or different).");
  auto v = file.find("version");
  if (v == file.end() || !v->is_number_integer() || v->get<std::int64_t>() < 1)
    return damaged("its version field is missing or not a positive whole number.");
  if (v->get<std::int64_t>() > kSnapshotVersion)
    return make_error(422, "This snapshot uses format version " + std::to_string(v->get<std::int64_t>()) +
                               ", which is newer than this app reads (version " + std::to_string(kSnapshotVersion) +
                               "). Update the app to open it.");
  ApiError err;
  WorkspaceSnapshot s;
  if (auto w = file.find("workspace"); w != file.end()) read_workspace(*w, "workspace", s, err);
  else err.add("workspace", "The workspace section is missing.");
  parse_list(file, "accounts", "", social_account_from_json, s.accounts, err, true);
  if (lists) {
    s.posts = std::move(lists->first);
    s.labels = std::move(lists->second);
  } else {
    parse_list(file, "labels", "", label_from_json, s.labels, err, true);
    parse_list(file, "posts", "", post_from_json, s.posts, err, true);
  }
  // Counts catch a file cut or edited by hand; a file written without them (by a script, or
  // assembled from API answers) is read as it is.
  if (auto c = file.find("counts"); c != file.end()) {
    auto check = [&](const char* key, std::size_t have) {
      auto n = c->find(key);
      if (n == c->end() || !n->is_number_unsigned() || n->get<std::uint64_t>() != have)
        err.add(std::string("counts.") + key, std::string("The file lists a different number of ") + key +
                                                  " than it holds; it may have been cut or edited.");
    };
    if (!c->is_object()) err.add("counts", "The counts section must be an object.");
    else {
      check("accounts", s.accounts.size());
      check("labels", s.labels.size());
      check("posts", s.posts.size());
    }
  }
  if (auto e = file.find("exported_at"); e != file.end() && e->is_string()) {
    const auto t = parse_time(e->get<std::string>());
    if (t.value) s.exported_at = t.value;
  }
  if (!err.empty()) {
    err.finalize_message();
    ApiError out = damaged(err.message);
    out.errors = err.errors;
    return out;
  }
  return s;
}

}  // namespace

Expected<WorkspaceSnapshot> import_snapshot(const json& file) { return import_checked(file, std::nullopt); }

Expected<WorkspaceSnapshot> import_snapshot_with(const json& head, std::vector<Post> posts, std::vector<Label> labels) {
  return import_checked(head, std::make_pair(std::move(posts), std::move(labels)));
}

Expected<WorkspaceSnapshot> read_snapshot_file(std::string_view text) {
  // Refused before a copy is made: the size alone decides.
  if (static_cast<std::int64_t>(text.size()) > kMaxSnapshotBytes)
    return damaged("it is larger than the limit of " + std::to_string(kMaxSnapshotBytes) + " bytes.");
  json j;
  const ResponseLimits limits{kMaxSnapshotBytes, kMaxSnapshotDepth, kMaxSnapshotStringBytes, kMaxSnapshotArrayLength};
  if (const auto f = parse_json_within(std::string(text), limits, j)) {
    if (f->reason == "too_deep")
      return damaged("it nests deeper than the limit of " + std::to_string(kMaxSnapshotDepth) + " levels.");
    if (f->reason == "string_too_long")
      return damaged("it holds a string longer than the limit of " + std::to_string(kMaxSnapshotStringBytes) + " bytes.");
    if (f->reason == "array_too_long")
      return damaged("it holds a list longer than the limit of " + std::to_string(kMaxSnapshotArrayLength) + " items.");
    return damaged("it is not valid JSON (it may have been cut short).");
  }
  return import_snapshot(j);
}

std::string export_snapshot_json(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error_answer(make_error(400, "The workspace export is not valid JSON."));
  auto s = snapshot_from_workspace_json(j);
  if (!s) return error_answer(s.error());
  return to_json(*s).dump();
}

std::string import_snapshot_json(const std::string& text) {
  auto s = read_snapshot_file(text);
  if (!s) return error_answer(s.error());
  return to_json(*s).dump();
}

}  // namespace trypost
