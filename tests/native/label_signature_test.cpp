#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "trypost/label.hpp"
#include "trypost/signature.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace label_signature_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("labels: name required up to 255, color #RRGGBB") {
  CHECK(validate_label({{"name", std::string(255, 'a')}, {"color", "#4f46e5"}}).errors.empty());
  const auto long_name = validate_label({{"name", std::string(256, 'a')}, {"color", "#4f46e5"}});
  CHECK(long_name.message == "The name field must not be greater than 255 characters.");
  CHECK(validate_label({{"color", "#4f46e5"}}).message == "The name field is required.");
  CHECK(validate_label({{"name", ""}, {"color", "#4f46e5"}}).errors.count("name") == 1);
  for (const char* bad : {"4f46e5", "#4f46e", "#4f46e5f", "#zzzzzz", "red"}) {
    CAPTURE(bad);
    CHECK(validate_label({{"name", "Promo"}, {"color", bad}}).errors.at("color").front() ==
          "The color field must be a valid hexadecimal color.");
  }
  const auto both = validate_label(json::object());
  CHECK(both.message == "The name field is required. (and 1 more error)");
  // Entry point: POST answers 201, PUT 200, errors 422.
  CHECK(json::parse(validate_label_json(R"({"name":"A","color":"#ABCDEF"})"))["status"] == 201);
  CHECK(json::parse(validate_label_json(R"({"method":"PUT","body":{"name":"A","color":"#ABCDEF"}})"))["status"] == 200);
  const json bad = json::parse(validate_label_json(R"({"method":"PUT","body":{"name":"A"}})"));
  CHECK(bad["status"] == 422);
  CHECK(bad["valid"] == false);
  CHECK(json::parse(validate_label_json("[")).contains("error"));
}

TEST_CASE("signatures: name required up to 255, content required") {
  CHECK(validate_signature({{"name", std::string(255, 'a')}, {"content", "-- Ana"}}).errors.empty());
  CHECK(validate_signature({{"name", std::string(256, 'a')}, {"content", "-- Ana"}}).errors.count("name") == 1);
  CHECK(validate_signature({{"name", "Sig"}}).message == "The content field is required.");
  CHECK(validate_signature({{"name", "Sig"}, {"content", 3}}).message == "The content field must be a string.");
  CHECK(json::parse(validate_signature_json(R"({"name":"S","content":"x"})"))["valid"] == true);
}

TEST_CASE("signatures append in click order, one blank line apart") {
  const std::vector<std::string> sigs{"-- Ana", "#launch #news"};
  CHECK(apply_signatures("Hello", sigs) == "Hello\n\n-- Ana\n\n#launch #news");
  // Trailing space of the post and line breaks around a signature do not pile up.
  CHECK(apply_signatures("Hello \n\n", std::vector<std::string>{"\n-- Ana\n"}) == "Hello\n\n-- Ana");
  CHECK(apply_signatures("", sigs) == "-- Ana\n\n#launch #news");
  CHECK(apply_signatures("Hi", std::vector<std::string>{"  ", "x"}) == "Hi\n\nx");
  CHECK(apply_signatures("Hi", std::vector<std::string>{"  indented"}) == "Hi\n\n  indented");
  // The same signature twice is appended twice: each click is an append.
  CHECK(apply_signatures("A", std::vector<std::string>{"s", "s"}) == "A\n\ns\n\ns");
  const json out = json::parse(apply_signatures_json(R"({"content":"Hi","signatures":["a",{"content":"b"}]})"));
  CHECK(out["content"] == "Hi\n\na\n\nb");
  CHECK(json::parse(apply_signatures_json(R"({"content":"Hi","signatures":[5]})")).contains("error"));
}

}  // namespace label_signature_test
