// `trypost count --jsonl` in the core: each line answers exactly as count_text_json does, whether
// the quick scanner reads it or nlohmann's parser does.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "trypost/counting.hpp"
#include "trypost/counting_lines.hpp"
#include "trypost/unicode.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace counting_lines_test {

using namespace trypost;

TEST_CASE("count_lines answers each line as count_text_json does") {
  const char* const lines[] = {
      R"({"content_type":"x_post","text":"hello https://example.com/a. ok"})",
      R"( { "text" : "caf\u00e9 \ud83d\udc4d\ud83c\udffd \"q\" \\ \/ \n\t" , "content_type" : "bluesky_post" } )",
      R"({"content_type":"mastodon_post","text":"a","extra":{"nested":[1,2,{"x":null}]}})",
      R"({"content_type":"linkedin_post","text":"e\u0301","n":1.5e3,"b":true,"z":null})",
      R"({"content_type":"x_post","text":""})",
      R"({"content_type":"x_post","text":"\u6f22\u6f22"})",
  };
  std::string input, expected;
  for (const char* l : lines) {
    input += std::string(l) + "\n";
    expected += count_text_json(l) + "\n";
  }
  CHECK(count_lines(input) == expected);
}

TEST_CASE("count_lines: errors by line, blank lines skipped, CRLF, a lone surrogate as U+FFFD") {
  const auto out = count_lines(
      "not json\n\n   \n[1,2]\n{\"content_type\":\"fax\",\"text\":\"a\"}\r\n{\"content_type\":\"x_post\"}\n"
      "{\"content_type\":5,\"text\":\"a\"}\n{\"content_type\":\"bluesky_post\",\"text\":\"a\\ud800b\"}");
  std::vector<nlohmann::json> answers;
  std::size_t start = 0;
  while (start < out.size()) {
    const auto end = out.find('\n', start);
    answers.push_back(nlohmann::json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  REQUIRE(answers.size() == 6);
  CHECK(answers[0]["error"].get<std::string>().find("malformed") == 0);
  CHECK(answers[1]["error"].get<std::string>().find("malformed") == 0);
  CHECK(answers[2]["error"] == "unknown content_type");
  CHECK(answers[3]["error"] == "text must be a string");
  CHECK(answers[4]["error"] == "content_type must be a string");
  CHECK(answers[5]["length"] == 3);  // a, U+FFFD, b
  // A high surrogate followed by an escape that is not its low half: U+FFFD, then that character.
  const auto unpaired = count_lines("{\"content_type\":\"bluesky_post\",\"text\":\"a\\ud800\\u0041b\"}");
  CHECK(nlohmann::json::parse(unpaired)["length"] == 4);
}

TEST_CASE("count_lines: a nested line counts as the flat one would; numbers are JSON's") {
  // Raw bytes that are not UTF-8 and a lone surrogate escape are U+FFFD on either path.
  const std::string flat = "{\"content_type\":\"bluesky_post\",\"text\":\"a\xff\xe2\x82" "b\\udc00c\"}";
  const std::string nested = "{\"content_type\":\"bluesky_post\",\"text\":\"a\xff\xe2\x82" "b\\udc00c\",\"x\":[{}]}";
  const auto a = nlohmann::json::parse(count_lines(flat));
  CHECK(a["length"] == 6);  // a, U+FFFD, U+FFFD, b, U+FFFD, c
  CHECK(count_lines(nested) == count_lines(flat));
  // A number JSON does not write is not JSON, whichever path reads the line.
  for (const char* bad : {"1e", "01", "-", "1.", ".5", "1e+", "+1", "--1"}) {
    const auto answer = nlohmann::json::parse(count_lines(std::string("{\"content_type\":\"x_post\",\"text\":\"a\",\"n\":") + bad + "}"));
    CAPTURE(bad);
    CHECK(answer.contains("error"));
  }
  for (const char* good : {"0", "-0", "1.5e3", "-12E-2", "10"}) {
    const auto answer = nlohmann::json::parse(count_lines(std::string("{\"content_type\":\"x_post\",\"text\":\"a\",\"n\":") + good + "}"));
    CAPTURE(good);
    CHECK(answer["length"] == 1);
  }
}

TEST_CASE("the CLI's buffer: input copied in, answers read out") {
  const std::string in = "{\"content_type\":\"x_post\",\"text\":\"hi\"}\n";
  auto* at = reinterpret_cast<char*>(counting_lines_buffer(in.size()));
  REQUIRE(at != nullptr);
  std::copy(in.begin(), in.end(), at);
  const auto n = counting_lines_run(in.size());
  CHECK(std::string(reinterpret_cast<const char*>(counting_lines_output()), n) ==
        count_text_json("{\"content_type\":\"x_post\",\"text\":\"hi\"}") + "\n");
}

TEST_CASE("graphemes: runs of printable ASCII keep the rules at their edges") {
  CHECK(count_graphemes("\xd8\x80" "ab") == 2);          // U+0600 (Prepend) joins the a
  CHECK(count_graphemes("\r\nab\r\n") == 4);             // CR LF is one cluster, either side
  CHECK(count_graphemes("abc" "\xcc\x81" "de") == 5);    // the c takes its combining accent
  CHECK(count_graphemes("ab" "\xe2\x80\x8d" "cd") == 4);  // ZWJ extends the b
  CHECK(count_graphemes("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7" "ab") == 3);  // a flag, then a, b
}

}  // namespace counting_lines_test
