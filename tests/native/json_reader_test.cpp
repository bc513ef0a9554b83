#include <doctest/doctest.h>

#include "trypost/json_reader.hpp"

// Test files are compiled in batches (unity build): each keeps its helpers in its own namespace.
namespace json_reader_test {

using namespace trypost;
using nlohmann::json;

TEST_CASE("json reader: each limit refuses with its reason and leaves no DOM behind") {
  const JsonLimits small{64, 3, 8, 4};
  json out = json::object();
  CHECK_FALSE(read_json_within(R"({"a":[1,2,3,4],"b":"12345678"})", small, out));
  CHECK(out["a"].size() == 4);
  const auto reason = [&](const std::string& text) {
    json j = json::object();
    const auto r = read_json_within(text, small, j);
    CHECK(j.is_null());
    return r ? r->reason : std::string("accepted");
  };
  CHECK(reason(std::string(65, ' ')) == "too_large");
  CHECK(reason("[[[[1]]]]") == "too_deep");
  CHECK(reason(R"(["123456789"])") == "string_too_long");
  CHECK(reason(R"({"123456789":1})") == "string_too_long");
  CHECK(reason("[1,2,3,4,5]") == "array_too_long");
  CHECK(reason(R"({"a":)") == "not_json");
  // The message names the limit, so a person knows what was refused.
  json j;
  CHECK(read_json_within("[1,2,3,4,5]", small, j)->message.find("4 items") != std::string::npos);
}

}  // namespace json_reader_test
