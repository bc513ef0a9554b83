#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "trypost/counting.hpp"
#include "trypost/unicode.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace counting_test {

using namespace trypost;
using trypost::testing::read_file;
using trypost::testing::fixture_path;

namespace {

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}
std::string utf8(const std::vector<char32_t>& cps) {
  std::string s;
  for (const char32_t c : cps) s += utf8(c);
  return s;
}
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The double-quoted scalars of validate.yml: \uXXXX, \", \\ and \n escapes; UTF-8 otherwise.
std::string yaml_unquote(const std::string& raw) {
  std::string out;
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    const char e = raw[++i];
    if (e == 'u') {
      const auto cp = static_cast<char32_t>(std::stoul(raw.substr(i + 1, 4), nullptr, 16));
      out += utf8(cp);
      i += 4;
    } else if (e == 'n') {
      out += '\n';
    } else if (e == 't') {
      out += '\t';
    } else {
      out += e;
    }
  }
  return out;
}

struct WeightedCase {
  std::string description, text;
  int weighted_length = -1;
};

// Reads one section of validate.yml: "  Section:" then "- description:", "text:" and
// "weightedLength:" lines, all scalars on one line.
std::vector<WeightedCase> read_section(const std::string& yml, const std::string& section) {
  std::vector<WeightedCase> cases;
  const auto start = yml.find("\n  " + section + ":");
  if (start == std::string::npos) return cases;
  std::size_t pos = yml.find('\n', start + 1);
  while (pos != std::string::npos && pos + 1 < yml.size()) {
    const std::size_t eol = yml.find('\n', pos + 1);
    const std::string line = yml.substr(pos + 1, eol == std::string::npos ? std::string::npos : eol - pos - 1);
    pos = eol;
    if (line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ') break;  // next section
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon);
    key.erase(0, key.find_first_not_of(" -"));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (key == "description") {
      cases.push_back({});
      cases.back().description = value.front() == '"' ? yaml_unquote(value) : value;
    } else if (key == "text" && !cases.empty()) {
      cases.back().text = value.front() == '"' ? yaml_unquote(value) : value;
    } else if (key == "weightedLength" && !cases.empty()) {
      cases.back().weighted_length = std::stoi(value);
    }
  }
  return cases;
}

std::vector<char32_t> hex_sequence(const std::string& s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.push_back(static_cast<char32_t>(std::stoul(s.substr(i, j - i), nullptr, 16)));
    i = j;
  }
  return out;
}

}  // namespace

TEST_CASE("UTF-8: each maximal invalid subpart counts as one U+FFFD") {
  // Unicode's table 3-8 example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 -> 10 code points.
  const std::string s = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  CHECK(count_code_points(s) == 10);
  CHECK(count_code_points("\xED\xA0\x80") == 3);        // a surrogate: 3 subparts
  CHECK(count_code_points("\xF0\x9F\x98") == 1);        // truncated 4-byte sequence
  CHECK(count_code_points("\xC0\xAF") == 2);            // overlong
  CHECK(count_code_points("\xF4\x90\x80\x80") == 4);    // past U+10FFFF
  CHECK(count_code_points(utf8(0x1F600) + "a") == 2);
  CHECK(count_graphemes("\xF0\x9F\x98") == 1);
  CHECK(count_x_weighted("\xF0\x9F\x98") == 2);         // U+FFFD weighs 2
}

