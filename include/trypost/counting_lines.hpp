#pragma once
// `trypost count --jsonl` in one crossing: many lines {"content_type": T, "text": S} as UTF-8
// bytes in, one answer line each out, in order, with the same answers as count_text_json.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace trypost {

// Each non-blank line answers {"content_type":T,"length":N,"max_length":M,"valid":bool} or
// {"error":"malformed line: ..."}; blank lines answer nothing.
std::string count_lines(std::string_view jsonl);

// For the CLI: a buffer in this module's memory that the caller fills with `bytes` of input,
// then one run; the answer lines stay at counting_lines_output() until the next call.
std::uintptr_t counting_lines_buffer(std::size_t bytes);
std::size_t counting_lines_run(std::size_t bytes);
std::uintptr_t counting_lines_output();

}  // namespace trypost