TEST_CASE("GraphemeBreakTest (Unicode 17): every case") {
  const auto doc = nlohmann::json::parse(read_file(fixture_path("unicode/GraphemeBreakTest.json")),
                                         nullptr, false);
  REQUIRE(!doc.is_discarded());
  const auto& cases = doc.at("GraphemeBreakTest");
  REQUIRE(cases.size() > 1000);
  std::size_t failures = 0;
  for (const auto& c : cases) {
    const std::string line = c.get<std::string>();
    // "÷ 0020 × 0308 ÷": clusters = number of ÷ marks minus the one at the end
    std::size_t breaks = 0;
    for (std::size_t i = 0; (i = line.find("\xC3\xB7", i)) != std::string::npos; i += 2) ++breaks;
    const std::string text = utf8(hex_sequence(line));
    const std::size_t expected = breaks - 1;
    if (count_graphemes(text) != expected) {
      ++failures;
      if (failures < 10) FAIL_CHECK(line << " -> " << count_graphemes(text) << ", expected " << expected);
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("NormalizationTest (Unicode 17): NFC of every source sequence") {
  const auto doc = nlohmann::json::parse(read_file(fixture_path("unicode/NormalizationTest.json")),
                                         nullptr, false);
  REQUIRE(!doc.is_discarded());
  std::vector<char32_t> got;
  std::size_t checked = 0, failures = 0;
  for (const auto& c : doc.at("NormalizationTest")) {
    if (!c.contains("NFCSequence")) continue;
    std::string src, want;
    for (const auto& h : c.at("sourceSequence")) src += utf8(static_cast<char32_t>(std::stoul(h.get<std::string>(), nullptr, 16)));
    std::vector<char32_t> expected;
    for (const auto& h : c.at("NFCSequence")) expected.push_back(static_cast<char32_t>(std::stoul(h.get<std::string>(), nullptr, 16)));
    unicode::decode_nfc(src, got);
    ++checked;
    if (got != expected && ++failures < 10) FAIL_CHECK("NFC mismatch for " << c.at("sourceSequence").dump());
  }
  CHECK(checked > 15000);
  CHECK(failures == 0);
}

TEST_CASE("validate.yml WeightedTweetsWithDiscountedEmojiCounterTest: every case") {
  const auto cases = read_section(read_file(fixture_path("twitter-text/validate.yml")),
                                  "WeightedTweetsWithDiscountedEmojiCounterTest");
  REQUIRE(cases.size() == 22);
  for (const auto& c : cases) {
    REQUIRE(c.weighted_length >= 0);
    CHECK_MESSAGE(count_x_weighted(c.text) == static_cast<std::size_t>(c.weighted_length), c.description);
  }
}

TEST_CASE("x_post: NFC first, weights, URLs and emoji sequences") {
  CHECK(count_x_weighted("e\xCC\x81") == 1);                       // e + U+0301 composes to U+00E9
  CHECK(count_x_weighted(utf8({0x1100, 0x1161})) == 2);            // jamo compose to U+AC00
  CHECK(count_x_weighted(utf8(0x2014)) == 1);                      // em dash is in a weight-1 range
  CHECK(count_x_weighted(utf8(0x2038)) == 2);
  CHECK(count_x_weighted("example.com") == 23);
  CHECK(count_x_weighted("see example.com/a?b=1 now") == 4 + 23 + 4);
  CHECK(count_x_weighted("-example.com") == 12);                   // no URL after '-' without a scheme
  CHECK(count_x_weighted("https://t.co/abc123/more") == 23 + 5);   // t.co: nothing after the slug
  CHECK(count_x_weighted("foo.invalidtld") == 14);
  CHECK(count_x_weighted(utf8({0x1F9D1, 0x1F3FF, 0x200D, 0x1F4BB})) == 2);  // Emoji 12.1 + skin tone
  CHECK(count_x_weighted(utf8({0x1F426, 0x200D, 0x1F525})) == 2);           // phoenix, Emoji 15.1
  CHECK(count_x_weighted(utf8({0x1F1FA, 0x1F1F8})) == 2);                   // flag
  CHECK(count_x_weighted(utf8({0x0023, 0xFE0F, 0x20E3})) == 2);             // keycap
  CHECK(count_x_weighted(utf8(0x00A9)) == 1);                               // text-style (c) stays 1
  CHECK(count_x_weighted(utf8({0x00A9, 0xFE0F})) == 2);                     // emoji-style (c)
  CHECK(count_x_weighted(utf8({0x1F600, 0xFE0F})) == 4);  // FE0F with no listed sequence is a stray
  CHECK(count_x_weighted(utf8({0x1F3F4, 0xE0067, 0xE0062, 0xE0065, 0xE006E, 0xE0067, 0xE007F})) == 2);
}

TEST_CASE("bluesky_post counts grapheme clusters, the rest code points") {
  const std::string family = utf8({0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467});
  CHECK(count_for(ContentType::bluesky_post, family) == 1);
  CHECK(count_for(ContentType::mastodon_post, family) == 5);
  CHECK(count_for(ContentType::bluesky_post, "\r\n") == 1);
  CHECK(count_for(ContentType::bluesky_post, utf8({0x0915, 0x094D, 0x0937})) == 1);  // GB9c conjunct
}

TEST_CASE("every content type: the limit passes, one more fails") {
  for (const ContentType t : all_content_types()) {
    const std::size_t max = max_content_length(t);
    REQUIRE(max > 0);
    const std::string at_limit = repeat("a", max);
    const std::string over = at_limit + "a";
    CHECK(count_for(t, at_limit) == max);
    CHECK(count_for(t, over) == max + 1);
    const auto ok = nlohmann::json::parse(count_text_json(nlohmann::json{{"content_type", to_string(t)}, {"text", at_limit}}.dump()));
    const auto bad = nlohmann::json::parse(count_text_json(nlohmann::json{{"content_type", to_string(t)}, {"text", over}}.dump()));
    CHECK(ok.at("valid") == true);
    CHECK(bad.at("valid") == false);
    CHECK(bad.at("max_length") == max);
  }
  // Units that are not one per byte: CJK weighs 2 on X, a family emoji is one grapheme on Bluesky.
  CHECK(count_for(ContentType::x_post, repeat(utf8(0x6F22), 140)) == 280);
  CHECK(count_for(ContentType::x_post, repeat(utf8(0x6F22), 140) + "a") == 281);
  const std::string family = utf8({0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467});
  CHECK(count_for(ContentType::bluesky_post, repeat(family, 300)) == 300);
  CHECK(count_for(ContentType::bluesky_post, repeat(family, 301)) == 301);
}

TEST_CASE("count_text_json rejects what it cannot count") {
  CHECK(count_text_json("not json").find("\"error\"") != std::string::npos);
  CHECK(count_text_json(R"({"content_type":"fax","text":"a"})").find("unknown content_type") != std::string::npos);
  CHECK(count_text_json(R"({"content_type":"x_post"})").find("text must be a string") != std::string::npos);
  CHECK(nlohmann::json::parse(count_text_json(R"({"content_type":"x_post","text":"hi"})")) ==
        nlohmann::json{{"content_type", "x_post"}, {"length", 2}, {"max_length", 280}, {"valid", true}});
}

TEST_CASE("count_batch splits texts by their UTF-16 lengths") {
  const std::vector<std::string> texts = {"a", utf8(0x1F600) + "b", "", utf8(0x6F22) + "example.com"};
  std::string joined;
  std::vector<std::uint32_t> lengths = {1, 3, 0, 12};
  for (const auto& t : texts) joined += t;
  std::vector<std::int32_t> out(texts.size(), -1);
  count_batch(ContentType::x_post, joined, lengths.data(), texts.size(), out.data());
  for (std::size_t i = 0; i < texts.size(); ++i) CHECK(out[i] == static_cast<std::int32_t>(count_x_weighted(texts[i])));
  CHECK(out[3] == 2 + 23);
}

}  // namespace counting_test
